// A CSV import refuses control characters and over-long texts with the line
// and column named, the same rule as every other entry path, and writes
// nothing (issue 9, item 8).
#include "host/service/service_fixture.h"
#include "io/csv_importer.h"

using namespace Poco::Data::Keywords;

namespace beacon::testing {
namespace {

class CsvTextRulesTest : public ServiceFixture {
 protected:
  std::vector<std::string> importErrors(const std::string& name, const std::string& text,
                                        bool english = false) {
    io::ImportOptions o;
    o.kind = "drills";
    o.english = english;
    auto r = io::importFile(*db_, registry_, writeFile(name, text), o, actor_);
    EXPECT_TRUE(r.isOk()) << r.status().describe();
    return r.isOk() ? r.value().errors : std::vector<std::string>{};
  }
  int drills() {
    int n = 0;
    db_->session() << "SELECT COUNT(*) FROM drills", into(n), now;
    return n;
  }
  const std::string kHeader = "组织编码,领域,演练类型,演练日期,参演人数,灾害类型,地点,发现问题\r\n";
  const std::string kRow = "V1,flood,flood.evacuation,2023-07-01,20,山洪,";
};

TEST_F(CsvTextRulesTest, ControlCharacterNamesLineAndColumn) {
  const std::string before = closedFileHash();
  auto errors = importErrors("nul.csv", kHeader + kRow + "村委会,好\r\n" + kRow +
                                            std::string("村委会\0隐藏", 16) + ",好\r\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "第3行，“地点”列：不得包含控制字符（U+0000），只允许制表符和换行");
  errors = importErrors("bell.csv", kHeader + kRow + "村委会,\"a\x07\"\r\n", true);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0],
            "line 2, column 发现问题: must not contain control characters (U+0007); only tab and "
            "line breaks are allowed");
  EXPECT_EQ(closedFileHash(), before) << "nothing written";
}

TEST_F(CsvTextRulesTest, ThreeMegabytesOfFindingsAreRefused) {
  const std::string big(3 * 1024 * 1024, 'x');
  auto errors = importErrors("big.csv", kHeader + kRow + "村委会," + big + "\r\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "第2行，“发现问题”列：不得超过 20000 个字符");
  EXPECT_EQ(drills(), 0);
  errors = importErrors("multi.csv", kHeader + kRow + "村委会,\"第一行\r\n第二行\"\r\n");
  EXPECT_TRUE(errors.empty()) << errors.front();
  EXPECT_EQ(drills(), 1) << "a quoted multi-line finding with CRLF is text";
}

}  // namespace
}  // namespace beacon::testing
