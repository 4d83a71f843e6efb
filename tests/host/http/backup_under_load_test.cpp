// `beacon backup` while the server writes: four API clients post drills without pause while the
// backup is taken; restored into an empty place, the backup holds every drill acknowledged (201)
// before the backup began, no drill that was never acknowledged, the attachment content its rows
// name, and an audit chain that verifies. A second restore onto the now non-empty target is
// refused unless told to replace it. SQLite only (PostgreSQL is backed up with pg_dump).
#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <Poco/File.h>

#include "app/backup_archive.h"
#include "http/attachment_store.h"
#include "store/audit_chain.h"
#include "store/database.h"
#include "web_fixture.h"

using namespace Poco::Data::Keywords;

namespace beacon::http::testing {
namespace {

class BackupUnderLoadTest : public WebFixture {};

TEST_F(BackupUnderLoadTest, RestoredBackupHoldsEveryAcknowledgedDrill) {
  if (database_->postgres()) GTEST_SKIP() << "PostgreSQL is backed up with pg_dump";
  const Login village = login("village");
  // One attachment, so the backup must carry its content.
  const Reply drills = get(village, "/api/v1/drills?limit=1");
  ASSERT_EQ(drills.status, 200) << drills.body;
  const auto drill = drills.json()->getArray("items")->getObject(0)->getValue<Poco::Int64>("id");
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + "backup-under-load evidence";
  auto attached = AttachmentStore(app_->db().session(), dir_ + "/attachments")
                      .add("drill", drill, "photo", "现场.png", png, "file", store::Actor{"test"});
  ASSERT_TRUE(attached.isOk()) << attached.status().describe();

  std::mutex mutex;
  std::set<Poco::Int64> acknowledged_before;  // acknowledged before the backup began
  std::set<Poco::Int64> acknowledged;
  std::atomic<bool> backing_up{false};
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back([&] {
      while (!stop) {
        const bool began_before = !backing_up;
        const Reply r = send(village, "POST", "/api/v1/drills",
                             R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-10",)"
                             R"("participants":12,"fields":{"hazard":"山洪"}})");
        if (r.status != 201) {
          ++failures;
          continue;
        }
        const auto id = r.json()->getValue<Poco::Int64>("id");
        std::lock_guard<std::mutex> lock(mutex);
        acknowledged.insert(id);
        // Sent and answered before the backup began: it must be in it.
        if (began_before && !backing_up) acknowledged_before.insert(id);
      }
    });
  }
  while (true) {
    std::lock_guard<std::mutex> lock(mutex);
    if (acknowledged.size() >= 20) break;
  }
  const std::string out = dir_ + "/backup.zip";
  backing_up = true;
  auto written = app::writeBackup(database_->uri(), dir_ + "/attachments", out, false);
  std::size_t during = 0;
  {
    std::lock_guard<std::mutex> lock(mutex);
    during = acknowledged.size();
  }
  // Keep writing a little after the copy, so the live database moves on past it.
  while (true) {
    std::lock_guard<std::mutex> lock(mutex);
    if (acknowledged.size() >= during + 10) break;
  }
  stop = true;
  for (auto& t : clients) t.join();
  ASSERT_TRUE(written.isOk()) << written.status().describe();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GE(written.value().attachments, 1u);

  const std::string target = dir_ + "/restored/beacon.db";
  const std::string files = dir_ + "/restored/attachments";
  auto restored = app::restoreBackup(out, target, files, false, false);
  ASSERT_TRUE(restored.isOk()) << restored.status().describe();
  EXPECT_EQ(restored.value().audit_head_hash, written.value().audit_head_hash);

  store::Database copy(target);
  std::vector<Poco::Int64> ids;
  copy.session() << "SELECT id FROM drills", into(ids), now;
  const std::set<Poco::Int64> in_copy(ids.begin(), ids.end());
  for (const auto id : acknowledged_before) EXPECT_TRUE(in_copy.count(id)) << "drill " << id << " was lost";
  // Every drill of the copy is one the live database holds (none invented or half-written).
  std::vector<Poco::Int64> live_ids;
  app_->db().session() << "SELECT id FROM drills", into(live_ids), now;
  const std::set<Poco::Int64> live(live_ids.begin(), live_ids.end());
  for (const auto id : in_copy) EXPECT_TRUE(live.count(id)) << id;
  EXPECT_LT(in_copy.size(), live.size()) << "the writes after the copy are not in it";
  const auto chain = store::verifyAuditChain(copy.session());
  EXPECT_TRUE(chain.ok()) << chain.describe(true);
  EXPECT_EQ(chain.head_id, written.value().audit_head_id);
  const std::string sha = attached.value().sha256;
  EXPECT_TRUE(Poco::File(files + "/" + sha.substr(0, 2) + "/" + sha).exists());

  // The target now holds records: refused without --replace, nothing changed; replaced with it.
  auto again = app::restoreBackup(out, target, files, false, true);
  ASSERT_FALSE(again.isOk());
  EXPECT_NE(again.status().message().find("--replace"), std::string::npos) << again.status().message();
  EXPECT_TRUE(app::restoreBackup(out, target, files, true, true).isOk());
}

}  // namespace
}  // namespace beacon::http::testing
