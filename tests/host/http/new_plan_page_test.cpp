// The new-plan page (plan_new_page.cpp) over a real socket: who gets the form
// and which owners it offers (the write scope, as POST /api/v1/plans), a
// refusal that names its field in zh-CN (English with ?lang=en) and keeps
// what was typed, an owner outside the scope refused with 403, and a plan
// stored with its first version, its audit entry and the success notice.
#include <Poco/URI.h>

#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class NewPlanPageTest : public WebFixture {
 protected:
  static std::string option(const std::string& code) { return "value=\"" + std::to_string(orgId(code)) + "\""; }
  static std::map<std::string, std::string> aPlan(const std::string& code, const std::string& owner) {
    return {{"code", code},
            {"title", "城关镇防汛应急预案"},
            {"domain", "flood"},
            {"category", "grassroots"},
            {"owner", std::to_string(orgId(owner))},
            {"issued", "2024-03-01"},
            {"text", "第一章 总则\n第二章 组织体系\n"}};
  }
  static int plansCoded(const std::string& code) {
    return count("SELECT COUNT(*) FROM plans WHERE code = '" + code + "'");
  }
};

TEST_F(NewPlanPageTest, TheFormOffersTheOwnersTheUserMayWriteAndNoOneElse) {
  Reply admin = get(login("admin"), "/plans/new");
  ASSERT_EQ(admin.status, 200) << admin.body;
  EXPECT_TRUE(has(admin, "id=\"plan-new-form\""));
  EXPECT_TRUE(has(admin, option("xinmi.micun")));
  EXPECT_TRUE(has(admin, option("xinmi.chengguan.04")));

  Reply town = get(login("town"), "/plans/new");
  ASSERT_EQ(town.status, 200) << town.body;
  EXPECT_TRUE(has(town, option("xinmi.chengguan")));
  EXPECT_TRUE(has(town, option("xinmi.chengguan.04")));
  EXPECT_FALSE(has(town, option("xinmi.micun"))) << "another township is outside the staff's subtree";

  Reply village = get(login("village"), "/plans/new");
  ASSERT_EQ(village.status, 200);
  EXPECT_TRUE(has(village, option("xinmi.chengguan.04")));
  EXPECT_FALSE(has(village, option("xinmi.chengguan")));

  EXPECT_EQ(get(login("viewer"), "/plans/new").status, 403) << "a viewer writes nothing";
  EXPECT_TRUE(has(get(login("admin"), "/plans"), "id=\"new-plan\""));
  EXPECT_FALSE(has(get(login("viewer"), "/plans"), "id=\"new-plan\""));
}

TEST_F(NewPlanPageTest, ARefusalNamesTheFieldAndKeepsWhatWasTyped) {
  Login town = login("town");
  auto fields = aPlan("NP-KEEP-1", "xinmi.chengguan");
  fields["title"] = "";
  Reply no_title = postForm(town, "/plans/new", fields);
  ASSERT_EQ(no_title.status, 422) << no_title.body;
  EXPECT_TRUE(has(no_title, "id=\"error-title\"")) << no_title.body;
  EXPECT_TRUE(has(no_title, "“名称”为必填项。"));
  EXPECT_TRUE(has(no_title, "value=\"NP-KEEP-1\"")) << "the code typed comes back";
  EXPECT_TRUE(has(no_title, ">第一章 总则\n第二章 组织体系\n</textarea>")) << "and the text";
  EXPECT_TRUE(has(no_title, "value=\"2024-03-01\""));
  EXPECT_EQ(plansCoded("NP-KEEP-1"), 0);

  // A category the domain does not have: named by its labels, not its ids.
  fields = aPlan("NP-KEEP-2", "xinmi.chengguan");
  fields["category"] = "on_site";
  Reply category = postForm(town, "/plans/new", fields);
  ASSERT_EQ(category.status, 422) << category.body;
  EXPECT_TRUE(has(category, "id=\"error-category\""));
  EXPECT_TRUE(has(category, "“现场处置方案”不是该领域的预案类别")) << category.body;
  EXPECT_EQ(plansCoded("NP-KEEP-2"), 0);

  // A code already used, in English when asked.
  ASSERT_EQ(postForm(town, "/plans/new", aPlan("NP-KEEP-3", "xinmi.chengguan")).status, 303);
  Reply taken = postForm(town, "/plans/new?lang=en", aPlan("NP-KEEP-3", "xinmi.chengguan"));
  ASSERT_EQ(taken.status, 422) << taken.body;
  EXPECT_TRUE(has(taken, "id=\"error-code\""));
  EXPECT_TRUE(has(taken, "Code: &quot;NP-KEEP-3&quot; is already used by another plan.")) << taken.body;
  EXPECT_EQ(plansCoded("NP-KEEP-3"), 1);

  Reply bad_date = postForm(town, "/plans/new", [&] {
    auto f = aPlan("NP-KEEP-4", "xinmi.chengguan");
    f["issued"] = "2024-02-30";
    return f;
  }());
  ASSERT_EQ(bad_date.status, 422);
  EXPECT_TRUE(has(bad_date, "id=\"error-issued\""));
  EXPECT_TRUE(has(bad_date, "“印发日期”不是有效日期：2024-02-30。")) << bad_date.body;
}

TEST_F(NewPlanPageTest, AnOwnerOutsideTheScopeIsRefusedAndNothingIsWritten) {
  Reply other = postForm(login("town"), "/plans/new", aPlan("NP-SCOPE-1", "xinmi.micun"));
  EXPECT_EQ(other.status, 403) << other.body;
  Reply above = postForm(login("village"), "/plans/new", aPlan("NP-SCOPE-2", "xinmi.chengguan"));
  EXPECT_EQ(above.status, 403) << "a village does not write its township";
  EXPECT_EQ(postForm(login("viewer"), "/plans/new", aPlan("NP-SCOPE-3", "xinmi.chengguan")).status, 403);
  EXPECT_EQ(plansCoded("NP-SCOPE-1") + plansCoded("NP-SCOPE-2") + plansCoded("NP-SCOPE-3"), 0);
}

TEST_F(NewPlanPageTest, APlanIsStoredWithItsFirstVersionAuditedAndThePageSaysSo) {
  Login town = login("town");
  Reply created = postForm(town, "/plans/new", aPlan("NP-OK-1", "xinmi.chengguan.04"));
  ASSERT_EQ(created.status, 303) << created.body;
  const std::string location = created.headers["Location"];
  ASSERT_EQ(location.rfind("/plans/", 0), 0u) << location;
  EXPECT_NE(location.find("?done=created"), std::string::npos);
  const std::string id = location.substr(7, location.find('?') - 7);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plans WHERE code = 'NP-OK-1' AND owner_org_id = " +
                  std::to_string(orgId("xinmi.chengguan.04")) + " AND status = 'issued'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_versions WHERE plan_id = " + id), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'plan' AND action = 'create' AND username = "
                  "'town' AND entity_id = " + id),
            1);
  Reply page = get(town, location);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "id=\"plan-notice\"")) << page.body;
  EXPECT_TRUE(has(page, "预案已新建。"));

  // Without a text or an issue date: a plan being drafted, no version yet.
  auto draft = aPlan("NP-OK-2", "xinmi.chengguan");
  draft.erase("issued");
  draft.erase("text");
  ASSERT_EQ(postForm(town, "/plans/new", draft).status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plans WHERE code = 'NP-OK-2' AND current_version = 0"), 1);
}

}  // namespace
}  // namespace beacon::http::testing
