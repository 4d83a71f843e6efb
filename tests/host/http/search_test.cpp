// Search (search_page.cpp, api_search.cpp, store/search_queries.h) over a real socket: plans and
// organisations by name or code, drills by place or scenario, only what the user may read (a
// township never sees another township's records, a village only its own), every match counted
// and paged (no silent cap), % and _ taken literally, ASCII case ignored; the page box in the
// header, results linking to the records.
#include <Poco/URI.h>

#include "host/http/web_fixture.h"
#include "store/organisation_contacts.h"

namespace beacon::http::testing {
namespace {

class SearchTest : public WebFixture {
 protected:
  static std::string encoded(const std::string& text) {
    std::string out;
    Poco::URI::encode(text, "%&+=#?/ ", out);
    return out;
  }
  static Poco::JSON::Object::Ptr search(const Login& who, const std::string& q,
                                        const std::string& extra = "") {
    Reply r = get(who, "/api/v1/search?q=" + encoded(q) + extra);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json() : Poco::JSON::Object::Ptr(new Poco::JSON::Object);
  }
  static int total(const Poco::JSON::Object::Ptr& result, const std::string& kind) {
    auto section = result->getObject(kind);
    return section ? section->getValue<int>("total") : -1;
  }
  static std::vector<std::string> values(const Poco::JSON::Object::Ptr& result,
                                         const std::string& kind, const std::string& key) {
    std::vector<std::string> out;
    auto items = result->getObject(kind)->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i)
      out.push_back(items->getObject(i)->getValue<std::string>(key));
    return out;
  }
  static void addPlan(const Login& who, const std::string& code, const std::string& title,
                      const std::string& owner) {
    Reply r = send(who, "POST", "/api/v1/plans",
                   R"({"code":")" + code + R"(","title":")" + title +
                       R"(","domain":"flood","category":"grassroots","owner":")" + owner + R"("})");
    ASSERT_EQ(r.status, 201) << r.body;
  }
};

TEST_F(SearchTest, FindsPlansAndOrganisationsByNameOrCodeAndDrillsByPlace) {
  Login admin = login("admin");
  addPlan(admin, "SQ-CODE-1", "搜索测试甲预案", "xinmi.chengguan");
  auto by_title = search(admin, "搜索测试甲");
  EXPECT_EQ(total(by_title, "plan"), 1);
  EXPECT_EQ(values(by_title, "plan", "code"), std::vector<std::string>{"SQ-CODE-1"});
  EXPECT_EQ(total(search(admin, "sq-code"), "plan"), 1) << "by code, ASCII case ignored";

  auto towns = search(admin, "城关镇", "&kind=organisation");
  EXPECT_FALSE(towns->has("plan")) << "kind= keeps to one kind";
  EXPECT_EQ(
      total(towns, "organisation"),
      count(
          "SELECT COUNT(*) FROM organisations WHERE name LIKE '%城关镇%' OR code LIKE '%城关镇%'"));
  EXPECT_GE(total(towns, "organisation"), 1);
  EXPECT_EQ(total(search(admin, "xinmi.chengguan.04", "&kind=organisation"), "organisation"), 1);

  Login village = login("village");
  Reply drill = send(
      village, "POST", "/api/v1/drills",
      R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-10",)"
      R"("fields":{"hazard":"山洪"},"place":"搜索测试河滩","scenario":"山洪转移","participants":12})");
  ASSERT_EQ(drill.status, 201) << drill.body;
  const std::string drill_id = std::to_string(drill.json()->getValue<int>("id"));
  auto drills = search(admin, "搜索测试河滩", "&kind=drill");
  ASSERT_EQ(total(drills, "drill"), 1);
  EXPECT_EQ(values(drills, "drill", "href"), std::vector<std::string>{"/drills/" + drill_id});

  Reply voided =
      send(admin, "POST", "/api/v1/drills/" + drill_id + "/void", R"({"reason":"录入重复"})");
  ASSERT_EQ(voided.status, 200) << voided.body;
  EXPECT_EQ(total(search(admin, "搜索测试河滩", "&kind=drill"), "drill"), 0)
      << "a voided drill is not found";
}

TEST_F(SearchTest, NeverShowsRecordsOutsideTheUsersScope) {
  Login admin = login("admin");
  addPlan(admin, "SQ-SCOPE-CG", "范围测试预案城关", "xinmi.chengguan");
  addPlan(admin, "SQ-SCOPE-MC", "范围测试预案米村", "xinmi.micun");
  addPlan(admin, "SQ-SCOPE-V4", "范围测试预案四村", "xinmi.chengguan.04");

  EXPECT_EQ(total(search(admin, "范围测试预案"), "plan"), 3);
  auto town = search(login("town"), "范围测试预案");
  EXPECT_EQ(values(town, "plan", "code"), (std::vector<std::string>{"SQ-SCOPE-CG", "SQ-SCOPE-V4"}));
  EXPECT_EQ(total(town, "plan"), 2);
  auto village = search(login("village"), "范围测试预案");
  EXPECT_EQ(values(village, "plan", "code"), std::vector<std::string>{"SQ-SCOPE-V4"});

  const int micun_orgs = count("SELECT COUNT(*) FROM organisations WHERE code LIKE 'xinmi.micun%'");
  ASSERT_GE(micun_orgs, 2);
  EXPECT_EQ(total(search(admin, "xinmi.micun", "&kind=organisation"), "organisation"), micun_orgs);
  EXPECT_EQ(total(search(login("town"), "xinmi.micun", "&kind=organisation"), "organisation"), 0);
  EXPECT_EQ(total(search(login("other"), "xinmi.chengguan", "&kind=organisation"), "organisation"),
            0);
  EXPECT_EQ(total(search(login("other"), "xinmi", "&kind=organisation"), "organisation"), 1)
      << "a village finds its own organisation only";

  Reply page = get(login("town"), "/search?q=" + encoded("范围测试预案"));
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(has(page, "SQ-SCOPE-CG"));
  EXPECT_FALSE(has(page, "SQ-SCOPE-MC")) << "米村镇's plan is not the township's to see";
  EXPECT_EQ(request("GET", "/api/v1/search?q=x").status, 401);
}

TEST_F(SearchTest, PercentAndUnderscoreAreLiteralAndEveryMatchIsCountedAndPaged) {
  Login admin = login("admin");
  addPlan(admin, "SQ-LIT-1", "ZQX100%达标", "xinmi.chengguan");
  addPlan(admin, "SQ-LIT-2", "ZQX100达标", "xinmi.chengguan");
  addPlan(admin, "SQ-LIT-3", "ZQX_A", "xinmi.chengguan");
  addPlan(admin, "SQ-LIT-4", "ZQXBA", "xinmi.chengguan");
  addPlan(admin, "SQ-LIT-5", "ZQX!B", "xinmi.chengguan");
  EXPECT_EQ(values(search(admin, "ZQX100%"), "plan", "code"), std::vector<std::string>{"SQ-LIT-1"});
  EXPECT_EQ(values(search(admin, "ZQX_"), "plan", "code"), std::vector<std::string>{"SQ-LIT-3"});
  EXPECT_EQ(values(search(admin, "ZQX!"), "plan", "code"), std::vector<std::string>{"SQ-LIT-5"});
  EXPECT_EQ(total(search(admin, "zqx"), "plan"), 5);

  auto first = search(admin, "zqx", "&kind=plan&limit=2");
  EXPECT_EQ(total(first, "plan"), 5) << "the total of every match, not of the page";
  EXPECT_EQ(values(first, "plan", "code"), (std::vector<std::string>{"SQ-LIT-1", "SQ-LIT-2"}));
  auto last = search(admin, "zqx", "&kind=plan&limit=2&offset=4");
  EXPECT_EQ(values(last, "plan", "code"), std::vector<std::string>{"SQ-LIT-5"});
  auto past = search(admin, "zqx", "&kind=plan&limit=2&offset=10");
  EXPECT_EQ(total(past, "plan"), 5) << "a page past the end still says how many there are";
  EXPECT_TRUE(values(past, "plan", "code").empty());

  const int all_plans = count("SELECT COUNT(*) FROM plans");
  ASSERT_GT(all_plans, 10);
  Reply page = get(admin, "/search?q=" + encoded("预案"));
  ASSERT_EQ(page.status, 200);
  const int matching =
      count("SELECT COUNT(*) FROM plans WHERE title LIKE '%预案%' OR code LIKE '%预案%'");
  EXPECT_TRUE(has(page, "id=\"search-plan-total\">" + std::to_string(matching) + "<")) << page.body;
  EXPECT_TRUE(has(page, "id=\"search-plan-more\"")) << "more than a section shows: a link to all";
  Reply all = get(admin, "/search?q=" + encoded("预案") + "&kind=plan");
  EXPECT_TRUE(has(all, "id=\"search-plan-total\">" + std::to_string(matching) + "<"));
  EXPECT_TRUE(has(all, "offset=50")) << "the next page";
}

TEST_F(SearchTest, TheHeaderBoxSearchesAndABadRequestNamesTheParameter) {
  Login town = login("town");
  Reply plans = get(town, "/plans");
  EXPECT_TRUE(has(plans, "id=\"search-form\"")) << "every page's header has the box";
  EXPECT_TRUE(has(plans, "action=\"/search\""));
  Reply page = get(town, "/search?q=" + encoded("城关"));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "id=\"search-q\" name=\"q\" type=\"search\" value=\"城关\""))
      << "the box keeps the text";
  EXPECT_TRUE(has(page, "搜索结果："));
  EXPECT_TRUE(has(get(town, "/search"), "id=\"search-page-form\"")) << "no text: the form alone";
  Reply empty = get(town, "/api/v1/search?q=");
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(empty.errorField(), "q");
  Reply kind = get(town, "/api/v1/search?q=a&kind=user");
  EXPECT_EQ(kind.status, 400);
  EXPECT_EQ(kind.errorField(), "kind");
  Reply too_long = get(town, "/api/v1/search?q=" + std::string(101, 'a'));
  EXPECT_EQ(too_long.status, 400);
  EXPECT_EQ(too_long.errorField(), "q");
}

TEST_F(SearchTest, AnOrganisationHitCarriesItsContactEmail) {
  store::setOrganisationContactEmail(app_->db().session(), orgId("xinmi.chengguan.05"),
                                     "wucun@xinmi.example.cn", store::Actor{"test"});
  Login town = login("town");
  auto with = search(town, "xinmi.chengguan.05", "&kind=organisation");
  ASSERT_EQ(total(with, "organisation"), 1);
  EXPECT_EQ(values(with, "organisation", "contact_email"),
            std::vector<std::string>{"wucun@xinmi.example.cn"});
  auto without = search(town, "xinmi.chengguan.06", "&kind=organisation");
  ASSERT_EQ(total(without, "organisation"), 1);
  EXPECT_EQ(values(without, "organisation", "contact_email"), std::vector<std::string>{""})
      << "present and empty when the organisation has none";

  Reply page = get(town, "/search?q=xinmi.chengguan.0&kind=organisation");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(has(page, "<th>联系邮箱</th>"));
  EXPECT_TRUE(has(page,
                  "<a class=\"search-contact\" href=\"mailto:wucun@xinmi.example.cn\">"
                  "wucun@xinmi.example.cn</a>"))
      << page.body;
  EXPECT_EQ(page.body.find("mailto:</a>"), std::string::npos) << "no link without an address";
  EXPECT_EQ(page.body.find("href=\"mailto:\""), std::string::npos) << "no link without an address";
}

}  // namespace
}  // namespace beacon::http::testing
