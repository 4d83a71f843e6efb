// Concurrent writers over a real socket: several API clients writing drills,
// corrective actions, reviews and corrective-action updates at once while a
// second connection to the same file (as the CLI would be) writes drills in
// read-then-write transactions: every request succeeds and every
// acknowledged record is stored. A storage failure (the write lock held by
// another connection past the busy timeout) is a 503 storage_unavailable
// with Retry-After, on the API and on a page, never a 422.
#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <Poco/Data/Session.h>

#include "service/drill_service.h"
#include "store/busy_timeout.h"
#include "store/database.h"
#include "store/transaction.h"
#include "web_fixture.h"

using namespace Poco::Data::Keywords;

namespace beacon::http::testing {
namespace {

class ConcurrentWritesTest : public WebFixture {
 protected:
  static std::string dbUri() { return database_->uri(); }
};

TEST_F(ConcurrentWritesTest, MixedWritersAndASecondConnectionNeverFail) {
  const Login village = login("village");
  const Login admin = login("admin");
  const Reply drills = get(village, "/api/v1/drills?limit=1");
  ASSERT_EQ(drills.status, 200) << drills.body;
  const auto drill = drills.json()->getArray("items")->getObject(0)->getValue<Poco::Int64>("id");
  const Reply plans = get(admin, "/api/v1/plans?domain=flood&limit=1");
  const auto plan = plans.json()->getArray("items")->getObject(0)->getValue<Poco::Int64>("id");
  const std::string village_org = std::to_string(orgId("xinmi.chengguan.04"));
  const int drills_before = count("SELECT COUNT(*) FROM drills");
  const int actions_before = count("SELECT COUNT(*) FROM corrective_actions");
  const int reviews_before = count("SELECT COUNT(*) FROM reviews");

  constexpr int kClients = 4;
  constexpr int kPerClient = 25;
  constexpr int kCliDrills = 40;
  std::mutex mutex;
  std::vector<std::string> failures;
  std::set<Poco::Int64> drill_ids;
  std::set<Poco::Int64> action_ids;
  auto fail = [&](const std::string& what) {
    std::lock_guard<std::mutex> lock(mutex);
    failures.push_back(what);
  };
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      for (int i = 0; i < kPerClient; ++i) {
        Reply r;
        switch ((c + i) % 4) {
          case 0:
            r = send(
                village, "POST", "/api/v1/drills",
                R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-10",)"
                R"("participants":12,"fields":{"hazard":"山洪"}})");
            if (r.status == 201) {
              std::lock_guard<std::mutex> lock(mutex);
              drill_ids.insert(r.json()->getValue<Poco::Int64>("id"));
            }
            break;
          case 1:
          case 3: {
            r = send(village, "POST", "/api/v1/corrective-actions",
                     R"({"source_kind":"drill","source_id":)" + std::to_string(drill) +
                         R"(,"description":"补充转移路线指示牌","responsible_org_id":)" +
                         village_org + R"(,"due":"2024-06-30"})");
            if (r.status != 201) break;
            const auto id = r.json()->getValue<Poco::Int64>("id");
            {
              std::lock_guard<std::mutex> lock(mutex);
              action_ids.insert(id);
            }
            r = send(village, "PATCH", "/api/v1/corrective-actions/" + std::to_string(id),
                     R"({"status":"done"})");
            if (r.status == 200) r.status = 201;
            break;
          }
          default:
            r = send(
                admin, "POST", "/api/v1/plans/" + std::to_string(plan) + "/reviews",
                R"({"kind":"evaluation","date":"2024-04-01","conclusion":"keep","reviewers":"专家组"})");
        }
        if (r.status != 201) fail(std::to_string(r.status) + " " + r.body);
      }
    });
  }
  // The second connection: the drill service on its own Database, as `beacon drill add` does.
  std::atomic<int> cli_written{0};
  std::thread cli([&] {
    store::Database db(dbUri());
    service::DrillService service(db, app_->plugins());
    for (int i = 0; i < kCliDrills; ++i) {
      sdk::Drill d;
      d.domain = "flood";
      d.drill_type = "flood.evacuation";
      d.org_id = orgId("xinmi.chengguan.04");
      d.date = *sdk::Date::parse("2024-05-11");
      d.participants = 7;
      d.fields = {{"hazard", "flash_flood"}};
      try {
        auto id = service.log(d, store::Actor{"cli"});
        if (id.isOk()) {
          ++cli_written;
        } else {
          fail("cli: " + id.status().describe());
        }
      } catch (const std::exception& e) {
        fail(std::string("cli threw: ") + e.what());
      }
    }
  });
  for (auto& t : clients) t.join();
  cli.join();

  EXPECT_TRUE(failures.empty()) << failures.size() << " failed, first: " << failures.front();
  EXPECT_EQ(cli_written.load(), kCliDrills);
  EXPECT_EQ(count("SELECT COUNT(*) FROM drills"),
            drills_before + static_cast<int>(drill_ids.size()) + kCliDrills);
  EXPECT_EQ(count("SELECT COUNT(*) FROM corrective_actions"),
            actions_before + static_cast<int>(action_ids.size()));
  for (const auto id : action_ids) {
    EXPECT_EQ(count("SELECT COUNT(*) FROM corrective_actions WHERE status = 'done' AND id = " +
                    std::to_string(id)),
              1);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM reviews"),
            reviews_before + kClients * kPerClient -
                static_cast<int>(drill_ids.size() + action_ids.size()));
}

// The server's connections wait only 300 ms here, so a write lock held by
// another connection makes a write fail with a storage error.
class StorageFailureTest : public WebFixture {
 protected:
  static std::string dbUri() { return database_->uri(); }

 public:
  static void SetUpTestSuite() {
    WebFixture::SetUpTestSuite();
    store::setBusyTimeoutMs(300);  // the server's worker connections open on first use, after this
  }
  static void TearDownTestSuite() {
    store::setBusyTimeoutMs(store::kDefaultBusyTimeoutMs);
    WebFixture::TearDownTestSuite();
  }
};

TEST_F(StorageFailureTest, LockedDatabaseIs503WithRetryAfterNotAValidationError) {
  const Login village = login("village");
  const Reply drills = get(village, "/api/v1/drills?limit=1");
  ASSERT_EQ(drills.status, 200) << drills.body;
  const auto drill = drills.json()->getArray("items")->getObject(0)->getValue<Poco::Int64>("id");
  const std::string body = R"({"source_kind":"drill","source_id":)" + std::to_string(drill) +
                           R"(,"description":"补充转移路线指示牌","responsible_org_id":)" +
                           std::to_string(orgId("xinmi.chengguan.04")) + R"(,"due":"2024-06-30"})";
  const int before = count("SELECT COUNT(*) FROM corrective_actions");
  {
    store::Database holder(dbUri());
    store::Transaction lock(holder.session());  // BEGIN IMMEDIATE: holds the write lock
    const Reply api = send(village, "POST", "/api/v1/corrective-actions", body);
    EXPECT_EQ(api.status, 503) << api.body;
    EXPECT_EQ(api.errorCode(), "storage_unavailable");
    EXPECT_EQ(api.headers.count("Retry-After"), 1u);
    EXPECT_GT(std::stoi(api.headers.count("Retry-After") ? api.headers.at("Retry-After") : "0"), 0);

    const Reply page = request(
        "POST", "/drills/" + std::to_string(drill) + "/corrective-actions",
        "description=signs&due=2024-06-30&responsible_org_id=" +
            std::to_string(orgId("xinmi.chengguan.04")) + "&csrf_token=" + village.csrf,
        "application/x-www-form-urlencoded", {{"Cookie", "beacon_session=" + village.cookie}});
    EXPECT_EQ(page.status, 503) << page.body;
    EXPECT_NE(page.content_type.find("text/html"), std::string::npos);
    EXPECT_NE(page.body.find("数据库暂时繁忙"), std::string::npos) << page.body;
    EXPECT_EQ(page.headers.count("Retry-After"), 1u);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM corrective_actions"), before);
  EXPECT_EQ(send(village, "POST", "/api/v1/corrective-actions", body).status, 201)
      << "the lock is released";
}

}  // namespace
}  // namespace beacon::http::testing
