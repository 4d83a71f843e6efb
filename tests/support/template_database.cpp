#include "support/template_database.h"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>

#include <Poco/Data/Session.h>
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include "store/dialect.h"
#include "support/test_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::testing {

namespace {

// Advisory lock class for building templates ("BEAT"), apart from the store's own locks.
constexpr int kTemplateLock = 1111834964;

std::string lowerIdentifier(const std::string& text) {
  std::string clean;
  for (unsigned char c : text) clean += std::isalnum(c) ? static_cast<char>(std::tolower(c)) : '_';
  return clean;
}

// beacon_c_<suite, lower case>_<pid>_<n>: unique across parallel test processes.
std::string copyName() {
  static std::atomic<int> counter{0};
  const auto* suite = ::testing::UnitTest::GetInstance()->current_test_suite();
  const std::string tail = "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
  const std::string head = "beacon_c_";
  return head + lowerIdentifier(suite ? suite->name() : "suite").substr(0, 63 - head.size() - tail.size()) +
         tail;
}

// The test binary's modification time: a rebuilt binary (new migrations, a new demo) gets a
// template of its own.
std::string binaryKey() {
  struct stat st {};
  if (::stat("/proc/self/exe", &st) != 0) return "0";
  return std::to_string(static_cast<long long>(st.st_mtime));
}

Poco::Data::Session adminSession(const store::DatabaseUri& uri) {
  Poco::Data::Session admin = store::dialectFor(uri.backend).open(uri);
  admin << "SET client_min_messages = warning", now;
  return admin;
}

store::DatabaseUri inDatabase(store::DatabaseUri uri, const std::string& dbname) {
  uri.dbname = dbname;
  uri.schema.clear();
  return uri;
}

// Makes sure the cluster holds template `name` (built by this or another process).
void ensurePostgresTemplate(const store::DatabaseUri& base, const std::string& name,
                            const TemplateDatabase::Build& build) {
  static std::set<std::string> ready;  // in this process
  if (ready.count(name)) return;
  Poco::Data::Session admin = adminSession(base);
  const std::string lock = std::to_string(kTemplateLock) + ", hashtext('" + name + "')";
  admin << "SELECT pg_advisory_lock(" + lock + ")", now;
  try {
    int found = 0;
    admin << "SELECT COUNT(*) FROM pg_database WHERE datname = $1", bind(name), into(found), now;
    if (found == 0) {
      // Built under another name and renamed when complete, so a process that died half-way
      // leaves no template that looks ready.
      const std::string building = name + "_b";
      admin << "DROP DATABASE IF EXISTS " + building + " WITH (FORCE)", now;
      admin << "CREATE DATABASE " + building, now;
      build(inDatabase(base, building).display());
      admin << "ALTER DATABASE " + building + " RENAME TO " + name, now;
    }
  } catch (...) {
    admin << "SELECT pg_advisory_unlock(" + lock + ")", now;
    throw;
  }
  admin << "SELECT pg_advisory_unlock(" + lock + ")", now;
  ready.insert(name);
}

// This process's SQLite templates, removed when it exits.
class SqliteTemplates {
 public:
  ~SqliteTemplates() {
    for (const auto& [name, path] : paths_) {
      for (const char* suffix : {"", "-wal", "-shm"}) {
        try {
          Poco::File(path + suffix).remove();
        } catch (...) {
        }
      }
    }
  }
  const std::string& ensure(const std::string& name, const TemplateDatabase::Build& build) {
    auto found = paths_.find(name);
    if (found != paths_.end()) return found->second;
    const std::string path = Poco::TemporaryFile::tempName() + "-" + name + ".db";
    build(path);
    return paths_.emplace(name, path).first->second;
  }

 private:
  std::map<std::string, std::string> paths_;
};

}  // namespace

TemplateDatabase::TemplateDatabase(const std::string& name, const std::string& sqlite_path,
                                   const Build& build) {
  auto requested = TestDatabase::requested();
  if (!requested.isOk()) throw std::invalid_argument(requested.status().describe());
  if (!requested.value().postgres()) {
    static SqliteTemplates templates;
    const std::string& from = templates.ensure(name, build);
    Poco::File(from).copyTo(sqlite_path);
    // A template still in WAL mode after its last connection closed keeps its log beside it.
    if (Poco::File(from + "-wal").exists()) Poco::File(from + "-wal").copyTo(sqlite_path + "-wal");
    uri_ = sqlite_path;
    return;
  }
  base_ = inDatabase(requested.value(), requested.value().dbname);
  const std::string template_name = "beacon_tpl_" + lowerIdentifier(name) + "_" + binaryKey();
  ensurePostgresTemplate(base_, template_name, build);
  dbname_ = copyName();
  Poco::Data::Session admin = adminSession(base_);
  admin << "CREATE DATABASE " + dbname_ + " TEMPLATE " + template_name, now;
  uri_ = inDatabase(base_, dbname_).display();
}

TemplateDatabase::~TemplateDatabase() {
  if (dbname_.empty()) return;
  try {
    Poco::Data::Session admin = adminSession(base_);
    admin << "DROP DATABASE IF EXISTS " + dbname_ + " WITH (FORCE)", now;
  } catch (...) {
    // A throwaway cluster: a database left behind is removed with it.
  }
}

}  // namespace beacon::testing
