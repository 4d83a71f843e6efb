// The character rule and the per-field limits of service/text_limits.h, and
// that every service applies them before writing (issue 9, item 8).
#include "service/text_limits.h"

#include "host/service/service_fixture.h"
#include "service/drill_service.h"
#include "store/corrective_action.h"
#include "store/revision_triggers.h"

namespace beacon::testing {
namespace {

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(TextLimits, ControlCharactersOtherThanTabAndLineEndsAreRefused) {
  EXPECT_TRUE(service::checkText("drill", "findings", "一\t二\n三\r\n四").isOk());
  for (const std::string& bad :
       {std::string("a\0b", 3), std::string("\x01"), std::string("a\rb"), std::string("a\r"),
        std::string("\x1b[31m"), std::string("\x7f"), std::string("\xc2\x85")}) {
    sdk::Status s = service::checkText("drill", "place", bad);
    EXPECT_FALSE(s.isOk()) << bad;
    EXPECT_EQ(s.field(), "place");
  }
  EXPECT_EQ(service::checkText("drill", "place", std::string("a\0b", 3)).message(),
            "不得包含控制字符（U+0000），只允许制表符和换行");
  EXPECT_EQ(service::checkText("drill", "place", "\xc2\x85").message(),
            "不得包含控制字符（U+0085），只允许制表符和换行");
  for (const std::string bad : {"\xff", "\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80"}) {
    EXPECT_EQ(service::checkText("drill", "place", bad).message(), "不是有效的 UTF-8 文本") << bad;
  }
}

TEST(TextLimits, LimitsCountCharactersNotBytes) {
  EXPECT_EQ(service::countCharacters("新密市 ab"), 6u);
  EXPECT_EQ(service::textLimit("drill", "findings"), 20000u);
  EXPECT_EQ(service::textLimit("drill", "fields.hazard"), 500u) << "plugin fields share one limit";
  EXPECT_EQ(service::textLimit("organisation", "attributes.fire.key_fire_unit"), 500u);
  EXPECT_TRUE(service::checkText("drill", "place", repeat("村", 200)).isOk());
  sdk::Status s = service::checkText("drill", "place", repeat("村", 201));
  EXPECT_EQ(s.field(), "place");
  EXPECT_EQ(s.message(), "不得超过 200 个字符");
  EXPECT_EQ(s.describe(), "place: 不得超过 200 个字符");
  for (const auto& l : service::textLimits()) {
    EXPECT_GT(l.max_chars, 0u) << l.record << "." << l.field;
    EXPECT_EQ(service::textLimit(l.record, l.field), l.max_chars);
  }
}

TEST(TextLimits, MessagesHaveAnEnglishForm) {
  EXPECT_EQ(service::localisedMessage("不得超过 200 个字符", true),
            "must be at most 200 characters");
  EXPECT_EQ(service::localisedMessage("不得超过 200 个字符", false), "不得超过 200 个字符");
  EXPECT_EQ(service::localisedMessage("不得包含控制字符（U+0000），只允许制表符和换行", true),
            "must not contain control characters (U+0000); only tab and line breaks are allowed");
  EXPECT_EQ(service::localisedMessage("不是有效的 UTF-8 文本", true), "is not valid UTF-8 text");
  EXPECT_EQ(service::localisedMessage("is required", true), "is required")
      << "other messages pass through";
}

class TextLimitsServiceTest : public ServiceFixture {};

TEST_F(TextLimitsServiceTest, EveryServiceChecksItsTextsBeforeWriting) {
  const std::string nul("a\0b", 3);
  service::OrganisationService orgs(*db_, registry_);
  sdk::Organisation o;
  o.code = "V2";
  o.name = "西街村" + nul;
  o.kind = sdk::OrgKind::Village;
  o.parent_id = township_;
  EXPECT_EQ(orgs.add(o, actor_).status().field(), "name");
  o.name = "西街村";
  o.attributes = {{"flood.flash_flood_zone", "1\x01"}};
  EXPECT_EQ(orgs.add(o, actor_).status().field(), "attributes.flood.flash_flood_zone");

  service::PlanService plans(*db_, registry_);
  sdk::Plan p;
  p.code = "P2";
  p.title = repeat("预", 201);
  p.domain = "flood";
  p.category = sdk::category::kGrassroots;
  p.owner_org_id = township_;
  EXPECT_EQ(plans.addPlan(p, std::nullopt, actor_).status().field(), "title");
  p.title = "预案";
  sdk::PlanVersion v;
  v.issued = sdk::Date{2023, 3, 1};
  v.text = "第一章" + nul;
  EXPECT_EQ(plans.addPlan(p, v, actor_).status().field(), "version.text");
  v.text = "第一章";
  v.author = repeat("x", 101);
  EXPECT_EQ(plans.addPlan(p, v, actor_).status().field(), "version.author");
  sdk::PlanVersion revised;
  revised.action = sdk::VersionAction::Revised;
  revised.trigger = store::trigger::kRiskChangedMajor;
  revised.issued = sdk::Date{2023, 4, 1};
  revised.text = "\x02";
  EXPECT_EQ(plans.revise(plan_, revised, actor_).status().field(), "text");

  sdk::Review r;
  r.plan_id = plan_;
  r.date = sdk::Date{2023, 5, 1};
  r.reviewers = "张三" + nul;
  EXPECT_EQ(plans.addReview(r, actor_).status().field(), "reviewers");
  r.reviewers = "张三";
  r.findings = repeat("问", 20001);
  EXPECT_EQ(plans.addReview(r, actor_).status().field(), "findings");

  sdk::Filing f;
  f.plan_id = plan_;
  f.target_body = "新密市应急管理局\x0b";
  f.submitted = sdk::Date{2023, 3, 5};
  EXPECT_EQ(plans.addFiling(f, actor_).status().field(), "target_body");
  f.target_body = "新密市应急管理局";
  f.registration_no = repeat("1", 101);
  EXPECT_EQ(plans.addFiling(f, actor_).status().field(), "registration_no");

  service::DrillService drills(*db_, registry_);
  sdk::Drill d;
  d.domain = "flood";
  d.drill_type = "flood.evacuation";
  d.org_id = village_;
  d.date = sdk::Date{2023, 6, 10};
  d.fields = {{"hazard", "山洪"}};
  d.scenario = repeat("景", 2001);
  auto logged = drills.log(d, actor_);
  EXPECT_EQ(logged.status().field(), "scenario");
  d.scenario = "";
  d.fields["hazard"] = "山洪" + nul;
  EXPECT_EQ(drills.log(d, actor_).status().field(), "fields.hazard");
  d.fields["hazard"] = "山洪";
  ASSERT_TRUE(drills.log(d, actor_).isOk());

  store::CorrectiveAction a;
  a.source_kind = store::SourceKind::Drill;
  a.source_id = 1;
  a.responsible_org_id = village_;
  a.description = repeat("改", 2001);
  EXPECT_EQ(plans.addCorrectiveAction(a, actor_).status().field(), "description");

  int n = 0;
  db_->session() << "SELECT COUNT(*) FROM organisations WHERE code = 'V2'",
      Poco::Data::Keywords::into(n), Poco::Data::Keywords::now;
  EXPECT_EQ(n, 0);
  db_->session() << "SELECT COUNT(*) FROM reviews", Poco::Data::Keywords::into(n),
      Poco::Data::Keywords::now;
  EXPECT_EQ(n, 0);
  db_->session() << "SELECT COUNT(*) FROM drills", Poco::Data::Keywords::into(n),
      Poco::Data::Keywords::now;
  EXPECT_EQ(n, 1);
}

}  // namespace
}  // namespace beacon::testing
