// The page layout kept per its inputs (http/kept_layouts.h): a kept layout never shows one user
// another's name, CSRF token or count of new notifications, even where both are served the same
// kept page content (two staff of one village); a rename and a changed count show on the next
// page; and the store itself: one render per input set, every input in the key, a bound, and no
// layout kept when the content's place is not there exactly once.
#include <set>
#include <string>

#include "auth/account_service.h"
#include "auth/password_hasher.h"
#include "host/http/web_fixture.h"
#include "http/kept_layouts.h"

namespace beacon::http::testing {
namespace {

LayoutInputs someInputs() {
  LayoutInputs in;
  in.english = false;
  in.title = "演练";
  in.path = "/drills";
  in.lang_href = "/drills?lang=en";
  in.csrf_token = "token-1";
  in.user =
      LayoutInputs::SignedIn{"village", "任堂村", "村工作人员", "任堂村 (村/社区工作人员)", 3};
  return in;
}

// A stand-in for the layout template: every input and the content.
std::string fakeLayout(const LayoutInputs& in, const std::string& content, int& renders) {
  ++renders;
  return "<head>" + std::string(in.english ? "en" : "zh") + in.title + in.path + in.lang_href +
         (in.search_q ? "q=" + *in.search_q : "") + in.csrf_token +
         (in.user ? in.user->username + in.user->display_name + in.user->role + in.user->badge +
                        std::to_string(in.user->notification_count)
                  : "") +
         "<main>" + content + "</main>";
}

TEST(KeptLayoutsStoreTest, OneRenderPerInputSetAndEveryInputInTheKey) {
  KeptLayouts layouts;
  int renders = 0;
  const LayoutInputs base = someInputs();
  auto render = [&](const LayoutInputs& in) {
    return layouts.layoutFor(in, [&](const std::string& c) { return fakeLayout(in, c, renders); });
  };
  const auto first = render(base);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->after, "</main>");
  EXPECT_EQ(first->before + "X" + first->after, fakeLayout(base, "X", renders));
  renders = 1;
  EXPECT_EQ(render(base), first);
  EXPECT_EQ(renders, 1) << "the same inputs render once";

  std::vector<LayoutInputs> changed(12, base);
  changed[0].english = true;
  changed[1].title = "预案";
  changed[2].path = "/plans";
  changed[3].lang_href = "/drills?domain=fire&lang=en";
  changed[4].search_q = "";
  changed[5].search_q = "防汛";
  changed[6].csrf_token = "token-2";
  changed[7].user->username = "village2";
  changed[8].user->display_name = "任堂村委会";
  changed[9].user->badge = "任堂村委会 (村/社区工作人员)";
  changed[10].user->notification_count = 0;
  changed[11].user.reset();
  std::set<std::string> keys{base.key()};
  for (std::size_t i = 0; i < changed.size(); ++i) {
    EXPECT_TRUE(keys.insert(changed[i].key()).second) << "input " << i << " is not in the key";
    const int before = renders;
    const auto layout = render(changed[i]);
    ASSERT_TRUE(layout);
    EXPECT_EQ(renders, before + 1) << "input " << i;
    EXPECT_EQ(layout->before + "X" + layout->after, fakeLayout(changed[i], "X", renders)) << i;
  }
  LayoutInputs role = base;
  role.user->role = "乡镇工作人员";
  EXPECT_NE(role.key(), base.key());
  // Lengths are part of the key: moving a character between two inputs is another key.
  LayoutInputs shifted = base;
  shifted.title = "演练/";
  shifted.path = "drills";
  EXPECT_NE(shifted.key(), base.key());
}

TEST(KeptLayoutsStoreTest, TheLeastRecentlyUsedGoFirstAtTheBound) {
  KeptLayouts layouts(2);
  int renders = 0;
  auto render = [&](const std::string& token) {
    LayoutInputs in = someInputs();
    in.csrf_token = token;
    return layouts.layoutFor(in, [&](const std::string& c) { return fakeLayout(in, c, renders); });
  };
  render("a");
  render("b");
  render("a");  // b is now the least recently used
  render("c");
  EXPECT_EQ(layouts.stats().entries, 2u);
  EXPECT_EQ(renders, 3);
  render("a");
  EXPECT_EQ(renders, 3) << "a was kept";
  render("b");
  EXPECT_EQ(renders, 4) << "b was evicted";
}

TEST(KeptLayoutsStoreTest, NoLayoutIsKeptWithoutExactlyOnePlaceForTheContent) {
  KeptLayouts layouts;
  const LayoutInputs in = someInputs();
  EXPECT_FALSE(
      layouts.layoutFor(in, [](const std::string&) { return std::string("<p>no body</p>"); }));
  EXPECT_FALSE(layouts.layoutFor(in, [](const std::string& c) { return c + "<hr>" + c; }));
  // An escaped {{body}} is not the content's place either.
  EXPECT_FALSE(layouts.layoutFor(in, [](const std::string& c) {
    std::string escaped;
    for (char ch : c)
      escaped += ch == '<'   ? std::string("&lt;")
                 : ch == '>' ? std::string("&gt;")
                             : std::string(1, ch);
    return escaped;
  }));
  EXPECT_EQ(layouts.stats().entries, 0u);
}

class KeptLayoutsTest : public WebFixture {
 protected:
  // Two staff of one village (the same read and write scope: one kept page serves both).
  static void SetUpTestSuite() {
    WebFixture::SetUpTestSuite();
    auth::PasswordHasher hasher(1000);
    auth::AccountService accounts(app_->db(), hasher);
    for (const auto& [name, display] :
         {std::pair<std::string, std::string>{"twin_a", "任堂村甲"}, {"twin_b", "任堂村乙"}}) {
      auto created = accounts.create(
          {name, display, "village_staff", "xinmi.chengguan.04", kPassword}, store::Actor{"test"});
      ASSERT_TRUE(created.isOk()) << created.status().describe();
    }
  }
  static Reply warm(const Login& who, const std::string& path) {
    Reply r;
    for (int i = 0; i < 10; ++i) {
      r = get(who, path);
      EXPECT_EQ(r.status, 200) << path << ": " << r.body.substr(0, 500);
      if (r.headers["X-Beacon-Cache"] == "hit") return r;
    }
    ADD_FAILURE() << "no cache hit for " << path;
    return r;
  }
  static bool counted(const Reply& r) { return has(r, "id=\"notification-count\""); }
  static KeptLayouts::Stats stats() { return pageLayouts().stats(); }
};

TEST_F(KeptLayoutsTest, TwoUsersOfOnePageEachSeeTheirOwnNameTokenAndCount) {
  const Login a = login("twin_a");
  const Login b = login("twin_b");
  ASSERT_EQ(get(a, "/notifications").status, 200);  // a has looked: no count in a's header
  for (const std::string path : {"/drills/new", "/drills", "/plans"}) {
    warm(a, path);
    const auto before = stats();
    Reply mine = get(a, path);
    EXPECT_EQ(stats().hits, before.hits + 1) << path << ": the layout is kept";
    Reply theirs = get(b, path);
    Reply theirs_again = get(b, path);
    Reply mine_again = get(a, path);
    EXPECT_EQ(theirs.headers["X-Beacon-Cache"], "hit") << path << ": one kept page serves both";
    for (const Reply* r : {&mine, &mine_again}) {
      EXPECT_TRUE(has(*r, "data-user=\"twin_a\"")) << path;
      EXPECT_TRUE(has(*r, "任堂村甲 (村/社区工作人员)")) << path;
      EXPECT_TRUE(has(*r, "value=\"" + a.csrf + "\"")) << path;
      EXPECT_FALSE(has(*r, "twin_b") || has(*r, "任堂村乙") || has(*r, b.csrf)) << path;
      EXPECT_FALSE(counted(*r)) << path << ": a's count is 0";
    }
    for (const Reply* r : {&theirs, &theirs_again}) {
      EXPECT_TRUE(has(*r, "data-user=\"twin_b\"")) << path;
      EXPECT_TRUE(has(*r, "任堂村乙 (村/社区工作人员)")) << path;
      EXPECT_TRUE(has(*r, "value=\"" + b.csrf + "\"")) << path;
      EXPECT_FALSE(has(*r, "twin_a") || has(*r, "任堂村甲") || has(*r, a.csrf)) << path;
      EXPECT_TRUE(counted(*r)) << path << ": b never looked";
    }
  }
  // Another session of the same user: the same name, its own token.
  const Login a2 = login("twin_a");
  Reply second = get(a2, "/plans");
  EXPECT_TRUE(has(second, "value=\"" + a2.csrf + "\""));
  EXPECT_FALSE(has(second, a.csrf));
}

TEST_F(KeptLayoutsTest, ARenameAndACountChangeShowOnTheNextPage) {
  const Login b = login("twin_b");
  Reply before = warm(b, "/drills/new");
  get(b, "/drills/new");
  ASSERT_TRUE(has(before, "任堂村乙 (村/社区工作人员)"));
  ASSERT_TRUE(counted(before));
  // Renamed behind the server's back (as by another process): the next page has the new name.
  app_->db().session()
      << "UPDATE users SET display_name = '任堂村委会乙' WHERE username = 'twin_b'",
      Poco::Data::Keywords::now;
  Reply renamed = get(b, "/drills/new");
  EXPECT_TRUE(has(renamed, "任堂村委会乙 (村/社区工作人员)")) << renamed.body.substr(0, 6000);
  EXPECT_FALSE(has(renamed, ">任堂村乙 (村/社区工作人员)<"));
  EXPECT_TRUE(counted(renamed));
  warm(b, "/drills/new");
  // The look clears the count: the next kept page's header has none.
  ASSERT_EQ(get(b, "/notifications").status, 200);
  Reply looked = get(b, "/drills/new");
  EXPECT_EQ(looked.headers["X-Beacon-Cache"], "hit");
  EXPECT_FALSE(counted(looked)) << looked.body.substr(0, 6000);
  EXPECT_TRUE(has(looked, "任堂村委会乙 (村/社区工作人员)"));
  app_->db().session() << "UPDATE users SET display_name = '任堂村乙' WHERE username = 'twin_b'",
      Poco::Data::Keywords::now;
  EXPECT_TRUE(has(get(b, "/drills/new"), ">任堂村乙 (村/社区工作人员)<"));
}

}  // namespace
}  // namespace beacon::http::testing
