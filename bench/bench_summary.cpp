// Times the city-annual and plan-status summaries on a generated database of
// 1,000,000 drills and 50,000 plans (on top of the xinmi-2023 demo
// organisations), next to a plain full-scan GROUP BY over the same drills.
// Each figure is the median wall-clock time (and the median CPU time of the
// process, less sensitive to a loaded machine). plan-status with the engine
// is shown cold (a fresh engine each run, so every run evaluates every plan)
// and warm (one engine; its results are reused while the data is unchanged).
// Usage: bench_summary [database path, default /tmp/beacon_bench_summary.db] [runs, default 5]
//                      [only: scan | city-annual | plan-status-no-engine | plan-status | all]
//                      [plugin directory, e.g. build-perf/beacon-plugins: load the real domain
//                      plugins,
//                       so the engine also runs their rules; default: a registry of drill types
//                       only]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <Poco/Data/Statement.h>

#include "demo/xinmi_demo.h"
#include "plugins/domain_services.h"
#include "plugins/plugin_loader.h"
#include "render/template_registry.h"
#include "rules/compliance_engine.h"
#include "rules/store_record_reader.h"
#include "store/database.h"
#include "store/drill_repository.h"
#include "store/transaction.h"
#include "summary/summary_service.h"
#include "build_paths.h"

using namespace Poco::Data::Keywords;
using namespace beacon;

namespace {

constexpr int kDrills = 1000000;
constexpr int kPlans = 50000;

struct Timing {
  double wall_ms = 0;
  double cpu_ms = 0;
};

double cpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

Timing medianMs(int runs, const std::function<void()>& body) {
  std::vector<double> wall, cpu;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpuMs();
    body();
    cpu.push_back(cpuMs() - cpu_start);
    wall.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

void report(const char* label, const Timing& t) {
  std::printf("%-62s: %8.1f ms  (cpu %6.1f ms)\n", label, t.wall_ms, t.cpu_ms);
}

// Peak resident memory of this process so far (VmHWM), in MB.
double peakMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
  }
  return 0;
}

void fillRegistry(plugins::PluginRegistry& registry) {
  struct Type {
    const char* id;
    const char* label;
    int order;
  };
  const std::vector<std::pair<const char*, std::vector<Type>>> domains = {
      {"flood",
       {{"flood.comprehensive", "防汛综合演练", 10},
        {"flood.evacuation", "防汛、人员疏散演练", 11}}},
      {"fire", {{"fire.evacuation", "消防演练", 20}, {"fire.tabletop", "消防演练", 20}}},
      {"forest_fire",
       {{"forest_fire.suppression", "森林防火演练", 30},
        {"forest_fire.tabletop", "森林防火演练", 30}}},
      {"enterprise_safety",
       {{"enterprise_safety.comprehensive", "重点生产经营单位演练", 40},
        {"enterprise_safety.special", "重点生产经营单位演练", 40},
        {"enterprise_safety.on_site", "重点生产经营单位演练", 40}}}};
  for (const auto& [id, types] : domains) {
    plugins::PluginRecord r;
    r.id = id;
    r.name_zh = id;
    r.state = plugins::PluginState::Enabled;
    for (const auto& t : types) {
      sdk::DrillType d;
      d.id = t.id;
      d.label_zh = t.label;
      d.report_label_zh = t.label;
      d.report_order = t.order;
      r.drill_types.push_back(d);
    }
    if (std::string(id) == "flood") {
      sdk::FieldSpec hazard;
      hazard.name = "hazard";
      hazard.type = sdk::FieldType::Choice;
      hazard.required = true;
      hazard.allowed_values = {"flash_flood", "river", "reservoir", "waterlogging"};
      r.drill_fields = {hazard};
    } else if (std::string(id) == "enterprise_safety") {
      sdk::FieldSpec reported, reported_date;
      reported.name = "reported_to_county";
      reported.type = sdk::FieldType::Boolean;
      reported_date.name = "reported_date";
      reported_date.type = sdk::FieldType::Date;
      r.drill_fields = {reported, reported_date};
    }
    registry.add(std::move(r));
  }
}

void generate(store::Database& db, const plugins::PluginRegistry& registry) {
  const store::Actor actor{"bench"};
  sdk::Status s = demo::loadDemo(db, registry, "xinmi-2023", actor);
  if (!s.isOk()) throw std::runtime_error(s.describe());
  auto& session = db.session();
  std::vector<Poco::Int64> orgs;
  session << "SELECT id FROM organisations", into(orgs), now;
  std::mt19937 rng(42);
  auto below = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  const std::vector<std::string> domains = {"flood", "fire", "forest_fire", "enterprise_safety",
                                            "general"};

  store::Transaction tx(session);
  std::vector<std::string> codes, titles, plan_domains;
  std::vector<Poco::Int64> owners;
  for (int i = 0; i < kPlans; ++i) {
    codes.push_back("B-" + std::to_string(i));
    titles.push_back("基准预案" + std::to_string(i));
    plan_domains.push_back(domains[below(domains.size())]);
    owners.push_back(orgs[below(orgs.size())]);
  }
  session << "INSERT INTO plans(code, title, domain, category, owner_org_id, status, "
             "current_version, created_at)"
             " VALUES($1, $2, $3, 'special', $4, 'issued', 1, '2023-01-01T00:00:00Z')",
      use(codes), use(titles), use(plan_domains), use(owners), now;
  session << "INSERT INTO plan_versions(plan_id, number, action, issued, effective, created_at)"
             " SELECT id, 1, 'drafted', printf('%04d-%02d-15', 2019 + (id % 5), 1 + (id % 12)),"
             " printf('%04d-%02d-15', 2019 + (id % 5), 1 + (id % 12)), '2023-01-01T00:00:00Z'"
             " FROM plans WHERE code LIKE 'B-%'",
      now;

  const std::vector<std::string> types = {
      "flood.evacuation",          "fire.evacuation",           "fire.tabletop",
      "enterprise_safety.on_site", "enterprise_safety.special", "forest_fire.suppression"};
  store::DrillRepository drills(session);
  std::vector<sdk::Drill> batch;
  for (int i = 0; i < kDrills; ++i) {
    sdk::Drill d;
    d.drill_type = types[below(types.size())];
    d.domain = d.drill_type.substr(0, d.drill_type.find('.'));
    d.org_id = orgs[below(orgs.size())];
    d.date =
        sdk::Date::fromDays(sdk::Date{2021, 1, 1}.toDays() + static_cast<long>(below(3 * 365)));
    if (d.domain == "flood") d.fields["hazard"] = "river";
    batch.push_back(std::move(d));
    if (batch.size() == 50000) {
      drills.addBatch(batch);
      batch.clear();
    }
  }
  drills.addBatch(batch);
  tx.commit();
  session << "ANALYZE", now;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "/tmp/beacon_bench_summary.db";
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  try {
    plugins::PluginRegistry registry;
    const std::string plugin_dir = argc > 4 ? argv[4] : "";
    if (plugin_dir.empty()) fillRegistry(registry);
    const bool fresh = !std::filesystem::exists(path);
    store::Database db(path);
    db.migrate();
    if (fresh) {
      const auto start = std::chrono::steady_clock::now();
      generate(db, registry);
      std::printf("generated %s in %.1f s\n", path.c_str(),
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    if (const char* mmap = std::getenv("BENCH_MMAP_MB")) {
      db.session() << "PRAGMA mmap_size = " + std::to_string(std::atol(mmap) * 1024 * 1024), now;
    }
    if (const char* cache = std::getenv("BENCH_CACHE_MB")) {
      db.session() << "PRAGMA cache_size = -" + std::to_string(std::atol(cache) * 1024), now;
    }
    int drills = 0, plans = 0;
    db.session() << "SELECT COUNT(*) FROM drills", into(drills), now;
    db.session() << "SELECT COUNT(*) FROM plans", into(plans), now;
    std::printf("database: %d drills, %d plans; median of %d runs\n", drills, plans, runs);

    render::TemplateRegistry templates;
    sdk::Status loaded = templates.load(std::string(BEACON_SOURCE_DIR) + "/templates", {}, "");
    if (!loaded.isOk()) throw std::runtime_error(loaded.describe());
    auto calendar =
        rules::HolidayCalendar::load(std::string(BEACON_SOURCE_DIR) + "/data/holidays/cn.csv");
    if (!calendar.isOk()) throw std::runtime_error(calendar.status().describe());
    rules::RulesConfig config;
    std::vector<std::unique_ptr<rules::StoreRecordReader>> readers;
    std::vector<std::unique_ptr<plugins::DomainServices>> services;
    if (!plugin_dir.empty()) {
      plugins::PluginLoader loader(
          registry,
          [&](const std::string& id) -> sdk::HostServices& {
            readers.push_back(std::make_unique<rules::StoreRecordReader>(db, id));
            services.push_back(std::make_unique<plugins::DomainServices>(
                id, Poco::Logger::get("beacon.plugin." + id), *readers.back(), calendar.value(),
                config));
            return *services.back();
          },
          Poco::Logger::get("beacon.plugins"));
      std::printf("plugins loaded from %s: %d\n", plugin_dir.c_str(),
                  loader.loadDirectory(plugin_dir));
    }
    rules::ComplianceEngine engine(db, registry, config, calendar.value());

    const std::string only = argc > 3 ? argv[3] : "all";
    auto wanted = [&](const std::string& what) { return only == "all" || only == what; };
    if (wanted("scan")) {
      report("full scan  SELECT domain, COUNT(*) FROM drills GROUP BY domain", medianMs(runs, [&] {
               std::vector<std::string> domains;
               std::vector<int> counts;
               db.session() << "SELECT domain, COUNT(*) FROM drills GROUP BY domain", into(domains),
                   into(counts), now;
             }));
    }
    auto request = [](const std::string& kind) {
      summary::SummaryRequest req;
      req.kind = kind;
      req.year = 2023;
      req.as_of = {2023, 12, 31};
      req.format = "html";
      return req;
    };
    auto renderOnce = [&](summary::SummaryService& svc, const std::string& kind) {
      auto out = svc.render(request(kind));
      if (!out.isOk()) throw std::runtime_error(out.status().describe());
    };
    summary::SummaryService service(db, registry, templates, &engine);
    summary::SummaryService no_engine(db, registry, templates, nullptr);
    if (wanted("city-annual")) {
      report("city-annual (html)", medianMs(runs, [&] { renderOnce(service, "city-annual"); }));
    }
    if (wanted("plan-status-no-engine")) {
      report("plan-status (html, without compliance engine)",
             medianMs(runs, [&] { renderOnce(no_engine, "plan-status"); }));
    }
    if (wanted("plan-status")) {
      report("plan-status (html, with compliance engine, cold: new engine)", medianMs(runs, [&] {
               rules::ComplianceEngine fresh(db, registry, config, calendar.value());
               summary::SummaryService svc(db, registry, templates, &fresh);
               renderOnce(svc, "plan-status");
             }));
      renderOnce(service, "plan-status");
      report("plan-status (html, with compliance engine, warm: data unchanged)",
             medianMs(runs, [&] { renderOnce(service, "plan-status"); }));
      // The running server's case: the engine kept, one drill logged (by
      // another connection, as a web worker would), then the summary again.
      store::Database writer(path);
      std::vector<Poco::Int64> villages;
      db.session()
          << "SELECT id FROM organisations WHERE kind IN ('village', 'community') ORDER BY id",
          into(villages), now;
      std::size_t next_village = 0;
      report("plan-status (html, with compliance engine, after one drill logged)",
             medianMs(runs, [&] {
               sdk::Drill d;
               d.domain = "fire";
               d.drill_type = "fire.evacuation";
               d.org_id = villages[next_village++ % villages.size()];
               d.date = {2023, 11, 9};
               store::DrillRepository(writer.session()).add(d, store::Actor{"bench"});
               renderOnce(service, "plan-status");
               if (engine.lastRefresh() != rules::CheckRefresh::Incremental) {
                 throw std::runtime_error("expected an incremental refresh");
               }
             }));
      rules::CheckQuery q;
      q.as_of = {2023, 12, 31};
      report("  of which ComplianceEngine::check, cold", medianMs(runs, [&] {
               rules::ComplianceEngine fresh(db, registry, config, calendar.value());
               if (!fresh.check(q).isOk()) throw std::runtime_error("check failed");
             }));
    }
    std::printf("peak resident memory (VmHWM): %.0f MB\n", peakMb());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_summary: %s\n", e.what());
    return 1;
  }
  return 0;
}
