// The 提醒 page /notifications and GET /api/v1/notifications over a real socket on the demo city:
// a village sees only its own duties, a township its subtree; the header shows the count of new
// items until the page is opened, which records the look (and drops no kept page: the look is a
// personal write); the API records no look; the digest log is for the city administrator.
#include <set>
#include <string>

#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class NotificationPagesTest : public WebFixture {
 protected:
  static Poco::JSON::Object::Ptr feed(const Login& who, const std::string& query) {
    Reply r = get(who, "/api/v1/notifications" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json() : Poco::JSON::Object::Ptr(new Poco::JSON::Object);
  }
  static std::set<Poco::Int64> orgIds(const Poco::JSON::Object::Ptr& body) {
    std::set<Poco::Int64> out;
    auto items = body->getArray("items");
    for (std::size_t i = 0; items && i < items->size(); ++i)
      out.insert(items->getObject(i)->getValue<Poco::Int64>("org_id"));
    return out;
  }
  static Reply warm(const Login& who, const std::string& path) {
    Reply r;
    for (int i = 0; i < 10; ++i) {
      r = get(who, path);
      if (r.headers["X-Beacon-Cache"] == "hit") return r;
    }
    ADD_FAILURE() << "no cache hit for " << path;
    return r;
  }
};

TEST_F(NotificationPagesTest, AVillageSeesOnlyItsOwnDutiesATownshipItsSubtree) {
  const auto village = feed(login("village"), "?all=1&limit=500");
  ASSERT_GT(village->getValue<int>("total"), 0);
  EXPECT_EQ(orgIds(village), (std::set<Poco::Int64>{orgId("xinmi.chengguan.04")}));
  const auto town = feed(login("town"), "?all=1&limit=500");
  EXPECT_GT(town->getValue<int>("total"), village->getValue<int>("total"));
  EXPECT_GT(orgIds(town).size(), 1u);
  EXPECT_EQ(orgIds(town).count(orgId("xinmi.micun.05")), 0u);
  auto first = town->getArray("items")->getObject(0);
  EXPECT_FALSE(first->getValue<std::string>("kind").empty());
  EXPECT_FALSE(first->getValue<std::string>("href").empty());
}

TEST_F(NotificationPagesTest, TheHeaderCountClearsOnceThePageIsOpened) {
  const Login other = login("other");
  const auto before = feed(other, "");
  const int total = before->getValue<int>("total");
  ASSERT_GT(total, 0);
  EXPECT_EQ(before->getValue<std::string>("last_look"), "");
  // The API recorded no look: the header still counts every item.
  Reply plans = get(other, "/plans");
  ASSERT_EQ(plans.status, 200);
  EXPECT_TRUE(has(plans, "id=\"notification-count\"")) << plans.body.substr(0, 4000);
  EXPECT_TRUE(has(plans, ">" + std::to_string(total) + "</span>"));
  Reply page = get(other, "/notifications");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(has(page, "class=\"notification-link\""));
  EXPECT_TRUE(has(page, "id=\"notifications-total\">" + std::to_string(total) + "<"));
  EXPECT_FALSE(has(page, "id=\"notification-count\""));
  EXPECT_FALSE(has(get(other, "/plans"), "id=\"notification-count\""));
  const auto after = feed(other, "");
  EXPECT_EQ(after->getValue<int>("total"), 0);
  EXPECT_FALSE(after->getValue<std::string>("last_look").empty());
  Reply again = get(other, "/notifications");
  EXPECT_TRUE(has(again, "id=\"notifications-empty\""));
  EXPECT_TRUE(has(again, "id=\"notifications-since\""));
  // ?all=1 lists every current item again.
  EXPECT_TRUE(has(get(other, "/notifications?all=1"), "class=\"notification-link\""));
}

TEST_F(NotificationPagesTest, TheLookDropsNoKeptPage) {
  const Login village = login("village");
  warm(village, "/plans");
  ASSERT_EQ(get(village, "/notifications").status, 200);
  EXPECT_EQ(get(village, "/plans").headers["X-Beacon-Cache"], "hit");
}

TEST_F(NotificationPagesTest, TheDigestLogIsForTheCityAdministrator) {
  Reply admin = get(login("admin"), "/notifications/digests");
  EXPECT_EQ(admin.status, 200) << admin.body;
  EXPECT_TRUE(has(admin, "id=\"digest-list\""));
  EXPECT_EQ(get(login("town"), "/notifications/digests").status, 403);
  EXPECT_EQ(get(login("village"), "/notifications/digests").status, 403);
}

TEST_F(NotificationPagesTest, EnglishPageWords) {
  Reply en = get(login("viewer"), "/notifications?lang=en");
  ASSERT_EQ(en.status, 200);
  EXPECT_TRUE(has(en, "<h1>Notifications</h1>"));
}

}  // namespace
}  // namespace beacon::http::testing
