// The demo data set's mark (store::isDemoData): only an audit entry under kDemoAuditEntity makes a
// database a demo one (issue 15: the summaries and the web server read it from the store, not
// from the demo layer).
#include "store/demo_marker.h"

#include <gtest/gtest.h>

#include "store/audit_log.h"
#include "support/test_database.h"

namespace beacon::store {
namespace {

TEST(DemoMarkerTest, OnlyTheDemoAuditEntityMarksADatabase) {
  testing::TestDatabase test_db;
  auto db = test_db.open();
  db->migrate();
  EXPECT_FALSE(isDemoData(*db));
  AuditLog(db->session()).append(Actor{"test", ""}, "import", "drill", 0, "", "{}");
  EXPECT_FALSE(isDemoData(*db));
  AuditLog(db->session()).append(Actor{"test", ""}, "import", kDemoAuditEntity, 0, "", "{}");
  EXPECT_TRUE(isDemoData(*db));
}

}  // namespace
}  // namespace beacon::store
