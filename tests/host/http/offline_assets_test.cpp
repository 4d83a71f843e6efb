// What the offline drill form needs from the server (issue #14 §4): the
// service worker at the site's root with a JavaScript type, no HTTP caching
// and the whole site as its scope; the web app manifest with its type, in the
// request's language, opening at the drill form; the queue's page script; the
// pages' policy allowing them; and the drill form marked for the queue with
// its file limit (10 MB, or web.max_upload_bytes when lower). Over the suite's
// real server.
#include <Poco/JSON/Parser.h>

#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class OfflineAssetsTest : public WebFixture {};

TEST_F(OfflineAssetsTest, ServiceWorkerIsServedAtTheRootForTheWholeSite) {
  Reply sw = request("GET", "/sw.js");
  ASSERT_EQ(sw.status, 200);
  EXPECT_EQ(sw.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(sw.headers["Service-Worker-Allowed"], "/");
  EXPECT_EQ(sw.headers["Cache-Control"], "no-cache");
  EXPECT_NE(sw.body.find("addEventListener('fetch'"), std::string::npos);
  Reply script = request("GET", "/static/offline.js");
  ASSERT_EQ(script.status, 200);
  EXPECT_EQ(script.content_type, "text/javascript; charset=utf-8");
  EXPECT_NE(script.body.find("serviceWorker.register('/sw.js'"), std::string::npos);
}

TEST_F(OfflineAssetsTest, ManifestOpensTheDrillFormInTheRequestsLanguage) {
  Reply zh = request("GET", "/manifest.webmanifest");
  ASSERT_EQ(zh.status, 200);
  EXPECT_EQ(zh.content_type, "application/manifest+json; charset=utf-8");
  Poco::JSON::Object::Ptr m = zh.json();
  ASSERT_TRUE(m);
  EXPECT_EQ(m->getValue<std::string>("start_url"), "/drills/new");
  EXPECT_EQ(m->getValue<std::string>("scope"), "/");
  EXPECT_EQ(m->getValue<std::string>("short_name"), "登记演练");
  EXPECT_EQ(m->getValue<std::string>("lang"), "zh-CN");
  Poco::JSON::Object::Ptr en = request("GET", "/manifest.webmanifest?lang=en").json();
  ASSERT_TRUE(en);
  EXPECT_EQ(en->getValue<std::string>("short_name"), "Log a drill");
}

TEST_F(OfflineAssetsTest, DrillFormIsQueuedOfflineWithItsFileLimitAndThePagesAllowIt) {
  Reply form = get(login("village"), "/drills/new?domain=flood");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("data-offline-queue data-offline-limit=\"10485760\""), std::string::npos);
  EXPECT_NE(form.body.find("id=\"offline-queue\" hidden"), std::string::npos);
  EXPECT_NE(form.body.find("<link rel=\"manifest\" href=\"/manifest.webmanifest\">"), std::string::npos);
  EXPECT_NE(form.body.find("<script src=\"/static/offline.js\" defer></script>"), std::string::npos);
  const std::string policy = form.headers["Content-Security-Policy"];
  for (const char* part : {"connect-src 'self'", "worker-src 'self'", "manifest-src 'self'"}) {
    EXPECT_NE(policy.find(part), std::string::npos) << part << " missing from " << policy;
  }
}

}  // namespace
}  // namespace beacon::http::testing
