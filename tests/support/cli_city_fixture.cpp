#include "support/cli_city_fixture.h"

#include <Poco/File.h>

namespace beacon::testing {

void CliCityFixture::SetUp() {
  Poco::File(dir_.path()).createDirectories();
  database_ = std::make_unique<TestDatabase>(dir_.path() + "/beacon.db");
  db_ = database_->uri();
  ASSERT_EQ(beacon({"init"}).code, 0);
  ASSERT_EQ(beacon({"org", "add", "--code", "xinmi", "--name", "新密市", "--kind", "city"}).code, 0);
  ASSERT_EQ(beacon({"org", "add", "--code", "quliang", "--name", "曲梁镇", "--kind", "township",
                    "--parent", "xinmi"})
                .code,
            0);
}

CliRun CliCityFixture::beacon(const std::vector<std::string>& args, const std::string& lang) const {
  std::vector<std::string> global = {"--db", db_, "--user", user_};
  if (!lang.empty()) global.insert(global.end(), {"--lang", lang});
  return runBeacon(global, args);
}

}  // namespace beacon::testing
