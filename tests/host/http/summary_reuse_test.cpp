// A summary rendered for a request is served again while the data is
// unchanged, and never after a write: over a real socket, the annual report
// text before and after a drill logged through the API, and the summaries
// page's preview of the printable HTML (its text form).
#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class SummaryReuseTest : public WebFixture {};

TEST_F(SummaryReuseTest, AWriteChangesTheNextSummary) {
  Login admin = login("admin");
  const std::string path = "/api/v1/summaries?kind=city-annual&year=2023&format=json";
  Reply first = get(admin, path);
  ASSERT_EQ(first.status, 200) << first.body;
  Reply again = get(admin, path);
  EXPECT_EQ(again.body, first.body);
  Reply logged =
      send(admin, "POST", "/api/v1/drills",
           R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan.04","date":"2023-06-10",)"
           R"("participants":40,"evacuees":10,"fields":{"hazard":"山洪"}})");
  ASSERT_EQ(logged.status, 201) << logged.body;
  Reply after = get(admin, path);
  ASSERT_EQ(after.status, 200);
  EXPECT_NE(after.body, first.body);
  // The English text is its own summary.
  Reply english = get(admin, path + "&lang=en");
  EXPECT_NE(english.body, after.body);
}

TEST_F(SummaryReuseTest, ThePagePreviewsTheHtmlSummaryAsText) {
  Login admin = login("admin");
  Reply text = get(admin, "/api/v1/summaries?kind=plan-status&as_of=2023-12-31&format=text");
  ASSERT_EQ(text.status, 200);
  Reply page = get(admin, "/summaries?kind=plan-status&as_of=2023-12-31&format=html");
  ASSERT_EQ(page.status, 200);
  const std::string first_line = text.body.substr(0, text.body.find('\n'));
  ASSERT_FALSE(first_line.empty());
  EXPECT_NE(page.body.find(first_line), std::string::npos);
  EXPECT_NE(
      page.body.find("/api/v1/summaries?kind=plan-status&amp;as_of=2023-12-31&amp;format=html"),
      std::string::npos);
}

}  // namespace
}  // namespace beacon::http::testing
