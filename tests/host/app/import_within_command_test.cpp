// `beacon import KIND FILE --within ORG_CODE`: the CLI imports as the city
// administrator (every organisation) unless --within holds the file to one
// organisation's subtree, as a township user's upload is held: a row of
// another organisation is refused naming line, column and organisation, and
// nothing is written (issue 11 §4, io::ImportScopeCheck).
#include <fstream>

#include <gtest/gtest.h>

#include "support/cli_city_fixture.h"

namespace beacon::app {
namespace {

using testing::CliRun;

class ImportWithinCommandTest : public testing::CliCityFixture {
 protected:
  void SetUp() override {
    CliCityFixture::SetUp();
    if (HasFatalFailure()) return;
    for (const std::vector<std::string>& org :
         {std::vector<std::string>{"quliang.v1", "五虎庙村", "village", "quliang"},
          {"chaohua", "超化镇", "township", "xinmi"},
          {"chaohua.v1", "超化村", "village", "chaohua"}}) {
      ASSERT_EQ(beacon({"org", "add", "--code", org[0], "--name", org[1], "--kind", org[2],
                        "--parent", org[3]})
                    .code,
                0);
    }
  }
  std::string write(const std::string& name, const std::string& content) const {
    const std::string path = dir_.path() + "/" + name;
    std::ofstream(path) << content;
    return path;
  }
  static std::string drills(const std::string& second_org) {
    return "组织编码,领域,演练类型,演练日期,地点,参演人数,灾害类型\n"
           "quliang.v1,flood,flood.evacuation,2024-05-10,村委会,30,山洪\n" +
           second_org + ",flood,flood.evacuation,2024-05-11,村委会,30,山洪\n";
  }
};

TEST_F(ImportWithinCommandTest, WithinATownshipARowOfAnotherIsRefusedAndNothingWritten) {
  const std::string file = write("drills.csv", drills("chaohua.v1"));
  CliRun refused = beacon({"import", "drills", file, "--within", "quliang"});
  EXPECT_EQ(refused.code, 1);
  EXPECT_NE(refused.err.find("第3行，“组织编码”列：组织“chaohua.v1”（超化村）不在本账号的导入范围内"),
            std::string::npos)
      << refused.err;
  EXPECT_NE(refused.err.find("未导入任何记录"), std::string::npos);
  CliRun english = beacon({"import", "drills", file, "--within", "quliang"}, "en");
  EXPECT_NE(english.err.find("line 3"), std::string::npos) << english.err;
  EXPECT_NE(english.err.find("organisation \"chaohua.v1\" (超化村) is outside your import scope"),
            std::string::npos)
      << english.err;
  CliRun listed = beacon({"drill", "list", "--org", "xinmi"});
  EXPECT_EQ(listed.out.find("2024-05-10"), std::string::npos) << "all or nothing: " << listed.out;

  CliRun within = beacon({"import", "drills", write("ok.csv", drills("quliang")), "--within",
                          "quliang"});
  EXPECT_EQ(within.code, 0) << within.err;
}

TEST_F(ImportWithinCommandTest, WithoutWithinTheCliImportsAsTheCityAdministrator) {
  CliRun all = beacon({"import", "drills", write("drills.csv", drills("chaohua.v1"))});
  EXPECT_EQ(all.code, 0) << all.err;
  EXPECT_NE(all.out.find("已导入 2 行"), std::string::npos) << all.out;
  CliRun unknown = beacon({"import", "drills", write("x.csv", drills("quliang")), "--within", "nosuch"});
  EXPECT_EQ(unknown.code, 1);
  EXPECT_NE(unknown.err.find("--within"), std::string::npos) << unknown.err;
  const CliRun help = beacon({"import", "--help"});
  EXPECT_NE((help.out + help.err).find("--within"), std::string::npos);
}

}  // namespace
}  // namespace beacon::app
