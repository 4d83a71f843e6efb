// WebConfig over a properties file whose ${...} references loop: a failed
// Status naming the key, not Poco's CircularReferenceException escaping
// load() (which `beacon serve` printed as "Circular reference", no key).
// Found by fuzz/properties_fuzzer; the inputs are in fuzz/corpus/properties_fuzzer/.
#include <sstream>

#include <gtest/gtest.h>

#include <Poco/AutoPtr.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include "http/web_config.h"

namespace beacon::http {
namespace {

sdk::Result<WebConfig> loadText(const std::string& text) {
  std::istringstream in(text);
  Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> config(new Poco::Util::PropertyFileConfiguration(in));
  return WebConfig::load(*config);
}

TEST(WebConfigReferencesTest, CircularReferenceFailsNamingTheKey) {
  struct Case {
    const char* text;
    const char* key;
  };
  for (const Case& c : {Case{"web.listen=${web.listen}\n", "web.listen"},
                        Case{"web.threads=${web.queue}\nweb.queue=${web.threads}\n", "web.threads"},
                        Case{"web.secure_cookies=${web.secure_cookies}\n", "web.secure_cookies"},
                        Case{"web.attachments_dir=${web.attachments_dir}/x\n", "web.attachments_dir"},
                        // The two keys read outside readString until the 2026-12 CI fuzz run found them.
                        Case{"web.trusted_proxies=${web.trusted_proxies}\n", "web.trusted_proxies"},
                        Case{"records.correction_days=${records.correction_days}\n",
                             "records.correction_days"}}) {
    SCOPED_TRACE(c.text);
    sdk::Result<WebConfig> r = sdk::Status::error("not loaded");
    ASSERT_NO_THROW(r = loadText(c.text));
    ASSERT_FALSE(r.isOk());
    EXPECT_EQ(r.status().field(), c.key);
  }
}

TEST(WebConfigReferencesTest, ReferencesThatResolveStillWork) {
  auto r = loadText(
      "beacon.home=/srv/beacon\nweb.attachments_dir=${beacon.home}/attachments\n"
      "web.port_base=80\nweb.listen=0.0.0.0:${web.port_base}80\n");
  ASSERT_TRUE(r.isOk()) << r.status().describe();
  EXPECT_EQ(r.value().attachments_dir, "/srv/beacon/attachments");
  EXPECT_EQ(r.value().port, 8080);
}

}  // namespace
}  // namespace beacon::http
