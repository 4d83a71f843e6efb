// Chinese throughout, forms that never lose work (issue #14 §3), over a real
// socket: a refusal is one sentence in the request's language naming the field
// by its label (the API's "field" keeps the machine name); refused page forms
// come back with what was typed (and say that a chosen file must be chosen
// again); a write from a page says what it did; the language switch keeps the
// page's path and query; codes are shown by their labels in both languages.
#include <gtest/gtest.h>

#include "beacon/sdk/records.h"
#include "service/plan_category_catalog.h"
#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

class PageLanguageTest : public WebFixture {
 protected:
  static std::string messageOf(const Reply& r) {
    return r.json()->getObject("error")->getValue<std::string>("message");
  }
  static bool has(const std::string& page, const std::string& text) {
    return page.find(text) != std::string::npos;
  }
  // An issued flood plan of 城关镇 (its first version issued 2023-04-01), by id.
  static int issuedPlan(const Login& admin, const std::string& code) {
    Reply r = send(
        admin, "POST", "/api/v1/plans",
        R"({"code":")" + code +
            R"(","title":"城关镇防汛应急预案","domain":"flood","category":"grassroots","owner":"xinmi.chengguan","version":{"text":"第一章 总则\n","issued":"2023-04-01"}})");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()->getValue<int>("id") : 0;
  }
  // The page of a new issued plan (issuedPlan), "" when it could not be created.
  static std::string issuedPlanPage(const Login& admin, const std::string& code) {
    const int plan = issuedPlan(admin, code);
    return plan > 0 ? "/plans/" + std::to_string(plan) : "";
  }
  static std::string drillJson() {
    return R"({"org":"xinmi.chengguan.04","drill_type":"flood.evacuation","date":"2023-05-10","participants":3})";
  }
};

TEST_F(PageLanguageTest, AnApiRefusalNamesTheFieldByItsLabelInTheRequestsLanguage) {
  Login village = login("village");
  Reply zh = send(village, "POST", "/api/v1/drills", drillJson());
  ASSERT_EQ(zh.status, 422) << zh.body;
  EXPECT_EQ(zh.errorField(), "fields.hazard");
  EXPECT_EQ(messageOf(zh), "“灾害类型”为必填项。");
  Reply en = send(village, "POST", "/api/v1/drills?lang=en", drillJson());
  ASSERT_EQ(en.status, 422) << en.body;
  EXPECT_EQ(en.errorField(), "fields.hazard");
  EXPECT_EQ(messageOf(en), "“Hazard” is required.");
}

TEST_F(PageLanguageTest, AnOrganisationOutsideTheScopeIsRefusedInChinese) {
  Login town = login("town");
  Reply zh = get(town, "/api/v1/summaries?kind=township&org=xinmi.micun&as_of=2023-12-31");
  ASSERT_EQ(zh.status, 403) << zh.body;
  EXPECT_EQ(messageOf(zh), "单位 xinmi.micun 不在您的管辖范围内。");
  Reply en = get(town, "/api/v1/summaries?kind=township&org=xinmi.micun&as_of=2023-12-31&lang=en");
  EXPECT_EQ(messageOf(en), "organisation xinmi.micun is outside your scope.");
}

TEST_F(PageLanguageTest, ARefusedDrillFormIsChineseAndKeepsWhatWasTyped) {
  Login village = login("village");
  const int drills = count("SELECT COUNT(*) FROM drills");
  const std::string jpeg =
      std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11) + std::string(64, '\x11');
  Reply r = postMultipart(village, "/drills/new",
                     {{"domain", "flood"},
                      {"drill_type", "flood.evacuation"},
                      {"org_id", std::to_string(orgId("xinmi.chengguan.04"))},
                      {"date", "2023-05-10"},
                      {"place", "村委会广场"},
                      {"participants", "43"},
                      {"evacuees", "27"}},
                     "evidence", "photo.jpg", jpeg);
  ASSERT_EQ(r.status, 422) << r.body.substr(0, 400);
  EXPECT_TRUE(has(r.body, "“灾害类型”为必填项。")) << r.body;
  EXPECT_FALSE(has(r.body, "fields.hazard:")) << "the field's machine name is not the message";
  EXPECT_FALSE(has(r.body, "is required")) << r.body.substr(r.body.find("is required") - 300, 400);
  EXPECT_TRUE(has(r.body, R"(value="2023-05-10")"));
  EXPECT_TRUE(has(r.body, R"(value="村委会广场")"));
  EXPECT_TRUE(has(r.body, R"(value="43")"));
  EXPECT_TRUE(has(r.body, R"(value="27")"));
  EXPECT_TRUE(has(r.body, R"(id="evidence-again")"))
      << "the photo must be chosen again, and the form says so";
  EXPECT_TRUE(has(r.body, "data-draft-filled"))
      << "a refused form is not overwritten by a stored draft";
  EXPECT_EQ(count("SELECT COUNT(*) FROM drills"), drills);

  Reply en = postMultipart(village, "/drills/new?lang=en",
                      {{"domain", "flood"},
                       {"drill_type", "flood.evacuation"},
                       {"date", "2023-05-10"},
                       {"org_id", std::to_string(orgId("xinmi.chengguan.04"))}});
  ASSERT_EQ(en.status, 422);
  EXPECT_TRUE(has(en.body, "“Hazard” is required.")) << en.body;
}

TEST_F(PageLanguageTest, ChangingTheDrillDomainKeepsTheSharedFields) {
  Login village = login("village");
  Reply r = get(
      village,
      "/drills/new?domain=fire&date=2023-05-10&place=%E6%9D%91%E5%A7%94%E4%BC%9A&participants=43"
      "&files_dropped=1");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  EXPECT_TRUE(has(r.body, R"(value="2023-05-10")"));
  EXPECT_TRUE(has(r.body, R"(value="村委会")"));
  EXPECT_TRUE(has(r.body, R"(value="43")"));
  EXPECT_TRUE(has(r.body, R"(id="evidence-again")"));
  EXPECT_FALSE(has(r.body, R"(id="form-error")")) << "a domain change refuses nothing";
  Reply fresh = get(village, "/drills/new?domain=fire");
  EXPECT_FALSE(has(fresh.body, "data-draft-filled"))
      << "an empty form may take the browser's draft";
  EXPECT_TRUE(has(fresh.body, R"(data-draft="beacon.drill-draft")"));
}

TEST_F(PageLanguageTest, RefusedReviewEvaluationAndFilingFormsComeBackWithWhatWasTyped) {
  Login admin = login("admin");
  const std::string base = issuedPlanPage(admin, "WL-FORM-1");
  ASSERT_FALSE(base.empty());
  Reply evaluation = postMultipart(admin, base + "/reviews",
                              {{"kind", "evaluation"},
                               {"version", "1"},
                               {"date", "2024-13-45"},
                               {"reviewers", "张三、李四"},
                               {"conclusion", "revise"},
                               {"findings", "应急队伍名单已过时"}});
  ASSERT_EQ(evaluation.status, 422) << evaluation.body.substr(0, 300);
  EXPECT_TRUE(has(evaluation.body, "“日期”格式应为 YYYY-MM-DD。")) << evaluation.body;
  EXPECT_TRUE(has(evaluation.body, R"(value="张三、李四")"));
  EXPECT_TRUE(has(evaluation.body, "应急队伍名单已过时</textarea>"));
  EXPECT_TRUE(has(evaluation.body, R"(<option value="revise" selected>)"));

  Reply filing = postMultipart(admin, base + "/filings",
                          {{"version", "1"},
                           {"target_body", ""},
                           {"submitted", "2023-04-05"},
                           {"registration_no", "豫应急备〔2023〕1号"}});
  ASSERT_EQ(filing.status, 422) << filing.body.substr(0, 300);
  EXPECT_TRUE(has(filing.body, "“备案机关”为必填项。")) << filing.body;
  EXPECT_TRUE(has(filing.body, R"(value="豫应急备〔2023〕1号")"));
  EXPECT_TRUE(has(filing.body, R"(value="2023-04-05")"));
}

TEST_F(PageLanguageTest, AWriteFromThePlanPageSaysWhatItDid) {
  Login admin = login("admin");
  const std::string base = issuedPlanPage(admin, "WL-DONE-1");
  ASSERT_FALSE(base.empty());
  Reply evaluated = postMultipart(
      admin, base + "/reviews",
      {{"kind", "evaluation"}, {"version", "1"}, {"date", "2024-01-05"}, {"conclusion", "keep"}});
  ASSERT_EQ(evaluated.status, 303) << evaluated.body.substr(0, 300);
  EXPECT_EQ(evaluated.headers["Location"], base + "?done=evaluation");
  EXPECT_TRUE(has(get(admin, base + "?done=evaluation").body, "评估已记录。"));
  Reply filed = postMultipart(
      admin, base + "/filings",
      {{"version", "1"}, {"target_body", "新密市应急管理局"}, {"submitted", "2023-04-05"}});
  ASSERT_EQ(filed.status, 303) << filed.body.substr(0, 300);
  EXPECT_TRUE(has(get(admin, filed.headers["Location"]).body, "已提交备案。"));
  EXPECT_TRUE(
      has(get(admin, filed.headers["Location"] + "&lang=en").body, "The filing is recorded."));
  EXPECT_FALSE(has(get(admin, base + "?done=nonsense").body, R"(id="plan-notice")"));
  EXPECT_FALSE(has(get(admin, base).body, R"(id="plan-notice")"));
}

TEST_F(PageLanguageTest, TheLanguageSwitchKeepsThePathAndQuery) {
  Login admin = login("admin");
  Reply zh = get(admin, "/plans?domain=flood&status=issued");
  ASSERT_EQ(zh.status, 200);
  EXPECT_TRUE(
      has(zh.body, R"(id="lang-switch" href="/plans?domain=flood&amp;status=issued&amp;lang=en")"))
      << zh.body.substr(0, 3000);
  Reply en = get(admin, "/plans?domain=flood&lang=en");
  EXPECT_TRUE(has(en.body, R"(id="lang-switch" href="/plans?domain=flood&amp;lang=zh")"));
}

TEST_F(PageLanguageTest, PlanCodesAreShownByTheirLabelsInBothLanguages) {
  Login admin = login("admin");
  const int plan = issuedPlan(admin, "WL-LABEL-1");
  ASSERT_GT(plan, 0);
  Reply zh = get(admin, "/plans/" + std::to_string(plan));
  ASSERT_EQ(zh.status, 200);
  EXPECT_FALSE(has(zh.body, "<td>flood</td>"));
  Reply en = get(admin, "/plans/" + std::to_string(plan) + "?lang=en");
  EXPECT_FALSE(has(en.body, "<td>flood</td>"));
  EXPECT_TRUE(
      has(en.body, std::string(R"(<td id="plan-status">)") + sdk::labelEn(sdk::PlanStatus::Issued)))
      << "the status in English";
  std::string grassroots;
  for (const auto& c : service::allowedCategories(app_->plugins(), "flood")) {
    if (c.id == "grassroots") grassroots = c.label_en;
  }
  ASSERT_FALSE(grassroots.empty());
  EXPECT_TRUE(has(en.body, "<th>Category</th><td>" + grassroots + "</td>"))
      << "the category in English";
  Reply list = get(admin, "/plans?domain=flood&lang=en");
  EXPECT_FALSE(has(list.body, "<td>flood</td>"));
  EXPECT_FALSE(
      has(list.body, std::string("<td>") + sdk::labelZh(sdk::PlanStatus::Issued) + "</td>"));
}

}  // namespace
}  // namespace beacon::http::testing
