#include "app/backup_archive.h"

#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include <Poco/DateTime.h>
#include <Poco/DigestStream.h>
#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>
#include <Poco/SHA2Engine.h>
#include <Poco/StreamCopier.h>
#include <Poco/UUIDGenerator.h>
#include <Poco/Zip/Compress.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include "app/cli_text.h"
#include "store/audit_chain.h"
#include "store/database.h"
#include "store/database_backup.h"
#include "store/database_uri.h"
#include "store/dialect.h"
#include "store/row.h"

namespace beacon::app {

namespace {

constexpr const char* kManifestEntry = "manifest.json";
constexpr const char* kDatabaseEntry = "beacon.db";
constexpr const char* kAttachmentsPrefix = "attachments/";

// A temporary file or folder next to `path`, removed on scope exit unless released.
class Scratch {
 public:
  explicit Scratch(const std::string& path)
      : path_(path + ".tmp-" + Poco::UUIDGenerator::defaultGenerator().createRandom().toString()) {}
  ~Scratch() {
    if (path_.empty()) return;
    try {
      Poco::File f(path_);
      if (f.exists()) f.remove(true);
    } catch (...) {
    }
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string contentPath(const std::string& dir, const std::string& sha256) {
  return Poco::Path(dir).append(sha256.substr(0, 2)).append(sha256).toString();
}

bool isSha256(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::string fileSha256(const std::string& path) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  Poco::DigestOutputStream digest(sha);
  std::ifstream in(path, std::ios::binary);
  Poco::StreamCopier::copyStream(in, digest);
  digest.close();
  return Poco::DigestEngine::digestToHex(sha.digest());
}

sdk::Status postgresRefused(const std::string& key, bool english, bool restore) {
  return sdk::Status::invalid(
      key, cliWord(restore ? "refuse_restore_postgres" : "refuse_backup_postgres", english));
}

// The SQLite file `database_uri` names, or the refusal.
sdk::Result<std::string> sqlitePath(const std::string& database_uri, bool english, bool restore) {
  auto uri = store::DatabaseUri::parse(database_uri, english);
  if (!uri.isOk()) return sdk::Status::invalid("beacon.database", uri.status().message());
  if (uri.value().postgres()) return postgresRefused("beacon.database", english, restore);
  if (uri.value().path == ":memory:") {
    return sdk::Status::invalid("beacon.database", cliWord("refuse_backup_in_memory", english));
  }
  return uri.value().path;
}

std::string manifestJson(const BackupManifest& m) {
  Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  o.set("format", kBackupFormat);
  o.set("created_at", m.created_at);
  o.set("schema_version", m.schema_version);
  o.set("audit_head_id", static_cast<Poco::Int64>(m.audit_head_id));
  o.set("audit_head_hash", m.audit_head_hash);
  o.set("audit_entries", static_cast<Poco::UInt64>(m.audit_entries));
  o.set("attachments", static_cast<Poco::UInt64>(m.attachments));
  std::ostringstream out;
  o.stringify(out, 2);
  return out.str();
}

sdk::Result<BackupManifest> parseManifest(const std::string& json, bool english) {
  const sdk::Status bad =
      sdk::Status::invalid("--from", cliWord("refuse_backup_manifest", english));
  try {
    Poco::JSON::Parser parser;
    auto o = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
    if (!o || o->optValue<std::string>("format", "") != kBackupFormat) return bad;
    BackupManifest m;
    m.schema_version = o->getValue<int>("schema_version");
    m.audit_head_id = o->getValue<Poco::Int64>("audit_head_id");
    m.audit_head_hash = o->getValue<std::string>("audit_head_hash");
    m.audit_entries = o->getValue<Poco::UInt64>("audit_entries");
    m.attachments = o->getValue<Poco::UInt64>("attachments");
    m.created_at = o->getValue<std::string>("created_at");
    return m;
  } catch (const Poco::Exception&) {
    return bad;
  }
}

void extractEntry(std::istream& zip, const Poco::Zip::ZipLocalFileHeader& header, const std::string& path) {
  Poco::Zip::ZipInputStream entry(zip, header, true);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  Poco::StreamCopier::copyStream(entry, out);
  out.close();
  if (!out) throw Poco::WriteFileException(path);
}

}  // namespace

sdk::Result<BackupManifest> writeBackup(const std::string& database_uri, const std::string& attachments_dir,
                                        const std::string& out_path, bool english) {
  auto source = sqlitePath(database_uri, english, false);
  if (!source.isOk()) return source.status();
  if (!Poco::File(source.value()).exists()) {
    return sdk::Status::invalid("beacon.database",
                                cliWord("refuse_no_database_file", english, {source.value()}));
  }
  if (out_path.empty())
    return sdk::Status::invalid("--out", cliWord("refuse_backup_file_required", english));
  if (Poco::File(out_path).exists()) {
    return sdk::Status::invalid("--out", cliWord("refuse_backup_exists", english, {out_path}));
  }
  Scratch work(out_path);
  Poco::File(work.path()).createDirectories();
  const std::string copy = Poco::Path(work.path()).append(kDatabaseEntry).toString();
  BackupManifest manifest;
  std::vector<std::string> hashes;
  {
    store::Database live(database_uri);
    store::vacuumInto(live, copy);
  }
  {
    store::Database snapshot(copy);
    manifest.schema_version = snapshot.schemaVersion();
    const auto chain = store::verifyAuditChain(snapshot.session());
    if (!chain.ok()) {
      return sdk::Status::invalid(
          "beacon.database", cliWord("refuse_backup_chain", english, {chain.describe(english)}));
    }
    manifest.audit_head_id = chain.head_id;
    manifest.audit_head_hash = chain.head_hash;
    manifest.audit_entries = chain.entries;
    hashes = store::attachmentContentHashes(snapshot.session());
  }
  manifest.attachments = hashes.size();
  manifest.created_at = store::isoTimestampNow();
  for (const auto& sha : hashes) {
    if (!isSha256(sha) || !Poco::File(contentPath(attachments_dir, sha)).exists()) {
      return sdk::Status::invalid(
          "web.attachments_dir",
          cliWord("refuse_attachment_missing", english,
                  {contentPath(attachments_dir, isSha256(sha) ? sha : "??" + sha)}));
    }
  }

  const std::string part = Poco::Path(work.path()).append("backup.zip").toString();
  {
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    Poco::Zip::Compress zip(out, true, true);
    std::istringstream manifest_in(manifestJson(manifest));
    zip.addFile(manifest_in, Poco::DateTime(), kManifestEntry, Poco::Zip::ZipCommon::CM_DEFLATE,
                Poco::Zip::ZipCommon::CL_NORMAL);
    zip.addFile(copy, kDatabaseEntry, Poco::Zip::ZipCommon::CM_DEFLATE, Poco::Zip::ZipCommon::CL_NORMAL);
    // Photos and PDFs are compressed already: stored as they are.
    for (const auto& sha : hashes) {
      zip.addFile(contentPath(attachments_dir, sha), std::string(kAttachmentsPrefix) + sha.substr(0, 2) + "/" + sha,
                  Poco::Zip::ZipCommon::CM_STORE, Poco::Zip::ZipCommon::CL_NORMAL);
    }
    zip.close();
    out.close();
    if (!out) return sdk::Status::unavailable(cliWord("refuse_cannot_write", english, {part}));
  }
  Poco::File(part).renameTo(out_path);
  return manifest;
}

sdk::Result<BackupManifest> restoreBackup(const std::string& from_path, const std::string& database_uri,
                                          const std::string& attachments_dir, bool replace, bool english) {
  auto target = sqlitePath(database_uri, english, true);
  if (!target.isOk()) return target.status();
  if (!Poco::File(from_path).exists()) {
    return sdk::Status::invalid("--from", cliWord("refuse_no_file", english, {from_path}));
  }
  if (Poco::File(target.value()).exists() && !replace) {
    bool holds = true;  // a file that is not a Beacon database is not overwritten either
    try {
      store::Database existing(database_uri);
      holds = store::holdsRecords(existing.session());
    } catch (const Poco::Exception&) {
    }
    if (holds) {
      return sdk::Status::invalid("beacon.database",
                                  cliWord("refuse_restore_has_records", english, {target.value()}));
    }
  }

  std::ifstream in(from_path, std::ios::binary);
  std::unique_ptr<Poco::Zip::ZipArchive> archive;
  try {
    archive = std::make_unique<Poco::Zip::ZipArchive>(in);
  } catch (const Poco::Exception&) {
    return sdk::Status::invalid("--from", cliWord("refuse_backup_not_zip", english, {from_path}));
  }
  const auto manifest_header = archive->findHeader(kManifestEntry);
  const auto database_header = archive->findHeader(kDatabaseEntry);
  if (manifest_header == archive->headerEnd() || database_header == archive->headerEnd()) {
    return sdk::Status::invalid("--from", cliWord("refuse_backup_entries", english, {from_path}));
  }
  std::string manifest_text;
  {
    Poco::Zip::ZipInputStream entry(in, manifest_header->second, true);
    Poco::StreamCopier::copyToString(entry, manifest_text);
  }
  auto manifest = parseManifest(manifest_text, english);
  if (!manifest.isOk()) return manifest.status();

  const std::string parent = Poco::Path(Poco::Path(target.value()).absolute()).parent().toString();
  Poco::File(parent).createDirectories();
  Scratch restored(target.value());
  extractEntry(in, database_header->second, restored.path());
  {
    store::Database copy("sqlite:" + restored.path());
    const int version = copy.schemaVersion();
    const int latest = copy.dialect().migrations().back().version;
    if (version != manifest.value().schema_version) {
      return sdk::Status::invalid(
          "--from",
          cliWord("refuse_backup_schema_differs", english,
                  {std::to_string(version), std::to_string(manifest.value().schema_version)}));
    }
    if (version > latest) {
      return sdk::Status::invalid("--from",
                                  cliWord("refuse_backup_newer", english,
                                          {std::to_string(version), std::to_string(latest)}));
    }
    const auto chain =
        store::verifyAuditChain(copy.session(), manifest.value().audit_head_id, manifest.value().audit_head_hash);
    if (!chain.ok() || chain.entries != manifest.value().audit_entries) {
      return sdk::Status::invalid(
          "--from", cliWord("refuse_backup_chain_differs", english,
                            {chain.ok() ? cliWord("backup_entry_count_differs", english)
                                        : chain.describe(english)}));
    }
    // Every attachment the rows name must be in the archive with the content its name says.
    const auto hashes = store::attachmentContentHashes(copy.session());
    Scratch files(Poco::Path(attachments_dir).absolute().toString() + "/.restore");
    for (const auto& sha : hashes) {
      const std::string entry_name = std::string(kAttachmentsPrefix) + sha.substr(0, 2) + "/" + sha;
      const auto header = archive->findHeader(entry_name);
      if (!isSha256(sha) || header == archive->headerEnd()) {
        return sdk::Status::invalid("--from",
                                    cliWord("refuse_backup_lacks_attachment", english, {sha}));
      }
      const std::string staged = contentPath(files.path(), sha);
      Poco::File(Poco::Path(staged).parent()).createDirectories();
      extractEntry(in, header->second, staged);
      if (fileSha256(staged) != sha) {
        return sdk::Status::invalid("--from",
                                    cliWord("refuse_backup_attachment_sha", english, {sha}));
      }
    }
    // Checked: content first (as the server writes it), then the database.
    for (const auto& sha : hashes) {
      const std::string destination = contentPath(attachments_dir, sha);
      if (Poco::File(destination).exists()) continue;
      Poco::File(Poco::Path(destination).parent()).createDirectories();
      Poco::File(contentPath(files.path(), sha)).renameTo(destination);
    }
  }
  for (const char* suffix : {"-wal", "-shm"}) {
    Poco::File side(target.value() + suffix);
    if (side.exists()) side.remove();
  }
  Poco::File(restored.path()).renameTo(target.value());
  return manifest.value();
}

}  // namespace beacon::app
