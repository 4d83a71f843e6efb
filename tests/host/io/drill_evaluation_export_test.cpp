// The drill-evaluation export reads the evaluations in one query, not one
// findByDrill (and one query for the drill's rivals on its day) per drill:
// the number of SQL statements an export runs (SQLite: its trace hook; PostgreSQL:
// the table scans pg_stat_user_tables counts in the test's schema) does not grow
// with the number of evaluated drills. Rivals (same organisation, day and type)
// still get their 演练序号 in the order recorded.
#include <sqlite3.h>

#include <algorithm>
#include <sstream>

#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Session.h>
#include <gtest/gtest.h>

#include "host/service/service_fixture.h"
#include "io/csv_exporter.h"
#include "store/drill_evaluation_repository.h"
#include "store/drill_repository.h"

using namespace Poco::Data::Keywords;

namespace beacon::testing {
namespace {

int countStatement(unsigned, void* counter, void*, void*) {
  ++*static_cast<int*>(counter);
  return 0;
}

class DrillEvaluationExportTest : public ServiceFixture {
 protected:
  // `n` evaluated drills of the village, from `first` on, one a day; with `twin`, a second one on
  // the first day.
  void addEvaluatedDrills(int n, int first, bool twin = false) {
    store::DrillRepository drills(db_->session());
    store::DrillEvaluationRepository evaluations(db_->session());
    for (int i = 0; i < n + (twin ? 1 : 0); ++i) {
      const int day = first + (i < n ? i : 0);
      sdk::Drill d;
      d.org_id = village_;
      d.domain = "flood";
      d.drill_type = "flood.comprehensive";
      d.date = sdk::Date{2024, 1 + day / 28, 1 + day % 28};
      d.place = "村委会" + std::to_string(i);
      d.participants = 20;
      drills.add(d, actor_);
      store::DrillEvaluation e;
      e.drill_id = d.id;
      e.verdict = sdk::DrillVerdict::Good;
      e.evaluator = "镇应急办";
      e.date = d.date;
      evaluations.add(e, actor_);
    }
  }

  // The scans of this test's tables so far (PostgreSQL): the backend's pending counts are
  // flushed when it goes idle after pg_stat_force_next_flush, before the next statement reads them.
  Poco::Int64 tableScans() {
    auto& session = db_->session();
    session << "SELECT pg_stat_force_next_flush()", now;
    Poco::Int64 scans = 0;
    session << "SELECT COALESCE(SUM(COALESCE(seq_scan, 0) + COALESCE(idx_scan, 0)), 0)::bigint "
               "FROM pg_stat_user_tables WHERE schemaname = current_schema()",
        into(scans), now;
    return scans;
  }

  // The export's text, and the number of SQL statements (PostgreSQL: table scans) it ran in
  // `statements`.
  std::string exportCounting(int& statements) {
    statements = 0;
    std::ostringstream out;
    if (testing::TestDatabase::postgresRequested()) {
      const Poco::Int64 before = tableScans();
      const sdk::Status s = io::exportCsv(*db_, registry_, "drill-evaluations", out, false);
      statements = static_cast<int>(tableScans() - before);
      EXPECT_TRUE(s.isOk()) << s.describe();
      EXPECT_GT(statements, 0) << "the export read no table: the count is not working";
      return out.str();
    }
    sqlite3* handle = Poco::Data::SQLite::Utility::dbHandle(db_->session());
    sqlite3_trace_v2(handle, SQLITE_TRACE_STMT, countStatement, &statements);
    const sdk::Status s = io::exportCsv(*db_, registry_, "drill-evaluations", out, false);
    sqlite3_trace_v2(handle, 0, nullptr, nullptr);
    EXPECT_TRUE(s.isOk()) << s.describe();
    return out.str();
  }
};

TEST_F(DrillEvaluationExportTest, StatementsDoNotGrowWithTheEvaluatedDrills) {
  addEvaluatedDrills(2, 0, true);
  int few = 0;
  const std::string small = exportCounting(few);
  EXPECT_NE(small.find("V1,2024-01-01,flood.comprehensive,1,"), std::string::npos) << small;
  EXPECT_NE(small.find("V1,2024-01-01,flood.comprehensive,2,"), std::string::npos) << small;
  EXPECT_NE(small.find("V1,2024-01-02,flood.comprehensive,,"), std::string::npos) << small;

  addEvaluatedDrills(40, 10);
  int many = 0;
  const std::string large = exportCounting(many);
  EXPECT_EQ(std::count(large.begin(), large.end(), '\n'), 1 + 3 + 40);
  EXPECT_EQ(many, few) << "one query per drill (N+1)";
}

}  // namespace
}  // namespace beacon::testing
