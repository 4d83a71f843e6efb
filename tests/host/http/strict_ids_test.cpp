// Record ids and numbers in paths, queries and JSON bodies are read
// strictly: only ASCII digits in range. An id past 2^63-1, one that an int
// would truncate (2^32+1 read as 1), one followed by a NUL byte (%00) or
// with a sign, blanks or thousands separators is refused (404 for a path,
// 400 for a query parameter, 422 for a JSON field), never a 500 and never
// another record.
#include <string>
#include <vector>

#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class StrictIdsTest : public WebFixture {
 protected:
  Reply asAdmin(const std::string& path) {
    static const std::string token = apiToken("admin");
    return request("GET", path, "", "", {{"Authorization", "Bearer " + token}});
  }
};

TEST_F(StrictIdsTest, MalformedPathIdsAreNotFound) {
  const int drill = count("SELECT MIN(id) FROM drills");
  const int plan = count("SELECT MIN(plan_id) FROM plan_versions WHERE number = 1");
  const std::string d = std::to_string(drill);
  ASSERT_EQ(asAdmin("/api/v1/drills/" + d).status, 200);
  ASSERT_EQ(asAdmin("/api/v1/plans/" + std::to_string(plan) + "/versions/1").status, 200);
  for (const std::string& path : std::vector<std::string>{
           "/api/v1/drills/9223372036854775808",    // 2^63
           "/api/v1/drills/18446744073709551617",   // 2^64 + 1
           "/api/v1/drills/" + d + "%00.json",      // NUL ends the C string
           "/api/v1/drills/" + d + "%00",
           "/api/v1/drills/+" + d,
           "/api/v1/drills/%20" + d,
           "/api/v1/drills/0" + d + ",0",
           "/api/v1/drills/-" + d,
           "/api/v1/plans/" + std::to_string(plan) + "/versions/4294967297",  // 2^32 + 1
           "/api/v1/plans/" + std::to_string(plan) + "/versions/9223372036854775807",
           "/api/v1/plans/" + std::to_string(plan) + "%00/versions/1",
           "/attachments/9223372036854775808",
           "/drills/" + d + "%00",
           "/plans/" + std::to_string(plan) + "%00x"}) {
    Reply r = asAdmin(path);
    EXPECT_EQ(r.status, 404) << path << ": " << r.body.substr(0, 200);
  }
}

TEST_F(StrictIdsTest, MalformedQueryNumbersAreBadRequests) {
  for (const std::string& query : std::vector<std::string>{
           "plan=9223372036854775808", "plan=4294967297", "plan=1%00", "plan=+1", "plan=1,0",
           "limit=%2010", "offset=1%00x"}) {
    Reply r = asAdmin("/api/v1/drills?" + query);
    EXPECT_EQ(r.status, 400) << query << ": " << r.body.substr(0, 200);
  }
  EXPECT_EQ(asAdmin("/api/v1/corrective-actions?drill=9223372036854775808").status, 400);
  EXPECT_EQ(asAdmin("/api/v1/summaries?kind=city-annual&year=2023%00").status, 400);
  EXPECT_EQ(asAdmin("/api/v1/organisations/9223372036854775808").status, 404);
}

TEST_F(StrictIdsTest, HugeJsonIdsAreValidationErrors) {
  Login admin = login("admin");
  for (const std::string field : {"plan_id", "plan_version_id"}) {
    Reply r = send(admin, "POST", "/api/v1/drills",
                   R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-01",)"
                   R"("participants":20,"fields":{"hazard":"river"},")" +
                       std::string(field) + R"(":9223372036854775808})");
    EXPECT_EQ(r.status, 422) << field << ": " << r.body;
    if (r.status == 422) {
      EXPECT_EQ(r.errorField(), field);
    }
  }
  Reply r = send(admin, "POST", "/api/v1/drills",
                 R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-01",)"
                 R"("participants":18446744073709551615,"fields":{"hazard":"river"}})");
  EXPECT_EQ(r.status, 422) << r.body;
}

}  // namespace
}  // namespace beacon::http::testing
