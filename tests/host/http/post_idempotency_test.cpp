// Double submissions are harmless on every entry point: each POST route of
// the API, by name, answers a repeat of a request with the same
// Idempotency-Key from its stored answer (Idempotent-Replayed: true, same
// status and body) and refuses the key for a different request (422 naming
// the header); and every POST form of every page template carries the
// one-time submit_token (the login form, before a session exists, carries
// its own login token instead).
#include <fstream>
#include <regex>
#include <sstream>

#include <Poco/DirectoryIterator.h>

#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class PostIdempotencyTest : public WebFixture {};

TEST_F(PostIdempotencyTest, EveryApiPostRouteReplaysARepeatedKeyAndRefusesItForAnotherRequest) {
  const std::string token = apiToken("admin");
  const std::string plan = std::to_string(count("SELECT MIN(id) FROM plans"));
  const std::string drill = std::to_string(count("SELECT MIN(id) FROM drills"));
  const std::string review = std::to_string(count("SELECT MIN(id) FROM reviews"));
  const std::string filing = std::to_string(count("SELECT MIN(id) FROM filings"));
  const std::string action =
      std::to_string(count("SELECT COALESCE(MIN(id), 1) FROM corrective_actions"));
  // Every router.add("POST", "/api/v1/...") in host/src/http.
  const std::vector<std::string> routes = {
      "/api/v1/corrective-actions",
      "/api/v1/corrective-actions/" + action + "/status",
      "/api/v1/corrective-actions/" + action + "/void",
      "/api/v1/drills",
      "/api/v1/drills/" + drill + "/void",
      "/api/v1/filings/" + filing + "/void",
      "/api/v1/plans",
      "/api/v1/plans/" + plan + "/filings",
      "/api/v1/plans/" + plan + "/reviews",
      "/api/v1/plans/" + plan + "/versions",
      "/api/v1/reviews/" + review + "/void",
      "/api/v1/session",
      "/api/v1/summaries/archive",
  };
  int n = 0;
  for (const auto& path : routes) {
    const std::string key = "walk-" + std::to_string(++n);
    auto post = [&](const std::string& body) {
      return request("POST", path, body, "application/json",
                     {{"Authorization", "Bearer " + token}, {"Idempotency-Key", key}});
    };
    // An empty object: refused by most routes (422), which is an answer like any other.
    Reply first = post("{}");
    ASSERT_LT(first.status, 500) << path << ": " << first.body;
    Reply repeat = post("{}");
    EXPECT_EQ(repeat.status, first.status) << path;
    EXPECT_EQ(repeat.body, first.body) << path;
    EXPECT_EQ(repeat.headers["Idempotent-Replayed"], "true")
        << path << " did not replay the stored answer";
    Reply other = post(R"({"reason":"另一项请求"})");
    EXPECT_EQ(other.status, 422) << path << ": " << other.body;
    if (other.status == 422) {
      EXPECT_EQ(other.errorField(), "Idempotency-Key") << path;
    }
  }
}

TEST(PageFormTokensTest, EveryPostFormOfEveryPageTemplateCarriesASubmissionToken) {
  const std::string dir = std::string(beacon_build_source_dir()) + "/templates/web";
  const std::regex form_open(R"(<form\b[^>]*method="post"[^>]*>)", std::regex::icase);
  int forms = 0;
  for (Poco::DirectoryIterator it(dir), end; it != end; ++it) {
    if (!it->isFile() || it.name().find(".mustache") == std::string::npos) continue;
    std::ifstream in(it->path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string body = text.str();
    for (std::sregex_iterator m(body.begin(), body.end(), form_open), last; m != last; ++m) {
      const std::size_t from = static_cast<std::size_t>(m->position());
      const std::size_t to = body.find("</form>", from);
      ASSERT_NE(to, std::string::npos) << it.name() << ": a form without </form>";
      const std::string form = body.substr(from, to - from);
      ++forms;
      if (it.name() == "login.html.mustache") continue;  // no session yet: login_form_token.h
      // A new calendar-feed link is shown once: a replayed answer would keep the secret in the
      // submission store, so that form is deliberately not idempotent (it only replaces the link).
      if (it.name() != "calendar_feed.html.mustache") {
        EXPECT_NE(form.find("name=\"submit_token\""), std::string::npos)
            << it.name() << ": " << m->str() << " has no submit_token";
      }
      EXPECT_NE(form.find("name=\"csrf_token\""), std::string::npos)
          << it.name() << ": " << m->str();
    }
  }
  EXPECT_GE(forms, 12) << "the templates were not found in " << dir;
}

}  // namespace
}  // namespace beacon::http::testing
