// The year's drill counts per organisation (drill_org_year_counts, migration 44), which the
// dashboard's 年度演练计划 card reads instead of the year's month rows, stay exact through every
// write path a drill has: a CSV import, a logged drill (the API, the pages and the CLI all log
// through DrillService), a correction that moves a drill within the year and out of it, and a
// void. After each, the table equals a fresh GROUP BY over the drills in force, and the card's
// figures (summary::tallyDrillPlanExecution) count every drill in force of the year exactly once,
// as of the year's end (whole year) and as of a day in it (the year less the rest).
#include <map>

#include <Poco/Data/Session.h>
#include <gtest/gtest.h>

#include "build_paths.h"
#include "host/service/service_fixture.h"
#include "io/csv_importer.h"
#include "service/drill_service.h"
#include "service/record_correction.h"
#include "summary/drill_plan_execution.h"

using namespace Poco::Data::Keywords;

namespace beacon::testing {
namespace {

const std::string kExamples = std::string(BEACON_SOURCE_DIR) + "/examples/csv/";
const std::string kDrillsHeader =
    "组织编码,领域,演练类型,演练日期,地点,情景,参演人数,转移人数,预案编码,预案版本,评估结论,"
    "发现问题,灾害类型\n";

class DrillYearCountsTest : public ServiceFixture {
 protected:
  DrillYearCountsTest() { seed_ = false; }

  void import(const std::string& path, const std::string& kind) {
    io::ImportOptions o;
    o.kind = kind;
    auto r = io::importFile(*db_, registry_, path, o, actor_);
    ASSERT_TRUE(r.isOk()) << r.status().describe();
    ASSERT_TRUE(r.value().errors.empty()) << path << ": " << r.value().errors.front();
  }

  sdk::RecordId orgId(const std::string& code) {
    Poco::Int64 id = 0;
    db_->session() << "SELECT id FROM organisations WHERE code = $1", bind(code), into(id), now;
    return id;
  }
  sdk::RecordId drillOf(const std::string& code, const std::string& date) {
    Poco::Int64 id = 0;
    db_->session() << "SELECT id FROM drills WHERE org_id = $1 AND drill_date = $2",
        bind(static_cast<Poco::Int64>(orgId(code))), bind(date), into(id), now;
    EXPECT_NE(id, 0) << code << " " << date;
    return id;
  }

  service::Corrector admin() {
    auth::User u;
    u.username = "admin";
    u.role = auth::Role::Admin;
    u.org_id = orgId("XM");
    return {store::Actor{"admin"}, u};
  }
  service::RecordCorrection correction() {
    return service::RecordCorrection(*db_, registry_, 30, sdk::Date{2025, 1, 10});
  }

  // The drills in force of 2024 dated on or before `to`, per (organisation, domain).
  std::map<std::pair<sdk::RecordId, std::string>, int> heldIn2024(const std::string& to) {
    std::vector<Poco::Int64> orgs;
    std::vector<std::string> domains;
    std::vector<int> n;
    db_->session() << "SELECT org_id, domain, COUNT(*) FROM drills WHERE drill_date >= '2024-01-01'"
                      " AND drill_date <= $1 AND voided_at = '' GROUP BY 1, 2",
        bind(to), into(orgs), into(domains), into(n), now;
    std::map<std::pair<sdk::RecordId, std::string>, int> out;
    for (std::size_t i = 0; i < orgs.size(); ++i) out[{orgs[i], domains[i]}] = n[i];
    return out;
  }

  // `held`: the drills in force of 2024 the card must count.
  void expectExact(int held) {
    std::vector<std::string> kept, fresh;
    db_->session() << "SELECT year || '|' || org_id || '|' || domain || '|' || n"
                      " FROM drill_org_year_counts ORDER BY 1",
        into(kept), now;
    db_->session()
        << "SELECT substr(drill_date, 1, 4) || '|' || org_id || '|' || domain || '|' ||"
           " COUNT(*) FROM drills WHERE voided_at = '' GROUP BY substr(drill_date, 1, 4),"
           " org_id, domain ORDER BY 1",
        into(fresh), now;
    EXPECT_EQ(kept, fresh) << "drill_org_year_counts";
    for (const char* as_of : {"2024-12-31", "2024-09-30"}) {
      SCOPED_TRACE(as_of);
      const auto direct = heldIn2024(as_of);
      const auto card = summary::tallyDrillPlanExecution(db_->session(), 2024,
                                                         *sdk::Date::parse(as_of), nullptr, "");
      int total = 0;
      for (const auto& [key, n] : direct) total += n;
      EXPECT_EQ(card.total.on_time + card.total.late + card.total.unplanned, total);
      for (const auto& r : card.rows) {
        if (r.drill_plan_id != 0)
          continue;  // planned: matched one by one (drill_plan_execution_reads_test)
        const auto it = direct.find({r.org_id, r.domain});
        EXPECT_EQ(r.counts.unplanned, it == direct.end() ? 0 : it->second)
            << "organisation " << r.org_id << " " << r.domain;
      }
    }
    int in_force = 0;
    for (const auto& [key, n] : heldIn2024("2024-12-31")) in_force += n;
    EXPECT_EQ(in_force, held);
  }
};

TEST_F(DrillYearCountsTest, ImportsLoggedDrillsCorrectionsAndVoidsKeepTheCardsCountsExact) {
  for (const auto& [file, kind] :
       std::vector<std::pair<std::string, std::string>>{{"organisations.csv", "organisations"},
                                                        {"plans.csv", "plans"},
                                                        {"drills.csv", "drills"},
                                                        {"drill-plans.csv", "drill-plans"}}) {
    import(kExamples + file, kind);
  }
  expectExact(0);

  import(writeFile("2024.csv",
                   kDrillsHeader +
                       "XM-JSX,flood,flood.comprehensive,2024-05-10,尖山乡,汛前演练,50,0,,,,,山洪\n"
                       "XM-JSX,flood,flood.evacuation,2024-07-02,尖山乡,转移,40,30,,,,,山洪\n"
                       "XM-JSX-001,flood,flood.evacuation,2024-03-03,尖山村,转移,30,20,,,,,山洪\n"
                       "XM-JSX-001,flood,flood.evacuation,2024-10-08,尖山村,转移,31,20,,,,,山洪\n"
                       "XM-JSX-002,flood,flood.evacuation,2024-11-30,风门口村,转移,25,20,,,,,山洪\n"
                       "XM-E-001,fire,fire.evacuation,2024-02-20,宿舍,疏散,60,50,,,,,\n"),
         "drills");
  expectExact(6);

  sdk::Drill d;
  d.domain = "flood";
  d.drill_type = "flood.evacuation";
  d.org_id = orgId("XM-CHZ-001");
  d.date = sdk::Date{2024, 10, 15};
  d.participants = 20;
  d.fields = {{"hazard", "waterlogging"}};
  auto logged = service::DrillService(*db_, registry_).log(d, store::Actor{"village"});
  ASSERT_TRUE(logged.isOk()) << logged.status().describe();
  expectExact(7);

  auto out =
      correction().correctDrill(logged.value(), {{"date", "2023-12-30"}}, "年份录错", admin());
  ASSERT_TRUE(out.ok()) << out.status.describe();
  expectExact(6);  // out of 2024
  out = correction().correctDrill(drillOf("XM-JSX-002", "2024-11-30"), {{"date", "2024-01-05"}},
                                  "日期录错", admin());
  ASSERT_TRUE(out.ok()) << out.status.describe();
  expectExact(6);  // within 2024, into the part before 2024-09-30
  out = correction().correctDrill(drillOf("XM-CHZ-001", "2023-12-30"), {{"date", "2024-12-01"}},
                                  "年份录错", admin());
  ASSERT_TRUE(out.ok()) << out.status.describe();
  expectExact(7);  // back into 2024, after 2024-09-30

  out = correction().voidRecord(store::RecordKind::Drill, drillOf("XM-JSX-001", "2024-10-08"),
                                "重复登记", admin());
  ASSERT_TRUE(out.ok()) << out.status.describe();
  expectExact(6);
  out = correction().voidRecord(store::RecordKind::Drill, drillOf("XM-JSX", "2024-07-02"),
                                "重复登记", admin());
  ASSERT_TRUE(out.ok()) << out.status.describe();
  expectExact(5);  // a planned organisation's drill
}

}  // namespace
}  // namespace beacon::testing
