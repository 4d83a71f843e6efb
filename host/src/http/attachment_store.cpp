#include "http/attachment_store.h"

#include <fstream>
#include <sstream>

#include <Poco/DigestEngine.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/SHA2Engine.h>
#include <Poco/StreamCopier.h>
#include <Poco/UUIDGenerator.h>

#include "http/office_package.h"
#include "store/attachment_content_repository.h"
#include "store/attachment_repository.h"
#include "store/row.h"
#include "store/transaction.h"

namespace beacon::http {

namespace {

bool startsWith(const std::string& data, const std::string& prefix) {
  return data.size() >= prefix.size() && data.compare(0, prefix.size(), prefix) == 0;
}

bool endsWithNoCase(const std::string& name, const std::string& suffix) {
  if (name.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(name[name.size() - suffix.size() + i])) != suffix[i]) return false;
  }
  return true;
}

const char* kDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

}  // namespace

std::optional<std::string> sniffMediaType(const std::string& data, const std::string& filename) {
  if (startsWith(data, std::string("\xFF\xD8\xFF", 3))) return std::string("image/jpeg");
  if (startsWith(data, std::string("\x89PNG\r\n\x1A\n", 8))) return std::string("image/png");
  if (data.size() >= 12 && data.compare(4, 4, "ftyp") == 0) {
    const std::string brand = data.substr(8, 4);
    if (brand == "heic" || brand == "heix" || brand == "hevc" || brand == "heim" || brand == "heis" ||
        brand == "mif1" || brand == "msf1") {
      return std::string("image/heic");
    }
  }
  if (startsWith(data, "%PDF-")) return std::string("application/pdf");
  if (startsWith(data, std::string("PK\x03\x04", 4)) && endsWithNoCase(filename, ".docx") && isWordPackage(data)) {
    return std::string(kDocx);
  }
  return std::nullopt;
}

Poco::JSON::Object::Ptr toJson(const Attachment& a) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", a.id);
  o->set("owner_kind", a.owner_kind);
  o->set("owner_id", a.owner_id);
  o->set("purpose", a.purpose);
  o->set("filename", a.filename);
  o->set("media_type", a.media_type);
  o->set("sha256", a.sha256);
  o->set("size", a.size);
  o->set("uploaded_by", a.uploaded_by);
  o->set("created_at", a.created_at);
  o->set("url", "/attachments/" + std::to_string(a.id));
  return o;
}

AttachmentStore::AttachmentStore(Poco::Data::Session& session, std::string directory)
    : session_(session),
      directory_(std::move(directory)),
      in_database_(store::AttachmentContentRepository::keepsContent(session)),
      audit_(session) {}

std::string AttachmentStore::pathOf(const std::string& sha256) const {
  return Poco::Path(directory_).append(sha256.substr(0, 2)).append(sha256).toString();
}

sdk::Result<Attachment> AttachmentStore::describe(const std::string& owner_kind, sdk::RecordId owner_id,
                                                  const std::string& purpose, const std::string& filename,
                                                  const std::string& head, Poco::Int64 size,
                                                  const std::string& sha256, const std::string& field,
                                                  const store::Actor& actor) {
  if (size == 0) return sdk::Status::invalid(field, "the file is empty");
  auto type = sniffMediaType(head, filename);
  const bool document = type && (*type == "application/pdf" || *type == kDocx);
  const bool image = type && type->rfind("image/", 0) == 0;
  if (owner_kind == "plan_version" ? !document : !(document || image)) {
    return sdk::Status::invalid(field, owner_kind == "plan_version"
                                           ? "only PDF or DOCX documents are accepted (\"" + filename + "\")"
                                           : "only photos (JPEG, PNG, HEIC), PDF or DOCX are accepted (\"" +
                                                 filename + "\")");
  }
  Attachment a;
  a.owner_kind = owner_kind;
  a.owner_id = owner_id;
  a.purpose = purpose;
  a.filename = Poco::Path(filename).getFileName();
  if (a.filename.empty()) a.filename = "attachment";
  a.media_type = *type;
  a.sha256 = sha256;
  a.size = size;
  a.uploaded_by = actor.username;
  a.created_at = store::isoTimestampNow();
  return a;
}

sdk::Result<Attachment> AttachmentStore::add(const std::string& owner_kind, sdk::RecordId owner_id,
                                             const std::string& purpose, const std::string& filename,
                                             const std::string& data, const std::string& field,
                                             const store::Actor& actor) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(data);
  auto described = describe(owner_kind, owner_id, purpose, filename, data, static_cast<Poco::Int64>(data.size()),
                            Poco::DigestEngine::digestToHex(sha.digest()), field, actor);
  if (!described.isOk()) return described.status();
  Attachment a = described.value();
  if (in_database_) return record(std::move(a), actor, &data);
  const std::string target = pathOf(a.sha256);
  if (!Poco::File(target).exists()) {
    Poco::File(Poco::Path(target).parent()).createDirectories();
    const std::string temp = target + "." + Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    {
      std::ofstream out(temp, std::ios::binary);
      out.write(data.data(), static_cast<std::streamsize>(data.size()));
      if (!out) return sdk::Status::unavailable("cannot write " + temp);
    }
    Poco::File(temp).renameTo(target);
  }
  return record(std::move(a), actor, nullptr);
}

sdk::Result<Attachment> AttachmentStore::addUpload(const std::string& owner_kind, sdk::RecordId owner_id,
                                                   const std::string& purpose, const UploadedFile& file,
                                                   const std::string& field, const store::Actor& actor) {
  auto described = describe(owner_kind, owner_id, purpose, file.filename, file.head, file.size, file.sha256, field,
                            actor);
  if (!described.isOk()) return described.status();
  Attachment a = described.value();
  if (in_database_) {
    // At most web.max_upload_bytes, read whole once to go into the row.
    std::string data;
    {
      std::ifstream in(file.temp_path, std::ios::binary);
      if (!in) return sdk::Status::unavailable("cannot read " + file.temp_path);
      Poco::StreamCopier::copyToString(in, data);
    }
    Attachment stored = record(std::move(a), actor, &data);
    Poco::File(file.temp_path).remove();
    return stored;
  }
  const std::string target = pathOf(a.sha256);
  if (!Poco::File(target).exists()) {
    Poco::File(Poco::Path(target).parent()).createDirectories();
    Poco::File(file.temp_path).renameTo(target);  // atomic: the same content under the same name
  }
  return record(std::move(a), actor, nullptr);
}

Attachment AttachmentStore::record(Attachment a, const store::Actor& actor, const std::string* content) {
  store::Transaction tx(session_);
  if (content) store::AttachmentContentRepository(session_).put(a.sha256, *content);
  a.id = store::AttachmentRepository(session_).add(a);
  std::ostringstream after;
  toJson(a)->stringify(after);
  audit_.append(actor, "attach", "attachment", a.id, "", after.str());
  tx.commit();
  return a;
}

std::vector<Attachment> AttachmentStore::list(const std::string& owner_kind, sdk::RecordId owner_id) {
  return store::AttachmentRepository(session_).listForOwner(owner_kind, owner_id);
}

std::optional<Attachment> AttachmentStore::findById(sdk::RecordId id) {
  return store::AttachmentRepository(session_).findById(id);
}

std::string AttachmentStore::read(const Attachment& a) const {
  if (in_database_) {
    if (auto kept = store::AttachmentContentRepository(session_).find(a.sha256)) return std::move(*kept);
    // Stored before the database kept content: in this node's directory, if anywhere.
  }
  std::ifstream in(pathOf(a.sha256), std::ios::binary);
  if (!in) throw Poco::FileNotFoundException(pathOf(a.sha256));
  std::string out;
  Poco::StreamCopier::copyToString(in, out);
  return out;
}

}  // namespace beacon::http
