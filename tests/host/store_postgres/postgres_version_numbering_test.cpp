// Version numbers on PostgreSQL (issue 12): PlanRepository::addVersion reads MAX(number) + 1 and
// then inserts, with no row lock. Two nodes adding versions to one plan at once still get
// distinct, consecutive numbers because every write transaction first takes the per-schema
// advisory write lock (PostgresDialect::begin), so they run one at a time. Skips unless
// BEACON_TEST_DB_URI names a PostgreSQL database.
#include <gtest/gtest.h>

#include <future>
#include <vector>

#include "store/database.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "support/test_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {
namespace {

TEST(PostgresVersionNumberingTest, TwoNodesAddingVersionsToOnePlanGetDistinctNumbers) {
  BEACON_REQUIRE_POSTGRES();
  testing::TestDatabase pg;
  const Actor actor{"tester"};
  sdk::RecordId plan_id = 0;
  {
    auto db = pg.open();
    db->migrate();
    sdk::Organisation org;
    org.code = "XM";
    org.name = "新密市";
    org.kind = sdk::OrgKind::City;
    OrganisationRepository(db->session()).add(org, actor);
    sdk::Plan plan;
    plan.code = "P-1";
    plan.title = "防汛应急预案";
    plan.domain = "flood";
    plan.category = "special";
    plan.owner_org_id = org.id;
    plan_id = PlanRepository(db->session()).add(plan, actor);
  }
  constexpr int kEach = 15;
  auto node = [&] {
    auto db = pg.open();
    PlanRepository plans(db->session());
    for (int i = 0; i < kEach; ++i) {
      sdk::PlanVersion v;
      v.plan_id = plan_id;
      v.action = sdk::VersionAction::Drafted;
      v.text = "第 " + std::to_string(i) + " 稿";
      plans.addVersion(v, actor);
    }
  };
  auto a = std::async(std::launch::async, node);
  auto b = std::async(std::launch::async, node);
  a.get();
  b.get();
  auto db = pg.open();
  std::vector<int> numbers;
  db->session() << "SELECT number FROM plan_versions WHERE plan_id = $1 ORDER BY number",
      bind(static_cast<Poco::Int64>(plan_id)), into(numbers), now;
  std::vector<int> expected;
  for (int n = 1; n <= 2 * kEach; ++n) expected.push_back(n);
  EXPECT_EQ(numbers, expected);
}

}  // namespace
}  // namespace beacon::store
