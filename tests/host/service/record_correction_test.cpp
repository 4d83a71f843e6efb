#include <set>

#include <Poco/Data/Session.h>
#include <Poco/JSON/Parser.h>

#include "host/service/service_fixture.h"
#include "rules/plan_history.h"
#include "rules/store_record_reader.h"
#include "service/drill_service.h"
#include "service/record_checks.h"
#include "service/record_correction.h"
#include "store/audit_log.h"
#include "store/drill_repository.h"

namespace beacon::testing {
namespace {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

class RecordCorrectionTest : public ServiceFixture {
 protected:
  void SetUp() override {
    ServiceFixture::SetUp();
    service::OrganisationService orgs(*db_, registry_);
    village2_ = mustAdd(orgs, "V2", "西街村", sdk::OrgKind::Village, township_);
  }

  // A fire drill of V1 logged by the village's staff member "vstaff", with 430 participants.
  sdk::RecordId logDrill() {
    sdk::Drill d;
    d.domain = "fire";
    d.drill_type = "fire.evacuation";
    d.org_id = village_;
    d.date = sdk::Date{2023, 6, 10};
    d.participants = 430;
    d.fields = {{"extinguisher_used", "1"}};
    auto id = service::DrillService(*db_, registry_).log(d, store::Actor{"vstaff"});
    EXPECT_TRUE(id.isOk()) << id.status().describe();
    return id.isOk() ? id.value() : 0;
  }

  static auth::User user(const std::string& name, auth::Role role, sdk::RecordId org) {
    auth::User u;
    u.username = name;
    u.role = role;
    u.org_id = org;
    return u;
  }

  // The day the drill was recorded (its created_at), so the window is counted from the stored
  // value.
  sdk::Date recordedOn(sdk::RecordId id) {
    std::string at;
    db_->session() << "SELECT created_at FROM drills WHERE id = " + std::to_string(id), into(at),
        now;
    return *sdk::Date::parse(at.substr(0, 10));
  }

  service::CorrectionOutcome correct(sdk::RecordId id, const auth::User& who, sdk::Date today,
                                     const service::FieldChanges& changes,
                                     const std::string& reason = "录入错误") {
    service::RecordCorrection c(*db_, registry_, 30, today);
    return c.correctDrill(id, changes, reason, {store::Actor{who.username}, who});
  }

  int scalar(const std::string& sql) {
    int n = 0;
    db_->session() << sql, into(n), now;
    return n;
  }

  sdk::RecordId village2_ = 0;
};

TEST_F(RecordCorrectionTest,
       RecorderCorrectsOwnDrillWithinTheWindowAndTheAuditHoldsBeforeAfterAndReason) {
  const auto id = logDrill();
  const auth::User vstaff = user("vstaff", auth::Role::VillageStaff, village_);
  const auto day30 = recordedOn(id).addDays(30);
  auto out = correct(id, vstaff, day30, {{"participants", "43"}}, "参演人数多录了一个 0");
  ASSERT_TRUE(out.ok()) << out.status.describe();
  EXPECT_EQ(store::DrillRepository(db_->session()).findById(id)->participants, 43);
  const auto entries = store::AuditLog(db_->session()).list("drill", id, 10);
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.front().action, "correct");
  EXPECT_EQ(entries.front().username, "vstaff");
  Poco::JSON::Parser parser;
  auto before = parser.parse(entries.front().before_json).extract<Poco::JSON::Object::Ptr>();
  auto after = parser.parse(entries.front().after_json).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(before->getValue<int>("participants"), 430);
  EXPECT_EQ(after->getValue<int>("participants"), 43);
  EXPECT_EQ(after->getValue<std::string>("correction_reason"), "参演人数多录了一个 0");
}

TEST_F(RecordCorrectionTest, RecorderIsRefusedAfterTheWindowButTheTownshipMayStill) {
  const auto id = logDrill();
  const auto day31 = recordedOn(id).addDays(31);
  auto late = correct(id, user("vstaff", auth::Role::VillageStaff, village_), day31,
                      {{"participants", "43"}});
  EXPECT_EQ(late.failure, service::CorrectionFailure::Forbidden);
  EXPECT_NE(late.status.message().find("30"), std::string::npos) << late.status.message();
  EXPECT_EQ(store::DrillRepository(db_->session()).findById(id)->participants, 430);
  auto town = correct(id, user("tstaff", auth::Role::OrgStaff, township_),
                      recordedOn(id).addDays(400), {{"participants", "43"}});
  EXPECT_TRUE(town.ok()) << town.status.describe();
  auto admin = correct(id, user("root", auth::Role::Admin, 0), recordedOn(id).addDays(4000),
                       {{"place", "村委会"}});
  EXPECT_TRUE(admin.ok()) << admin.status.describe();
}

TEST_F(RecordCorrectionTest, OtherVillagesOwnOrganisationColleaguesAndViewersAreRefused) {
  const auto id = logDrill();
  const auto today = recordedOn(id);
  for (const auto& who :
       {user("other", auth::Role::VillageStaff, village2_),
        user("colleague", auth::Role::VillageStaff, village_),
        user("vstaff", auth::Role::Viewer, village_), user("viewer", auth::Role::Viewer, 0),
        user("tstaff2", auth::Role::OrgStaff, village2_)}) {
    auto out = correct(id, who, today, {{"participants", "43"}});
    EXPECT_EQ(out.failure, service::CorrectionFailure::Forbidden) << who.username;
  }
  service::RecordCorrection c(*db_, registry_, 30, today);
  const auth::User viewer = user("viewer", auth::Role::Viewer, 0);
  EXPECT_EQ(
      c.voidRecord(store::RecordKind::Drill, id, "重复", {store::Actor{"viewer"}, viewer}).failure,
      service::CorrectionFailure::Forbidden);
  auth::User disabled = user("root", auth::Role::Admin, 0);
  disabled.disabled = true;
  EXPECT_EQ(correct(id, disabled, today, {{"participants", "43"}}).failure,
            service::CorrectionFailure::Forbidden);
  EXPECT_EQ(store::DrillRepository(db_->session()).findById(id)->participants, 430);
}

TEST_F(RecordCorrectionTest, ACorrectionIsValidatedAsANewDrillAndBadInputWritesNothing) {
  const auto id = logDrill();
  const auth::User vstaff = user("vstaff", auth::Role::VillageStaff, village_);
  const auto today = recordedOn(id);
  const int audit_before = scalar("SELECT COUNT(*) FROM audit_log");
  const std::vector<std::pair<service::FieldChanges, std::string>> cases = {
      {{{"participants", "-4"}}, "participants"},
      {{{"participants", "四十三"}}, "participants"},
      {{{"date", "2023-02-30"}}, "date"},
      {{{"drill_type", "fire.no_such_type"}}, "drill_type"},
      {{{"org_id", "99999"}}, "org_id"},
      {{{"verdict", "superb"}}, "verdict"},
      {{{"colour", "red"}}, "colour"},
      {{{"participants", "430"}}, "changes"},
      {{}, "changes"},
  };
  for (const auto& [changes, field] : cases) {
    auto out = correct(id, vstaff, today, changes);
    EXPECT_EQ(out.failure, service::CorrectionFailure::Invalid) << field;
    EXPECT_EQ(out.status.field(), field) << out.status.describe();
  }
  auto no_reason = correct(id, vstaff, today, {{"participants", "43"}}, "  ");
  EXPECT_EQ(no_reason.status.field(), "reason");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log"), audit_before);
  EXPECT_EQ(store::DrillRepository(db_->session()).findById(id)->participants, 430);
}

TEST_F(RecordCorrectionTest, AVoidedDrillLeavesCountsFlagsAndTheRulesButStaysListedAndIsFinal) {
  const auto id = logDrill();
  const sdk::RecordId plain = [&] {
    sdk::Drill d;
    d.domain = "fire";
    d.drill_type = "fire.evacuation";
    d.org_id = village_;
    d.date = sdk::Date{2023, 5, 1};
    auto r = service::DrillService(*db_, registry_).log(d, store::Actor{"vstaff"});
    return r.value();
  }();
  const auth::User vstaff = user("vstaff", auth::Role::VillageStaff, village_);
  service::RecordCorrection c(*db_, registry_, 30, recordedOn(id));
  store::DrillRepository drills(db_->session());
  store::DrillFilter all;
  EXPECT_EQ(drills.count(all), 2);
  rules::StoreRecordReader reader(*db_, "fire");
  // One group: its newest drill and, since issue #11, the one before it (order unspecified).
  std::set<sdk::RecordId> group;
  for (const auto& g : reader.latestDrills({}, {}, "")) group.insert(g.drill.id);
  EXPECT_EQ(group, (std::set<sdk::RecordId>{id, plain}));
  EXPECT_EQ(reader.latestDrills({}, {}, "extinguisher_used").size(), 1u);
  const int feed = scalar("SELECT COALESCE(MAX(seq), 0) FROM rule_changes");

  EXPECT_EQ(c.voidRecord(store::RecordKind::Drill, id, "", {store::Actor{"vstaff"}, vstaff})
                .status.field(),
            "reason");
  auto out =
      c.voidRecord(store::RecordKind::Drill, id, "重复登记", {store::Actor{"vstaff"}, vstaff});
  ASSERT_TRUE(out.ok()) << out.status.describe();

  EXPECT_EQ(drills.count(all), 1) << "drill_month_counts";
  store::DrillFilter in_june;
  in_june.from = sdk::Date{2023, 6, 1};
  EXPECT_EQ(drills.count(in_june), 0) << "COUNT(*) over drills";
  EXPECT_EQ(scalar("SELECT COALESCE(SUM(n), 0) FROM drill_org_month_counts"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM drill_flags"), 0);
  EXPECT_EQ(reader.drills({}, {}).size(), 1u);
  ASSERT_EQ(reader.latestDrills({}, {}, "").size(), 1u);
  EXPECT_EQ(reader.latestDrills({}, {}, "").front().drill.id, plain) << "the group's next drill";
  EXPECT_TRUE(reader.latestDrills({}, {}, "extinguisher_used").empty());
  EXPECT_GT(scalar("SELECT COUNT(*) FROM rule_changes WHERE seq > " + std::to_string(feed) +
                   " AND org_id = " + std::to_string(village_)),
            0);
  store::DrillFilter listed;
  listed.include_voided = true;
  EXPECT_EQ(drills.list(listed).size(), 2u);
  EXPECT_EQ(drills.count(listed), 2);
  ASSERT_TRUE(drills.findById(id));

  const auto entries = store::AuditLog(db_->session()).list("drill", id, 1);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries.front().action, "void");
  EXPECT_NE(entries.front().after_json.find("重复登记"), std::string::npos);
  EXPECT_EQ(
      c.voidRecord(store::RecordKind::Drill, id, "再次", {store::Actor{"vstaff"}, vstaff}).failure,
      service::CorrectionFailure::Voided);
  EXPECT_EQ(
      c.correctDrill(id, {{"participants", "43"}}, "改", {store::Actor{"vstaff"}, vstaff}).failure,
      service::CorrectionFailure::Voided);
  EXPECT_EQ(drills.count(all), 1);
}

TEST_F(RecordCorrectionTest, ACorrectedDateMovesTheMonthCountsAndFlags) {
  const auto id = logDrill();
  auto out = correct(id, user("vstaff", auth::Role::VillageStaff, village_), recordedOn(id),
                     {{"date", "2023-04-02"}, {"fields.extinguisher_used", "0"}});
  ASSERT_TRUE(out.ok()) << out.status.describe();
  EXPECT_EQ(scalar("SELECT COALESCE(SUM(n), 0) FROM drill_month_counts WHERE month = '2023-06'"),
            0);
  EXPECT_EQ(scalar("SELECT COALESCE(SUM(n), 0) FROM drill_month_counts WHERE month = '2023-04'"),
            1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM drill_flags"), 0);
}

// A voided evaluation concluding 需修订 no longer makes its plan need revision
// as of any date; the plan history (core rules, plan-status summaries) reads
// only records in force.
TEST_F(RecordCorrectionTest, AVoidedReviseEvaluationNoLongerRequiresARevision) {
  sdk::Review review;
  review.plan_id = plan_;
  review.kind = sdk::ReviewKind::Evaluation;
  review.date = sdk::Date{2023, 9, 1};
  review.reviewers = "市应急管理局";
  review.conclusion = sdk::ReviewConclusion::Revise;
  review.findings = "组织机构已调整";
  auto id = service::PlanService(*db_, registry_).addReview(review, actor_);
  ASSERT_TRUE(id.isOk()) << id.status().describe();
  const sdk::Date as_of{2023, 12, 31};
  EXPECT_TRUE(rules::PlanHistory::load(db_->session(), "").asOf(plan_, as_of).revision_required);

  const auth::User admin = user("admin", auth::Role::Admin, city_);
  service::RecordCorrection c(*db_, registry_, 30, sdk::Date{2023, 9, 2});
  auto voided = c.voidRecord(store::RecordKind::Review, id.value(), "评估记录录错了预案",
                             {store::Actor{admin.username}, admin});
  ASSERT_TRUE(voided.ok()) << voided.status.describe();
  EXPECT_FALSE(rules::PlanHistory::load(db_->session(), "").asOf(plan_, as_of).revision_required);
}

}  // namespace
}  // namespace beacon::testing
