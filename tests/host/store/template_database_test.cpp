// The tests' TemplateDatabase (support/template_database.h) on the backend BEACON_TEST_DB_URI
// names: the template is built once, each copy starts with what it holds, and a write to one
// copy is not seen by another.
#include <gtest/gtest.h>

#include <memory>

#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include "store/database.h"
#include "support/scratch_tree.h"
#include "support/template_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {
namespace {

int builds = 0;

void buildTemplate(const std::string& uri) {
  ++builds;
  Database db(uri);
  db.migrate();
  db.session() << "INSERT INTO idempotency_keys(user_id, idem_key, request_digest, created_at)"
                  " VALUES(1, 'template', 'd', '2026-01-01T00:00:00Z')",
      now;
}

int keys(Database& db) {
  int n = -1;
  db.session() << "SELECT COUNT(*) FROM idempotency_keys", into(n), now;
  return n;
}

TEST(TemplateDatabaseTest, CopiesStartFromTheTemplateAndDoNotSeeEachOthersWrites) {
  testing::ScratchTree tree{"template-db"};
  testing::TemplateDatabase a("store_test", tree.dir("a.db"), buildTemplate);
  testing::TemplateDatabase b("store_test", tree.dir("b.db"), buildTemplate);
  EXPECT_LE(builds, 1) << "the template was built for each copy";
  EXPECT_NE(a.uri(), b.uri());
  Database first(a.uri());
  Database second(b.uri());
  EXPECT_EQ(first.migrate(), 0) << "a copy holds the template's schema";
  EXPECT_EQ(keys(first), 1);
  first.session() << "INSERT INTO idempotency_keys(user_id, idem_key, request_digest, created_at)"
                     " VALUES(1, 'mine', 'd', '2026-01-01T00:00:00Z')",
      now;
  EXPECT_EQ(keys(first), 2);
  EXPECT_EQ(keys(second), 1) << "one copy saw another's write";
}

}  // namespace
}  // namespace beacon::store
