// Content-Security-Policy (issue 9, item 8): every page allows scripts from
// this site only (no 'unsafe-inline'), and no page holds an inline script or
// an event-handler attribute that such a policy would block; the page script
// is served at /static/app.js; the summary documents from /api/v1/summaries
// (HTML with inline SVG and CSS) carry a policy with no script source at all.
#include <regex>

#include <Poco/String.h>
#include <gtest/gtest.h>

#include "web_fixture.h"

namespace beacon::http::testing {
namespace {

class ContentPolicyTest : public WebFixture {
 protected:
  // The value of `directive` in a policy ("" when absent).
  static std::string directive(const std::string& policy, const std::string& name) {
    std::size_t start = 0;
    while (start <= policy.size()) {
      const auto end = std::min(policy.find(';', start), policy.size());
      const std::string item = Poco::trim(policy.substr(start, end - start));
      if (item == name || item.rfind(name + " ", 0) == 0) return item;
      start = end + 1;
    }
    return "";
  }
};

TEST_F(ContentPolicyTest, PagesAllowOnlyThisSitesScriptsAndHoldNoInlineScript) {
  Login admin = login("admin");
  const std::string drill = get(admin, "/api/v1/drills?limit=1")
                                .json()
                                ->getArray("items")
                                ->getObject(0)
                                ->getValue<std::string>("id");
  const std::string plan = get(admin, "/api/v1/plans?limit=1")
                               .json()
                               ->getArray("items")
                               ->getObject(0)
                               ->getValue<std::string>("id");
  const std::regex handler_attribute(R"(<[^>]*\son[a-z]+\s*=)", std::regex::icase);
  const std::regex inline_script(R"(<script(?![^>]*\ssrc=)[^>]*>)", std::regex::icase);
  for (const std::string& path :
       std::vector<std::string>{"/", "/plans", "/plans/" + plan, "/drills", "/drills/" + drill,
                                "/drills/new?domain=flood", "/organisations",
                                "/summaries?kind=plan-status&as_of=2023-12-31", "/nope"}) {
    Reply page = get(admin, path);
    ASSERT_NE(page.status, 0) << path;
    const std::string policy = page.headers["Content-Security-Policy"];
    EXPECT_EQ(directive(policy, "script-src"), "script-src 'self'") << path << ": " << policy;
    EXPECT_EQ(directive(policy, "default-src"), "default-src 'none'") << path;
    EXPECT_EQ(directive(policy, "object-src"), "") << path;  // default-src 'none' covers it
    EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << path;
    EXPECT_FALSE(std::regex_search(page.body, handler_attribute)) << path;
    EXPECT_FALSE(std::regex_search(page.body, inline_script)) << path;
    EXPECT_NE(page.body.find("<script src=\"/static/app.js\""), std::string::npos) << path;
  }
  Reply login_page = request("GET", "/login");
  EXPECT_EQ(directive(login_page.headers["Content-Security-Policy"], "script-src"),
            "script-src 'self'");
}

TEST_F(ContentPolicyTest, PageScriptIsServedAndSubmitsTheDomainChoice) {
  Reply script = request("GET", "/static/app.js");
  ASSERT_EQ(script.status, 200);
  EXPECT_EQ(script.content_type, "text/javascript; charset=utf-8");
  EXPECT_NE(script.body.find("data-autosubmit"), std::string::npos);
  EXPECT_NE(script.body.find("form.submit()"), std::string::npos);
  Reply form = get(login("village"), "/drills/new");
  EXPECT_NE(form.body.find("id=\"domain-select\" name=\"domain\" data-autosubmit"),
            std::string::npos);
}

TEST_F(ContentPolicyTest, SummaryDocumentsRunNoScript) {
  Login admin = login("admin");
  for (const std::string query : {"kind=plan-status&as_of=2023-12-31&format=html",
                                  "kind=city-annual&year=2023&format=html&download=1",
                                  "kind=plan-status&as_of=2023-12-31&format=markdown"}) {
    Reply r = get(admin, "/api/v1/summaries?" + query);
    ASSERT_EQ(r.status, 200) << query << r.body;
    const std::string policy = r.headers["Content-Security-Policy"];
    EXPECT_EQ(directive(policy, "default-src"), "default-src 'none'") << query << ": " << policy;
    EXPECT_EQ(directive(policy, "script-src"), "") << query;
    EXPECT_EQ(directive(policy, "style-src"), "style-src 'unsafe-inline'") << query;
    EXPECT_EQ(directive(policy, "sandbox"), "sandbox") << query;
  }
}

}  // namespace
}  // namespace beacon::http::testing
