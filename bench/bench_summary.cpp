// Times the city-annual and plan-status summaries on a generated database of
// 1,000,000 drills and 50,000 plans (on top of the xinmi-2023 demo
// organisations), next to a plain full-scan GROUP BY over the same drills.
// Usage: bench_summary [database path, default /tmp/beacon_bench_summary.db] [runs, default 5]
//                      [only: scan | city-annual | plan-status-no-engine | plan-status, default all]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <Poco/Data/Statement.h>

#include "demo/xinmi_demo.h"
#include "render/template_registry.h"
#include "rules/compliance_engine.h"
#include "store/database.h"
#include "store/drill_repository.h"
#include "store/transaction.h"
#include "summary/summary_service.h"

using namespace Poco::Data::Keywords;
using namespace beacon;

namespace {

constexpr int kDrills = 1000000;
constexpr int kPlans = 50000;

double medianMs(int runs, const std::function<void()>& body) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    body();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

void fillRegistry(plugins::PluginRegistry& registry) {
  struct Type { const char* id; const char* label; int order; };
  const std::vector<std::pair<const char*, std::vector<Type>>> domains = {
      {"flood", {{"flood.comprehensive", "防汛综合演练", 10}, {"flood.evacuation", "防汛、人员疏散演练", 11}}},
      {"fire", {{"fire.evacuation", "消防演练", 20}, {"fire.tabletop", "消防演练", 20}}},
      {"forest_fire", {{"forest_fire.suppression", "森林防火演练", 30}, {"forest_fire.tabletop", "森林防火演练", 30}}},
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
  const std::vector<std::string> domains = {"flood", "fire", "forest_fire", "enterprise_safety", "general"};

  store::Transaction tx(session);
  std::vector<std::string> codes, titles, plan_domains;
  std::vector<Poco::Int64> owners;
  for (int i = 0; i < kPlans; ++i) {
    codes.push_back("B-" + std::to_string(i));
    titles.push_back("基准预案" + std::to_string(i));
    plan_domains.push_back(domains[below(domains.size())]);
    owners.push_back(orgs[below(orgs.size())]);
  }
  session << "INSERT INTO plans(code, title, domain, category, owner_org_id, status, current_version, created_at)"
             " VALUES($1, $2, $3, 'special', $4, 'issued', 1, '2023-01-01T00:00:00Z')",
      use(codes), use(titles), use(plan_domains), use(owners), now;
  session << "INSERT INTO plan_versions(plan_id, number, action, issued, effective, created_at)"
             " SELECT id, 1, 'drafted', printf('%04d-%02d-15', 2019 + (id % 5), 1 + (id % 12)),"
             " printf('%04d-%02d-15', 2019 + (id % 5), 1 + (id % 12)), '2023-01-01T00:00:00Z'"
             " FROM plans WHERE code LIKE 'B-%'",
      now;

  const std::vector<std::string> types = {"flood.evacuation", "fire.evacuation", "fire.tabletop",
                                          "enterprise_safety.on_site", "enterprise_safety.special",
                                          "forest_fire.suppression"};
  store::DrillRepository drills(session);
  std::vector<sdk::Drill> batch;
  for (int i = 0; i < kDrills; ++i) {
    sdk::Drill d;
    d.drill_type = types[below(types.size())];
    d.domain = d.drill_type.substr(0, d.drill_type.find('.'));
    d.org_id = orgs[below(orgs.size())];
    d.date = sdk::Date::fromDays(sdk::Date{2021, 1, 1}.toDays() + static_cast<long>(below(3 * 365)));
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
    fillRegistry(registry);
    const bool fresh = !std::filesystem::exists(path);
    store::Database db(path);
    db.migrate();
    if (fresh) {
      const auto start = std::chrono::steady_clock::now();
      generate(db, registry);
      std::printf("generated %s in %.1f s\n", path.c_str(),
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    int drills = 0, plans = 0;
    db.session() << "SELECT COUNT(*) FROM drills", into(drills), now;
    db.session() << "SELECT COUNT(*) FROM plans", into(plans), now;
    std::printf("database: %d drills, %d plans; median of %d runs\n", drills, plans, runs);

    render::TemplateRegistry templates;
    sdk::Status loaded = templates.load(std::string(BEACON_SOURCE_DIR) + "/templates", {}, "");
    if (!loaded.isOk()) throw std::runtime_error(loaded.describe());
    auto calendar = rules::HolidayCalendar::load(std::string(BEACON_SOURCE_DIR) + "/data/holidays/cn.csv");
    if (!calendar.isOk()) throw std::runtime_error(calendar.status().describe());
    rules::RulesConfig config;
    rules::ComplianceEngine engine(db, registry, config, calendar.value());

    const std::string only = argc > 3 ? argv[3] : "";
    auto wanted = [&](const std::string& what) { return only.empty() || only == what; };
    double scan = 0;
    if (wanted("scan")) {
      scan = medianMs(runs, [&] {
        std::vector<std::string> domains;
        std::vector<int> counts;
        db.session() << "SELECT domain, COUNT(*) FROM drills GROUP BY domain", into(domains), into(counts), now;
      });
      std::printf("full scan  SELECT domain, COUNT(*) FROM drills GROUP BY domain : %8.1f ms\n", scan);
    }
    summary::SummaryService service(db, registry, templates, &engine);
    summary::SummaryService no_engine(db, registry, templates, nullptr);
    auto timed = [&](summary::SummaryService& svc, const std::string& kind) {
      summary::SummaryRequest req;
      req.kind = kind;
      req.year = 2023;
      req.as_of = {2023, 12, 31};
      req.format = "html";
      return medianMs(runs, [&] {
        auto out = svc.render(req);
        if (!out.isOk()) throw std::runtime_error(out.status().describe());
      });
    };
    if (wanted("city-annual")) {
      std::printf("city-annual (html)                                          : %8.1f ms\n",
                  timed(service, "city-annual"));
    }
    if (wanted("plan-status-no-engine")) {
      std::printf("plan-status (html, without compliance engine)               : %8.1f ms\n",
                  timed(no_engine, "plan-status"));
    }
    if (wanted("plan-status")) {
      std::printf("plan-status (html, with compliance engine)                  : %8.1f ms\n",
                  timed(service, "plan-status"));
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_summary: %s\n", e.what());
    return 1;
  }
  return 0;
}
