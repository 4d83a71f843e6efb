// JSON numbers too large for the field they fill, over a real socket: each
// is a 422 naming the field, never a 500, and nothing is written. Found by
// fuzz/json_body_fuzzer (Poco's Var::convert<int> throws RangeException on
// 4294967296, convert<Int64> on 18446744073709551615); its inputs are kept
// in fuzz/corpus/json_body_fuzzer/.
#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class ApiJsonNumbersTest : public WebFixture {};

const char* const kDrill =
    R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2024-05-10","fields":{"hazard":"山洪"},)";

TEST_F(ApiJsonNumbersTest, HugeWholeNumbersAre422NamingTheField) {
  Login village = login("village");
  const int before = count("SELECT COUNT(*) FROM drills");
  struct Case {
    const char* json;
    const char* field;
  };
  for (const Case& c : {Case{R"("participants":18446744073709551615})", "participants"},
                        Case{R"("evacuees":9223372036854775808})", "evacuees"},
                        Case{R"("plan_id":18446744073709551615})", "plan_id"},
                        Case{R"("plan_version_id":9223372036854775808})", "plan_version_id"}}) {
    SCOPED_TRACE(c.json);
    Reply r = send(village, "POST", "/api/v1/drills", std::string(kDrill) + c.json);
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.errorField(), c.field);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM drills"), before);
}

TEST_F(ApiJsonNumbersTest, BooleanGivenAHugeNumberIs422) {
  Login admin = login("admin");
  const auto plan = count("SELECT MIN(id) FROM plans WHERE domain = 'flood'");
  const int versions = count("SELECT COUNT(*) FROM plan_versions");
  for (const char* major : {"4294967296", "18446744073709551615", "-2147483649"}) {
    SCOPED_TRACE(major);
    Reply r =
        send(admin, "POST", "/api/v1/plans/" + std::to_string(plan) + "/versions",
             std::string(R"({"trigger":"risk_changed_major","issued":"2024-03-01","major":)") + major + "}");
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.errorField(), "major");
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_versions"), versions);
}

}  // namespace
}  // namespace beacon::http::testing
