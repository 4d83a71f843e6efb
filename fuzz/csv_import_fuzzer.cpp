// csv_import_fuzzer: the whole CSV import (io::importFile: encoding scan,
// UTF-8/BOM/GBK decoding, the reader, header resolution, every row's
// validation by the services and the real domain plugins) on arbitrary
// bytes, as every ledger kind in turn (io::importKindIds), into an in-memory
// database holding the example organisations and plans (examples/csv/).
// Checks the importer's promise: a failed or refused import writes nothing.
// Each input starts from the same database (restored when an import wrote).
#include <sqlite3.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Logger.h>
#include <Poco/TemporaryFile.h>

#include "build_paths.h"
#include "io/csv_importer.h"
#include "io/import_kind.h"
#include "plugins/domain_services.h"
#include "plugins/plugin_loader.h"
#include "rules/holiday_calendar.h"
#include "rules/rules_config.h"
#include "rules/store_record_reader.h"
#include "store/database.h"

using namespace beacon;

namespace {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "csv_import_fuzzer: %s\n", what.c_str());
  std::abort();
}

sqlite3* handle(store::Database& db) { return Poco::Data::SQLite::Utility::dbHandle(db.session()); }

// Row counts of the tables an import writes: equal before and after an import that failed.
std::string fingerprint(store::Database& db) {
  std::string out;
  for (const char* table : {"organisations", "organisation_attributes", "plans", "plan_versions", "drills",
                            "audit_log", "rule_changes"}) {
    long n = 0;
    db.session() << "SELECT COUNT(*) FROM " + std::string(table), into(n), now;
    out += std::string(table) + "=" + std::to_string(n) + " ";
  }
  return out;
}

struct World {
  World() : calendar(loadCalendar()), fixture(":memory:"), db(":memory:") {
    Poco::Logger::root().setLevel("error");
    const std::string source = BEACON_SOURCE_DIR;
    fixture.migrate();
    plugins::PluginLoader loader(
        registry,
        [this](const std::string& id) -> sdk::HostServices& {
          readers.push_back(std::make_unique<rules::StoreRecordReader>(db, id));
          services.push_back(std::make_unique<plugins::DomainServices>(
              id, Poco::Logger::get("beacon.plugin." + id), *readers.back(), calendar, rules_config));
          return *services.back();
        },
        Poco::Logger::get("beacon.plugins"));
    if (loader.loadDirectory(BEACON_DEFAULT_PLUGIN_DIR) != 4) fail("the four domain plugins did not load");
    for (const auto& [file, kind] :
         {std::pair<const char*, const char*>{"organisations.csv", "organisations"},
          {"plans.csv", "plans"}}) {
      io::ImportOptions options;
      options.kind = kind;
      auto r = io::importFile(fixture, registry, source + "/examples/csv/" + file, options, actor);
      if (!r.isOk() || !r.value().errors.empty()) fail(std::string("fixture import failed: ") + file);
    }
    input = Poco::TemporaryFile::tempName() + ".csv";
    Poco::TemporaryFile::registerForDeletion(input);
    restore();
    empty = fingerprint(db);
  }

  static rules::HolidayCalendar loadCalendar() {
    auto cal = rules::HolidayCalendar::load(std::string(BEACON_SOURCE_DIR) + "/data/holidays/cn.csv");
    if (!cal.isOk()) fail(cal.status().describe());
    return cal.value();
  }

  // Copies the fixture over the working database.
  void restore() {
    sqlite3_backup* b = sqlite3_backup_init(handle(db), "main", handle(fixture), "main");
    if (!b || sqlite3_backup_step(b, -1) != SQLITE_DONE || sqlite3_backup_finish(b) != SQLITE_OK) {
      fail("restoring the fixture failed");
    }
    changes = sqlite3_total_changes(handle(db));
  }

  rules::HolidayCalendar calendar;
  rules::RulesConfig rules_config;
  store::Database fixture;
  store::Database db;
  plugins::PluginRegistry registry;
  std::vector<std::unique_ptr<rules::StoreRecordReader>> readers;
  std::vector<std::unique_ptr<plugins::DomainServices>> services;
  store::Actor actor{"fuzzer"};
  std::string input, empty;
  int changes = 0;
};

World& world() {
  static World* w = new World();  // lives to exit: plugins are never unloaded
  return *w;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  world();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  World& w = world();
  {
    std::ofstream out(w.input, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) fail("cannot write " + w.input);
  }
  for (const std::string& kind : io::importKindIds()) {
    io::ImportOptions options;
    options.kind = kind;
    auto r = io::importFile(w.db, w.registry, w.input, options, w.actor);
    const bool refused = !r.isOk() || !r.value().errors.empty();
    if (refused && sqlite3_total_changes(handle(w.db)) != w.changes && fingerprint(w.db) != w.empty) {
      fail(kind + ": a refused import wrote: " + fingerprint(w.db));
    }
    if (r.isOk() && r.value().errors.size() > io::kMaxImportErrors + 1) {
      fail(kind + ": more errors than the limit");
    }
    if (sqlite3_total_changes(handle(w.db)) != w.changes) w.restore();
  }
  return 0;
}
