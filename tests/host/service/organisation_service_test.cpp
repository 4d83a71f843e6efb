#include "host/service/service_fixture.h"
#include "store/organisation_repository.h"

namespace beacon::testing {
namespace {

class OrganisationServiceTest : public ServiceFixture {
 protected:
  sdk::Organisation org(const std::string& code, sdk::OrgKind kind, sdk::RecordId parent) {
    sdk::Organisation o;
    o.code = code;
    o.name = "名称";
    o.kind = kind;
    o.parent_id = parent;
    return o;
  }
};

TEST_F(OrganisationServiceTest, EachProblemNamesItsField) {
  service::OrganisationService s(*db_, registry_);
  EXPECT_EQ(s.validate(org("", sdk::OrgKind::Village, township_)).field(), "code");
  EXPECT_EQ(s.validate(org("bad code", sdk::OrgKind::Village, township_)).field(), "code");
  EXPECT_EQ(s.validate(org("V1", sdk::OrgKind::Village, township_)).field(), "code") << "duplicate";
  auto nameless = org("V2", sdk::OrgKind::Village, township_);
  nameless.name.clear();
  EXPECT_EQ(s.validate(nameless).field(), "name");
  EXPECT_EQ(s.validate(org("V2", sdk::OrgKind::Village, 0)).field(), "parent_id");
  EXPECT_EQ(s.validate(org("V2", sdk::OrgKind::Village, 9999)).field(), "parent_id");
  EXPECT_EQ(s.validate(org("V2", sdk::OrgKind::Village, city_)).field(), "parent_id")
      << "a village sits under a township or sub-district";
  EXPECT_EQ(s.validate(org("T2", sdk::OrgKind::Township, township_)).field(), "parent_id");
  EXPECT_EQ(s.validate(org("C2", sdk::OrgKind::City, city_)).field(), "parent_id");
  EXPECT_TRUE(s.validate(org("V2", sdk::OrgKind::Village, township_)).isOk());
  EXPECT_TRUE(s.validate(org("E2", sdk::OrgKind::Enterprise, village_)).isOk());
}

TEST_F(OrganisationServiceTest, AttributesAreCheckedAgainstEnabledPlugins) {
  service::OrganisationService s(*db_, registry_);
  auto o = org("S1", sdk::OrgKind::Institution, township_);
  o.attributes = {{"fire.key_fire_unit", "maybe"}};
  EXPECT_EQ(s.validate(o).field(), "attributes.fire.key_fire_unit");
  o.attributes = {{"fire.no_such", "1"}};
  EXPECT_EQ(s.validate(o).field(), "attributes.fire.no_such");
  o.attributes = {{"forest_fire.forest_fire_duty", "1"}};
  EXPECT_EQ(s.validate(o).field(), "attributes.forest_fire.forest_fire_duty") << "plugin not enabled";
  o.attributes = {{"nodomain", "1"}};
  EXPECT_EQ(s.validate(o).field(), "attributes.nodomain");
  o.attributes = {{"fire.key_fire_unit", "是"}, {"fire.unit_kind", "学校"}};
  auto r = s.add(o, actor_);
  ASSERT_TRUE(r.isOk()) << r.status().describe();
  auto stored = store::OrganisationRepository(db_->session()).findById(r.value());
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->attributes.at("fire.key_fire_unit"), "1");
  EXPECT_EQ(stored->attributes.at("fire.unit_kind"), "school");
}

TEST_F(OrganisationServiceTest, FailedAddWritesNothing) {
  service::OrganisationService s(*db_, registry_);
  const int before = store::OrganisationRepository(db_->session()).count();
  auto r = s.add(org("V1", sdk::OrgKind::Village, township_), actor_);
  ASSERT_FALSE(r.isOk());
  EXPECT_EQ(r.status().field(), "code");
  EXPECT_EQ(store::OrganisationRepository(db_->session()).count(), before);
}

}  // namespace
}  // namespace beacon::testing
