// io::ImportScopeCheck for every kind (issue 11 §4: one per-row organisation
// hook, not one copy per importer): each example file, imported in
// dependency order, is first imported held to 尖山乡's subtree (XM-JSX, as a
// township user's upload is): every file has a row of another organisation,
// so each is refused naming that row's line and owner column and writes
// nothing (the administrator's import of the same file right after meets no
// duplicate and succeeds).
#include "auth/access_policy.h"
#include "build_paths.h"
#include "host/service/service_fixture.h"
#include "io/csv_importer.h"
#include "store/organisation_repository.h"

namespace beacon::testing {
namespace {

const std::string kExamples = std::string(BEACON_SOURCE_DIR) + "/examples/csv/";

class ImportScopeTest : public ServiceFixture {
 protected:
  ImportScopeTest() { seed_ = false; }
  sdk::Result<io::ImportReport> import(const std::string& kind, const io::ImportScope& scope) {
    io::ImportOptions o;
    o.kind = kind;
    o.scope = scope;
    return io::importFile(*db_, registry_, kExamples + kind + ".csv", o, actor_);
  }
  // The write scope of a township user of `code` (empty when it is not stored yet).
  io::ImportScope subtreeOf(const std::string& code) {
    io::ImportScope scope;
    scope.all = false;
    store::OrganisationRepository orgs(db_->session());
    if (auto org = orgs.findByCode(code)) {
      auth::User staff;
      staff.role = auth::Role::OrgStaff;
      staff.org_id = org->id;
      scope.org_ids = auth::AccessPolicy(orgs).writeScope(staff).org_ids;
    }
    return scope;
  }
};

TEST_F(ImportScopeTest, EveryKindRefusesARowOutsideTheSubtreeNamingItsOwnerColumn) {
  // kind, the first row (line) outside 尖山乡's subtree, and the column that names its owner.
  const std::vector<std::tuple<std::string, std::size_t, std::string>> kinds = {
      {"organisations", 2, "上级编码"},     {"plans", 2, "编制单位编码"},
      {"reviews", 2, "预案编码"},           {"filings", 2, "预案编码"},
      {"drills", 0, "组织编码"},            {"corrective-actions", 3, "责任单位编码"},
      {"publications", 2, "预案编码"},      {"drill-plans", 4, "组织编码"},
      {"drill-evaluations", 0, "组织编码"}};
  for (const auto& [kind, line, column] : kinds) {
    auto scoped = import(kind, subtreeOf("XM-JSX"));
    ASSERT_TRUE(scoped.isOk()) << kind << ": " << scoped.status().describe();
    ASSERT_FALSE(scoped.value().problems.empty()) << kind << ": a row outside the subtree";
    const io::ImportProblem& first = scoped.value().problems.front();
    if (line != 0) {
      EXPECT_EQ(first.line, line) << kind;
    }
    EXPECT_EQ(first.column, column) << kind << ": " << first.message;
    EXPECT_TRUE(scoped.value().counts.empty()) << kind;
    auto all = import(kind, io::ImportScope{});
    ASSERT_TRUE(all.isOk()) << kind << ": " << all.status().describe();
    EXPECT_TRUE(all.value().errors.empty())
        << kind << ": the refused import wrote nothing, so no row is a duplicate now: "
        << (all.value().errors.empty() ? "" : all.value().errors.front());
  }
}

}  // namespace
}  // namespace beacon::testing
