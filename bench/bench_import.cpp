// bench_import: how fast the CSV drill import stores rows compared with a
// raw sqlite3 prepared-insert loop into the same schema, and the import's
// peak memory. Generates an organisation tree and a CSV of N drills in a
// temporary directory, then runs each measurement in its own process (a
// re-exec of this binary) so their peak RSS figures do not mix.
// --xlsx compares the .xlsx import of the same N rows with the CSV import;
// --export measures the CSV and .xlsx export of N stored drills (peak memory).
// --sizes A,B,C runs, for each size, the import and sqlite3's own .import of the same CSV into
// the same schema (the sqlite3 command-line shell: a TEMP staging table, then one INSERT ...
// SELECT that maps codes and labels to what the importer stores), and prints the per-row cost of
// both and their ratio.
//
//   bench_import [N] [--keep] [--dir DIR] [--xlsx | --export]   run, print a report
//   bench_import --sizes 100000,1000000,3000000 [--dir DIR]      import against sqlite3 .import
//   bench_import --pg URI [N] [--dir DIR]   the import into PostgreSQL against psql's \copy
//                                           of the same CSV (issue 12 §6)
//   bench_import --mode raw|import|import-xlsx|export-csv|export-xlsx|sqlite3|pg-import|pg-copy
//                --dir DIR [--pg URI] N       one measurement (used internally)
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <dirent.h>

#include <Poco/Data/Session.h>
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include "beacon/sdk/plugin.h"
#include "io/csv_exporter.h"
#include "io/csv_importer.h"
#include "io/csv_writer.h"
#include "io/xlsx_exporter.h"
#include "io/xlsx_writer.h"
#include "plugins/plugin_registry.h"
#include "service/organisation_service.h"
#include "store/database.h"
#include "store/database_uri.h"
#include "store/row.h"

namespace {

using namespace beacon;

constexpr int kTownships = 16;
constexpr int kVillagesPerTownship = 20;

class BenchRules : public sdk::DomainRules {
 public:
  std::vector<sdk::RuleInfo> rules() const override { return {}; }
  sdk::Status evaluate(const sdk::RuleContext&, std::vector<sdk::Obligation>&) const override {
    return sdk::Status::ok();
  }
};

// A flood-like plugin: two drill types, the required hazard choice field.
class BenchFloodPlugin : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override { return {"flood", "防汛", "Flood", "0", "flood"}; }
  sdk::Status initialize(sdk::HostServices&) override { return sdk::Status::ok(); }
  std::vector<sdk::DrillType> drillTypes() const override {
    sdk::DrillType a, b;
    a.id = "flood.comprehensive";
    a.label_zh = "防汛综合演练";
    b.id = "flood.evacuation";
    b.label_zh = "防汛人员疏散演练";
    return {a, b};
  }
  std::vector<sdk::PlanCategory> planCategories() const override { return {}; }
  std::vector<sdk::FieldSpec> drillFields() const override {
    sdk::FieldSpec hazard;
    hazard.name = "hazard";
    hazard.label_zh = "灾害类型";
    hazard.type = sdk::FieldType::Choice;
    hazard.required = true;
    hazard.allowed_values = {"flash_flood", "river", "reservoir", "waterlogging"};
    hazard.allowed_labels_zh = {"山洪", "河道", "水库", "内涝"};
    return {hazard};
  }
  std::vector<sdk::FieldSpec> organisationFields() const override { return {}; }
  sdk::Status validateDrill(const sdk::Drill& d) const override {
    if (d.drill_type == "flood.comprehensive" && d.evacuees != 0) {
      return sdk::Status::invalid("evacuees", "only evacuation drills record evacuees");
    }
    return sdk::Status::ok();
  }
  const sdk::DomainRules& rules() const override { return rules_; }

 private:
  BenchRules rules_;
};

void fillRegistry(plugins::PluginRegistry& registry) {
  auto* p = new BenchFloodPlugin;
  plugins::PluginRecord rec;
  rec.id = "flood";
  rec.name_zh = "防汛";
  rec.state = plugins::PluginState::Enabled;
  rec.plugin = p;
  rec.drill_types = p->drillTypes();
  rec.drill_fields = p->drillFields();
  registry.add(std::move(rec));
}

struct GeneratedDrill {
  std::string org_code, type, date, place, scenario, hazard_zh, hazard_id, verdict_zh, verdict_id, findings;
  int participants = 0, evacuees = 0;
};

std::string villageCode(int t, int v) { return "T" + std::to_string(t) + "-V" + std::to_string(v); }

GeneratedDrill drillAt(std::size_t i) {
  static const char* kHazardZh[] = {"山洪", "河道", "水库", "内涝"};
  static const char* kHazardId[] = {"flash_flood", "river", "reservoir", "waterlogging"};
  static const char* kVerdictZh[] = {"优", "良", "中"};
  static const char* kVerdictId[] = {"excellent", "good", "fair"};
  GeneratedDrill d;
  const int village = static_cast<int>(i % (kTownships * kVillagesPerTownship));
  d.org_code = villageCode(village / kVillagesPerTownship, village % kVillagesPerTownship);
  const bool comprehensive = i % 3 == 0;
  d.type = comprehensive ? "flood.comprehensive" : "flood.evacuation";
  d.date = sdk::Date{2023, 1, 1}.addDays(static_cast<long>(i % 365)).toString();
  d.place = "村委会广场";
  d.scenario = "山洪预警，转移危险区群众";
  d.participants = 20 + static_cast<int>(i % 50);
  d.evacuees = comprehensive ? 0 : 10 + static_cast<int>(i % 30);
  d.hazard_zh = kHazardZh[i % 4];
  d.hazard_id = kHazardId[i % 4];
  d.verdict_zh = kVerdictZh[i % 3];
  d.verdict_id = kVerdictId[i % 3];
  if (i % 10 == 0) d.findings = "转移路线标识不清";
  return d;
}

// A fresh migrated database with the organisation tree at `path` (a
// database left there by an earlier run with the same --dir is removed).
void makeDatabase(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    Poco::File old(path + suffix);
    if (old.exists()) old.remove();
  }
  store::Database db(path);
  db.migrate();
  plugins::PluginRegistry registry;
  service::OrganisationService orgs(db, registry);
  store::Actor actor{"bench"};
  sdk::Organisation city;
  city.code = "XM";
  city.name = "新密市";
  city.kind = sdk::OrgKind::City;
  const sdk::RecordId city_id = orgs.add(city, actor).value();
  for (int t = 0; t < kTownships; ++t) {
    sdk::Organisation town;
    town.code = "T" + std::to_string(t);
    town.name = "乡镇" + std::to_string(t);
    town.kind = sdk::OrgKind::Township;
    town.parent_id = city_id;
    const sdk::RecordId town_id = orgs.add(town, actor).value();
    for (int v = 0; v < kVillagesPerTownship; ++v) {
      sdk::Organisation village;
      village.code = villageCode(t, v);
      village.name = "村" + std::to_string(v);
      village.kind = sdk::OrgKind::Village;
      village.parent_id = town_id;
      orgs.add(village, actor).value();
    }
  }
}

const std::vector<std::string> kHeader = {"组织编码", "领域", "演练类型", "演练日期", "地点", "情景",
                                          "参演人数", "转移人数", "评估结论", "发现问题", "灾害类型"};

std::vector<std::string> recordAt(std::size_t i) {
  const GeneratedDrill d = drillAt(i);
  return {d.org_code, "flood", d.type, d.date, d.place, d.scenario, std::to_string(d.participants),
          std::to_string(d.evacuees), d.verdict_zh, d.findings, d.hazard_zh};
}

void writeCsv(const std::string& path, std::size_t n) {
  std::ofstream out(path, std::ios::binary);
  io::CsvWriter w(out);
  w.writeRecord(kHeader);
  for (std::size_t i = 0; i < n; ++i) w.writeRecord(recordAt(i));
}

// The same rows as writeCsv, as a workbook typed the way Excel users keep it.
void writeXlsx(const std::string& path, std::size_t n) {
  std::vector<io::XlsxColumn> columns;
  for (const auto& h : kHeader) columns.push_back({h, io::XlsxCellType::Text});
  columns[3].type = io::XlsxCellType::Date;
  columns[6].type = columns[7].type = io::XlsxCellType::Number;
  std::ofstream out(path, std::ios::binary);
  io::XlsxWriter w(out, "应急演练", columns);
  for (std::size_t i = 0; i < n; ++i) w.writeRow(recordAt(i));
  w.close();
}

std::string peakMemory() {
  std::ifstream status("/proc/self/status");
  std::string line, hwm;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) hwm = line.substr(6);
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  const auto first = hwm.find_first_not_of(" \t");
  return "vmhwm=" + (first == std::string::npos ? hwm : hwm.substr(first)) +
         " maxrss_kb=" + std::to_string(ru.ru_maxrss);
}

double cpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// Wall-clock and CPU (user+sys) figures of one timed section; on a shared
// machine the CPU rate is the stable one.
std::string rates(std::size_t n, double wall, double cpu) {
  return "seconds=" + std::to_string(wall) + " rows_per_s=" + std::to_string(static_cast<long>(n / wall)) +
         " cpu_seconds=" + std::to_string(cpu) +
         " rows_per_cpu_s=" + std::to_string(static_cast<long>(n / cpu));
}

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::cerr << what << ": " << sqlite3_errmsg(db) << "\n";
    std::exit(1);
  }
}

int runRaw(const std::string& dir, std::size_t n) {
  const std::string path = dir + "/raw.db";
  makeDatabase(path);
  // Column values prepared as the importer stores them, outside the timed loop's SQL work.
  const std::string created = store::isoTimestampNow();
  sqlite3* db = nullptr;
  check(sqlite3_open(path.c_str(), &db), db, "open");
  check(sqlite3_exec(db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;", nullptr, nullptr, nullptr), db, "pragma");
  std::vector<sqlite3_int64> org_ids;
  {
    sqlite3_stmt* q = nullptr;
    check(sqlite3_prepare_v2(db, "SELECT id FROM organisations WHERE code = ?1", -1, &q, nullptr), db, "prepare");
    for (int t = 0; t < kTownships; ++t) {
      for (int v = 0; v < kVillagesPerTownship; ++v) {
        const std::string code = villageCode(t, v);
        sqlite3_bind_text(q, 1, code.c_str(), -1, SQLITE_TRANSIENT);
        check(sqlite3_step(q), db, "select");
        org_ids.push_back(sqlite3_column_int64(q, 0));
        sqlite3_reset(q);
      }
    }
    sqlite3_finalize(q);
  }
  const double cpu_start = cpuSeconds();
  const auto start = std::chrono::steady_clock::now();
  check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
  sqlite3_stmt* st = nullptr;
  check(sqlite3_prepare_v2(db,
                           "INSERT INTO drills(domain, drill_type, org_id, plan_id, plan_version_id, drill_date,"
                           " place, scenario, participants, evacuees, fields, verdict, findings, created_at)"
                           " VALUES(?1, ?2, ?3, NULL, NULL, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                           -1, &st, nullptr),
        db, "prepare insert");
  for (std::size_t i = 0; i < n; ++i) {
    const GeneratedDrill d = drillAt(i);
    const std::string fields = "{\"hazard\":\"" + d.hazard_id + "\"}";
    sqlite3_bind_text(st, 1, "flood", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, d.type.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, org_ids[i % org_ids.size()]);
    sqlite3_bind_text(st, 4, d.date.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, d.place.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, d.scenario.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 7, d.participants);
    sqlite3_bind_int(st, 8, d.evacuees);
    sqlite3_bind_text(st, 9, fields.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 10, d.verdict_id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 11, d.findings.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 12, created.c_str(), -1, SQLITE_TRANSIENT);
    check(sqlite3_step(st), db, "insert");
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = cpuSeconds() - cpu_start;
  sqlite3_close(db);
  std::cout << "raw rows=" << n << " " << rates(n, secs, cpu) << " " << peakMemory() << std::endl;
  return 0;
}

int runImport(const std::string& dir, std::size_t n, const std::string& file) {
  const std::string path = dir + "/import-" + file + ".db";
  makeDatabase(path);
  plugins::PluginRegistry registry;
  fillRegistry(registry);
  store::Database db(path);
  io::ImportOptions options;
  options.kind = "drills";
  const double cpu_start = cpuSeconds();
  const auto start = std::chrono::steady_clock::now();
  auto r = io::importFile(db, registry, dir + "/" + file, options, store::Actor{"bench"});
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = cpuSeconds() - cpu_start;
  if (!r.isOk()) {
    std::cerr << "import failed: " << r.status().describe() << "\n";
    return 1;
  }
  if (!r.value().errors.empty()) {
    std::cerr << "import rejected: " << r.value().errors.front() << "\n";
    return 1;
  }
  std::cout << "import rows=" << r.value().rows << " " << rates(n, secs, cpu) << " " << peakMemory()
            << std::endl;
  return 0;
}

// sqlite3's .import of drills.csv into a fresh database of the same schema, as an operator
// would load it by hand: the shell's CSV reader into a TEMP table, then one INSERT ... SELECT in
// one transaction, mapping the organisation code to its id and the zh labels to stored values,
// with the connection settings Beacon uses (WAL, synchronous=NORMAL, foreign keys) and SQLite's
// default page cache. Timed: the whole sqlite3 process (wall, and its CPU from RUSAGE_CHILDREN).
int runSqlite3(const std::string& dir, std::size_t n) {
  const std::string path = dir + "/sqlite3.db";
  makeDatabase(path);
  const std::string script = dir + "/sqlite3-import.sql";
  {
    std::ofstream out(script);
    out << ".bail on\n"
           "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\nPRAGMA foreign_keys=ON;\n"
           "CREATE TEMP TABLE staging(org_code, domain, drill_type, drill_date, place, scenario,"
           " participants, evacuees, verdict_zh, findings, hazard_zh);\n"
           ".import --csv --skip 1 '"
        << dir << "/drills.csv' staging\n"
        << "BEGIN;\n"
           "INSERT INTO drills(domain, drill_type, org_id, plan_id, plan_version_id, drill_date, place, scenario,"
           " participants, evacuees, fields, verdict, findings, created_at)"
           " SELECT s.domain, s.drill_type, o.id, NULL, NULL, s.drill_date, s.place, s.scenario,"
           " CAST(s.participants AS INTEGER), CAST(s.evacuees AS INTEGER),"
           " json_object('hazard', CASE s.hazard_zh WHEN '山洪' THEN 'flash_flood' WHEN '河道' THEN 'river'"
           " WHEN '水库' THEN 'reservoir' ELSE 'waterlogging' END),"
           " CASE s.verdict_zh WHEN '优' THEN 'excellent' WHEN '良' THEN 'good' WHEN '中' THEN 'fair'"
           " ELSE 'poor' END, s.findings, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
           " FROM staging s JOIN organisations o ON o.code = s.org_code ORDER BY s.rowid;\n"
           "COMMIT;\n";
  }
  rusage before{};
  getrusage(RUSAGE_CHILDREN, &before);
  const auto start = std::chrono::steady_clock::now();
  const std::string cmd = "sqlite3 '" + path + "' < '" + script + "' > /dev/null";
  if (std::system(cmd.c_str()) != 0) {
    std::cerr << "sqlite3 .import failed (is the sqlite3 shell installed? apt-get install sqlite3)\n";
    return 1;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rusage after{};
  getrusage(RUSAGE_CHILDREN, &after);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  const double cpu = seconds(after.ru_utime) + seconds(after.ru_stime) - seconds(before.ru_utime) -
                     seconds(before.ru_stime);
  std::cout << "sqlite3 rows=" << n << " " << rates(n, secs, cpu) << " maxrss_kb=" << after.ru_maxrss << std::endl;
  return 0;
}

// Exports the drills of raw.db (written by the raw child) as CSV or .xlsx.
int runExport(const std::string& dir, std::size_t n, const std::string& format) {
  plugins::PluginRegistry registry;
  fillRegistry(registry);
  store::Database db(dir + "/raw.db");
  const std::string path = dir + "/export." + format;
  std::ofstream out(path, std::ios::binary);
  const double cpu_start = cpuSeconds();
  const auto start = std::chrono::steady_clock::now();
  const sdk::Status s = format == "xlsx" ? io::exportXlsx(db, registry, "drills", out, false, true)
                                         : io::exportCsv(db, registry, "drills", out, false);
  out.close();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = cpuSeconds() - cpu_start;
  if (!s.isOk()) {
    std::cerr << "export failed: " << s.describe() << "\n";
    return 1;
  }
  std::cout << "export-" << format << " rows=" << n << " " << rates(n, secs, cpu) << " " << peakMemory()
            << " file_mb=" << Poco::File(path).getSize() / (1024 * 1024) << std::endl;
  return 0;
}


// ---- PostgreSQL (--pg URI): the import against psql's \copy of the same CSV -----------------

// A fresh schema `name` in the database `uri` names; returns the URI of Beacon's tables there.
std::string freshSchema(const std::string& uri, const std::string& name) {
  auto parsed = store::DatabaseUri::parse(uri, true);
  if (!parsed.isOk()) throw std::runtime_error(parsed.status().describe());
  store::DatabaseUri base = parsed.value();
  base.schema.clear();
  {
    store::Database admin(base.display());
    admin.session() << "SET client_min_messages = warning", Poco::Data::Keywords::now;
    admin.session() << "DROP SCHEMA IF EXISTS " + name + " CASCADE", Poco::Data::Keywords::now;
    admin.session() << "CREATE SCHEMA " + name, Poco::Data::Keywords::now;
  }
  base.schema = name;
  return base.display();
}

// CPU seconds (user+sys) the PostgreSQL cluster behind `db` has used: its postmaster with its
// reaped children, and the live children (backends, walwriter, checkpointer...). Most of a load's
// work is there, not in the client; the cluster must be this run's own (scripts/pg-cluster.sh).
double clusterCpuSeconds(store::Database& db) {
  std::string data_dir;
  db.session() << "SHOW data_directory", Poco::Data::Keywords::into(data_dir), Poco::Data::Keywords::now;
  long postmaster = 0;
  std::ifstream(data_dir + "/postmaster.pid") >> postmaster;
  const double tick = static_cast<double>(sysconf(_SC_CLK_TCK));
  auto stat = [](long pid, long& ppid, double& own, double& reaped) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos) return false;
    std::istringstream rest(text.substr(close + 2));
    std::string skip;
    char state;
    rest >> state >> ppid;
    for (int i = 0; i < 9; ++i) rest >> skip;  // pgrp .. cmajflt (fields 5-13)
    double utime = 0, stime = 0, cutime = 0, cstime = 0;
    rest >> utime >> stime >> cutime >> cstime;
    own = utime + stime;
    reaped = cutime + cstime;
    return true;
  };
  long ppid = 0;
  double own = 0, reaped = 0, total = 0;
  if (!stat(postmaster, ppid, own, reaped)) return 0;
  total = own + reaped;
  if (DIR* proc = opendir("/proc")) {
    while (dirent* e = readdir(proc)) {
      const long pid = std::strtol(e->d_name, nullptr, 10);
      if (pid > 0 && pid != postmaster && stat(pid, ppid, own, reaped) && ppid == postmaster) total += own;
    }
    closedir(proc);
  }
  return total / tick;
}

std::string pgRates(std::size_t n, double wall, double cpu, double server_cpu) {
  return rates(n, wall, cpu) + " server_cpu_seconds=" + std::to_string(server_cpu) +
         " total_cpu_seconds=" + std::to_string(cpu + server_cpu);
}

// io::importFile of drills.csv into a fresh schema with the organisation tree.
int runPgImport(const std::string& dir, std::size_t n, const std::string& uri) {
  const std::string mine = freshSchema(uri, "bench_pg_import");
  makeDatabase(mine);
  plugins::PluginRegistry registry;
  fillRegistry(registry);
  store::Database db(mine);
  store::Database watch(mine);
  io::ImportOptions options;
  options.kind = "drills";
  const double server_start = clusterCpuSeconds(watch);
  const double cpu_start = cpuSeconds();
  const auto start = std::chrono::steady_clock::now();
  auto r = io::importFile(db, registry, dir + "/drills.csv", options, store::Actor{"bench"});
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = cpuSeconds() - cpu_start;
  const double server = clusterCpuSeconds(watch) - server_start;
  if (!r.isOk() || !r.value().errors.empty()) {
    std::cerr << "import failed: " << (r.isOk() ? r.value().errors.front() : r.status().describe()) << "\n";
    return 1;
  }
  std::cout << "pg-import rows=" << r.value().rows << " " << pgRates(n, secs, cpu, server) << std::endl;
  return 0;
}

// psql's \copy of drills.csv into a TEMP table, then one INSERT ... SELECT mapping codes and
// labels to the stored values (as the sqlite3 .import baseline does), in one transaction, into a
// fresh schema of the same migrated tables (their triggers included). Timed: the psql process
// (wall, its CPU from RUSAGE_CHILDREN) and the cluster's CPU.
int runPgCopy(const std::string& dir, std::size_t n, const std::string& uri) {
  const std::string mine = freshSchema(uri, "bench_pg_copy");
  makeDatabase(mine);
  store::Database watch(mine);
  const std::string script = dir + "/pg-copy.sql";
  {
    std::ofstream out(script);
    out << "SET search_path TO bench_pg_copy;\n"
           "BEGIN;\n"
           "CREATE TEMP TABLE staging(org_code text, domain text, drill_type text, drill_date text,"
           " place text, scenario text, participants text, evacuees text, verdict_zh text,"
           " findings text, hazard_zh text);\n"
           "\\copy staging FROM '"
        << dir << "/drills.csv' WITH (FORMAT csv, HEADER true)\n"
        << "INSERT INTO drills(domain, drill_type, org_id, plan_id, plan_version_id, drill_date, place,"
           " scenario, participants, evacuees, fields, verdict, findings, created_at)"
           " SELECT s.domain, s.drill_type, o.id, NULL, NULL, s.drill_date, s.place, s.scenario,"
           " s.participants::integer, s.evacuees::integer,"
           " json_build_object('hazard', CASE s.hazard_zh WHEN '山洪' THEN 'flash_flood' WHEN '河道'"
           " THEN 'river' WHEN '水库' THEN 'reservoir' ELSE 'waterlogging' END)::text,"
           " CASE s.verdict_zh WHEN '优' THEN 'excellent' WHEN '良' THEN 'good' WHEN '中' THEN 'fair'"
           " ELSE 'poor' END, COALESCE(s.findings, ''), to_char(now() AT TIME ZONE 'UTC',"
           " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
           " FROM staging s JOIN organisations o ON o.code = s.org_code;\n"
           "COMMIT;\n";
  }
  auto parsed = store::DatabaseUri::parse(uri, true);
  const std::string conninfo = parsed.value().connectionString();
  rusage before{};
  getrusage(RUSAGE_CHILDREN, &before);
  const double server_start = clusterCpuSeconds(watch);
  const auto start = std::chrono::steady_clock::now();
  const std::string cmd = "psql -q -X -v ON_ERROR_STOP=1 '" + conninfo + "' -f '" + script + "' > /dev/null";
  if (std::system(cmd.c_str()) != 0) {
    std::cerr << "psql \\copy failed (is psql installed? apt-get install postgresql-client)\n";
    return 1;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double server = clusterCpuSeconds(watch) - server_start;
  rusage after{};
  getrusage(RUSAGE_CHILDREN, &after);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  const double cpu = seconds(after.ru_utime) + seconds(after.ru_stime) - seconds(before.ru_utime) -
                     seconds(before.ru_stime);
  Poco::Int64 stored = 0;
  watch.session() << "SELECT COUNT(*) FROM drills", Poco::Data::Keywords::into(stored), Poco::Data::Keywords::now;
  std::cout << "pg-copy rows=" << stored << " " << pgRates(n, secs, cpu, server) << std::endl;
  return 0;
}

std::string field(const std::string& line, const std::string& key) {
  const auto p = line.find(key + "=");
  if (p == std::string::npos) return "";
  const auto s = p + key.size() + 1;
  return line.substr(s, line.find(' ', s) == std::string::npos ? std::string::npos : line.find(' ', s) - s);
}

std::string runChild(const std::string& self, const std::string& mode, const std::string& dir, std::size_t n,
                     const std::string& pg = "") {
  const std::string cmd = "'" + self + "' --mode " + mode + " --dir '" + dir + "' " +
                          (pg.empty() ? "" : "--pg '" + pg + "' ") + std::to_string(n);
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return "";
  std::string out;
  char buf[512];
  while (std::fgets(buf, sizeof buf, p)) out += buf;
  if (pclose(p) != 0) {
    std::cerr << mode << " run failed\n";
    std::exit(1);
  }
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t n = 1000000;
  std::string mode, dir, pg;
  bool keep = false, xlsx = false, exports = false;
  std::vector<std::size_t> sizes;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--xlsx") {
      xlsx = true;
    } else if (a == "--export") {
      exports = true;
    } else if (a == "--mode" && i + 1 < argc) {
      mode = argv[++i];
    } else if (a == "--dir" && i + 1 < argc) {
      dir = argv[++i];
    } else if (a == "--pg" && i + 1 < argc) {
      pg = argv[++i];
    } else if (a == "--sizes" && i + 1 < argc) {
      std::stringstream list(argv[++i]);
      for (std::string item; std::getline(list, item, ',');) sizes.push_back(std::strtoul(item.c_str(), nullptr, 10));
    } else if (a == "--keep") {
      keep = true;
    } else {
      n = std::strtoul(a.c_str(), nullptr, 10);
    }
  }
  try {
    if (mode == "raw") return runRaw(dir, n);
    if (mode == "import") return runImport(dir, n, "drills.csv");
    if (mode == "import-xlsx") return runImport(dir, n, "drills.xlsx");
    if (mode == "export-csv") return runExport(dir, n, "csv");
    if (mode == "export-xlsx") return runExport(dir, n, "xlsx");
    if (mode == "sqlite3") return runSqlite3(dir, n);
    if (mode == "pg-import") return runPgImport(dir, n, pg);
    if (mode == "pg-copy") return runPgCopy(dir, n, pg);
    const bool own_dir = dir.empty();
    if (own_dir) dir = Poco::TemporaryFile::tempName();
    Poco::File(dir).createDirectories();
    char self[4096];
    const ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
    if (len <= 0) return 1;
    self[len] = '\0';
    if (!pg.empty()) {
      writeCsv(dir + "/drills.csv", n);
      const std::string imp = runChild(self, "pg-import", dir, n, pg);
      const std::string ref = runChild(self, "pg-copy", dir, n, pg);
      std::cout << imp << "\n" << ref << "\n";
      auto ratio = [&](const std::string& key) {
        return 100.0 * std::atof(field(ref, key).c_str()) / std::atof(field(imp, key).c_str());
      };
      std::printf("import rate as a share of psql \\copy: total cpu %.1f%%, server cpu %.1f%%, wall %.1f%%"
                  " (target >= 50%%)\n",
                  ratio("total_cpu_seconds"), ratio("server_cpu_seconds"), ratio("seconds"));
      if (own_dir && !keep) Poco::File(dir).remove(true);
      return 0;
    }
    if (!sizes.empty()) {
      // Per-row cost in microseconds of CPU (user+sys) and of wall-clock time.
      std::printf("%10s %14s %14s %14s %14s %10s %10s %12s\n", "rows", "import cpu us", "sqlite3 cpu us",
                  "import wall us", "sqlite3 wall", "cpu ratio", "wall ratio", "import peak");
      for (const std::size_t rows : sizes) {
        writeCsv(dir + "/drills.csv", rows);
        const std::string imp = runChild(self, "import", dir, rows);
        const std::string ref = runChild(self, "sqlite3", dir, rows);
        std::cout << "# " << imp << "\n# " << ref << "\n";
        auto perRow = [&](const std::string& line, const std::string& key) {
          return 1e6 * std::atof(field(line, key).c_str()) / static_cast<double>(rows);
        };
        const double ic = perRow(imp, "cpu_seconds"), rc = perRow(ref, "cpu_seconds");
        const double iw = perRow(imp, "seconds"), rw = perRow(ref, "seconds");
        // The ratio is the import's rate as a share of sqlite3's (>= 85 % is the target).
        std::printf("%10zu %14.1f %14.1f %14.1f %14.1f %9.1f%% %9.1f%% %9s kB\n", rows, ic, rc, iw, rw,
                    100.0 * rc / ic, 100.0 * rw / iw, field(imp, "maxrss_kb").c_str());
        std::fflush(stdout);
      }
      if (own_dir && !keep) Poco::File(dir).remove(true);
      return 0;
    }
    const auto gen_start = std::chrono::steady_clock::now();
    writeCsv(dir + "/drills.csv", n);
    const double gen = std::chrono::duration<double>(std::chrono::steady_clock::now() - gen_start).count();
    std::cout << "generated " << n << " drills over " << kTownships * kVillagesPerTownship << " villages ("
              << Poco::File(dir + "/drills.csv").getSize() / (1024 * 1024) << " MiB CSV) in " << gen << " s, in "
              << dir << "\n";
    if (xlsx) {
      writeXlsx(dir + "/drills.xlsx", n);
      std::cout << "workbook of the same rows: " << Poco::File(dir + "/drills.xlsx").getSize() / 1024
                << " KiB\n";
      const std::string csv = runChild(self, "import", dir, n);
      std::cout << csv << "\n";
      const std::string wb = runChild(self, "import-xlsx", dir, n);
      std::cout << "xlsx " << wb << "\n";
      const double c = std::atof(field(csv, "rows_per_cpu_s").c_str());
      const double x = std::atof(field(wb, "rows_per_cpu_s").c_str());
      std::printf("xlsx/csv import rate: cpu %.1f%%, wall %.1f%%; peak RSS csv %s kB, xlsx %s kB\n",
                  c > 0 ? 100.0 * x / c : 0.0,
                  100.0 * std::atof(field(wb, "rows_per_s").c_str()) /
                      std::max(1.0, std::atof(field(csv, "rows_per_s").c_str())),
                  field(csv, "maxrss_kb").c_str(), field(wb, "maxrss_kb").c_str());
      if (own_dir && !keep) Poco::File(dir).remove(true);
      return 0;
    }
    if (exports) {
      std::cout << runChild(self, "raw", dir, n) << "\n";
      const std::string csv = runChild(self, "export-csv", dir, n);
      std::cout << csv << "\n";
      const std::string wb = runChild(self, "export-xlsx", dir, n);
      std::cout << wb << "\n";
      const double csv_cpu = std::max(1e-9, std::atof(field(csv, "cpu_seconds").c_str()));
      std::printf("export peak RSS: csv %s kB, xlsx %s kB; xlsx/csv time: cpu %.2fx\n",
                  field(csv, "maxrss_kb").c_str(), field(wb, "maxrss_kb").c_str(),
                  std::atof(field(wb, "cpu_seconds").c_str()) / csv_cpu);
      if (own_dir && !keep) Poco::File(dir).remove(true);
      return 0;
    }
    const std::string raw = runChild(self, "raw", dir, n);
    std::cout << raw << "\n";
    const std::string imp = runChild(self, "import", dir, n);
    std::cout << imp << "\n";
    auto ratio = [&](const std::string& key) {
      const double r = std::atof(field(raw, key).c_str());
      return r > 0 ? 100.0 * std::atof(field(imp, key).c_str()) / r : 0.0;
    };
    std::printf("import/raw: wall %.1f%%, cpu %.1f%% (target >= 50%%); import peak RSS %s kB (target < 200 MB)\n",
                ratio("rows_per_s"), ratio("rows_per_cpu_s"), field(imp, "maxrss_kb").c_str());
    if (own_dir && !keep) Poco::File(dir).remove(true);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "bench_import: " << e.what() << "\n";
    return 1;
  }
}
