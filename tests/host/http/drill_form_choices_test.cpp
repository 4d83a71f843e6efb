// The drill form (/drills/new) offers exactly what its POST accepts: the organisations the user
// may log drills for, one of them chosen, and the plans a drill of the chosen one may name (its
// own or one above it, of the form's domain or general, with a version), for each role; an
// offered plan is accepted and one not offered is refused.
#include <regex>
#include <set>
#include <string>

#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class DrillFormChoicesTest : public WebFixture {
 protected:
  // <select id="`id`"> of the page, to its end.
  static std::string select(const Reply& r, const std::string& id) {
    const auto at = r.body.find("<select id=\"" + id + "\"");
    return at == std::string::npos ? "" : r.body.substr(at, r.body.find("</select>", at) - at);
  }
  // Its option values.
  static std::vector<std::string> options(const Reply& r, const std::string& id) {
    std::vector<std::string> out;
    const std::string s = select(r, id);
    const std::regex value("<option value=\"([0-9]+)\"");
    for (std::sregex_iterator it(s.begin(), s.end(), value), end; it != end; ++it)
      out.push_back((*it)[1]);
    return out;
  }
  // The organisation chosen in the form.
  static std::string chosen(const Reply& r) {
    const std::string s = select(r, "org_id");
    std::smatch m;
    return std::regex_search(s, m, std::regex("<option value=\"([0-9]+)\" selected>"))
               ? std::string(m[1])
               : "";
  }
  // What logDrill and DrillValidator accept: the plans of `org` or one above it, of `domain` or
  // general, with a version; read from the database, nearest owner first (the form's order).
  static std::vector<std::string> acceptedPlans(sdk::RecordId org, const std::string& domain) {
    std::vector<std::string> out;
    std::vector<Poco::Int64> ids;
    app_->db().session()
        << "WITH RECURSIVE up(id, parent_id, level) AS (SELECT id, parent_id, 0 FROM organisations"
           " WHERE id = $1 UNION ALL SELECT o.id, o.parent_id, up.level + 1 FROM organisations o"
           " JOIN up ON o.id = up.parent_id)"
           " SELECT p.id FROM plans p JOIN up ON p.owner_org_id = up.id"
           " WHERE p.domain IN ($2, 'general') AND p.current_version > 0 ORDER BY up.level, p.id",
        Poco::Data::Keywords::bind(static_cast<Poco::Int64>(org)),
        Poco::Data::Keywords::bind(domain), Poco::Data::Keywords::into(ids),
        Poco::Data::Keywords::now;
    for (auto id : ids) out.push_back(std::to_string(id));
    return out;
  }
  static Reply post(const Login& who, sdk::RecordId org, const std::string& plan) {
    std::string body;
    const std::string type = multipartBody({{"csrf_token", who.csrf},
                                            {"domain", "flood"},
                                            {"drill_type", "flood.evacuation"},
                                            {"org_id", std::to_string(org)},
                                            {"plan_id", plan},
                                            {"date", "2023-05-10"},
                                            {"fields.hazard", "flash_flood"}},
                                           "", "", "", "", body);
    return request("POST", "/drills/new", body, type, {{"Cookie", "beacon_session=" + who.cookie}});
  }
};

TEST_F(DrillFormChoicesTest, EachRoleIsOfferedThePlansItsChosenOrganisationMayName) {
  const sdk::RecordId village = orgId("xinmi.chengguan.04");
  const sdk::RecordId township = orgId("xinmi.chengguan");
  const auto village_plans = acceptedPlans(village, "flood");
  const auto township_plans = acceptedPlans(township, "flood");
  ASSERT_GT(village_plans.size(), township_plans.size())
      << "the village has a flood plan of its own";
  ASSERT_FALSE(township_plans.empty());

  Reply mine = get(login("village"), "/drills/new?domain=flood");
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(options(mine, "org_id"), std::vector<std::string>{std::to_string(village)});
  EXPECT_EQ(options(mine, "plan_id"), village_plans)
      << "the village's, the township's and the city's";
  EXPECT_FALSE(has(mine, "data-reload")) << "one organisation: nothing to reload";

  const Login town = login("town");
  Reply theirs = get(town, "/drills/new?domain=flood");
  EXPECT_EQ(chosen(theirs), std::to_string(township));
  EXPECT_GT(options(theirs, "org_id").size(), 10u);
  EXPECT_EQ(options(theirs, "plan_id"), township_plans);
  EXPECT_TRUE(has(theirs, "id=\"org_id\" name=\"org_id\" required data-reload=\"domain-select\""));
  // The form reloaded for one of the township's villages (the organisation carried in the query).
  Reply for_village = get(town, "/drills/new?domain=flood&org_id=" + std::to_string(village));
  EXPECT_EQ(chosen(for_village), std::to_string(village));
  EXPECT_EQ(options(for_village, "plan_id"), village_plans);

  Reply city = get(login("admin"), "/drills/new?domain=flood&org_id=" + std::to_string(village));
  EXPECT_EQ(chosen(city), std::to_string(village));
  EXPECT_EQ(options(city, "plan_id"), village_plans);
  Reply first = get(login("admin"), "/drills/new?domain=flood");
  ASSERT_FALSE(options(first, "org_id").empty());
  EXPECT_EQ(chosen(first), options(first, "org_id").front());
  EXPECT_EQ(options(first, "plan_id"),
            acceptedPlans(std::stoll(options(first, "org_id").front()), "flood"));
}

TEST_F(DrillFormChoicesTest, AnOfferedPlanIsAcceptedAndOneNotOfferedIsRefused) {
  const Login village = login("village");
  const sdk::RecordId org = orgId("xinmi.chengguan.04");
  const auto offered = options(get(village, "/drills/new?domain=flood"), "plan_id");
  ASSERT_GE(offered.size(), 2u);
  for (const auto& plan : {offered.front(), offered.back()}) {
    Reply r = post(village, org, plan);
    EXPECT_EQ(r.status, 303) << "plan " << plan << ": " << r.body.substr(0, 2000);
  }
  const auto elsewhere = acceptedPlans(orgId("xinmi.micun.05"), "flood");
  const std::set<std::string> mine(offered.begin(), offered.end());
  std::string other;
  for (const auto& p : elsewhere) {
    if (!mine.count(p)) other = p;
  }
  ASSERT_FALSE(other.empty());
  EXPECT_EQ(post(village, org, other).status, 422) << "another township's village's plan";
}

}  // namespace
}  // namespace beacon::http::testing
