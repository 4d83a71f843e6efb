// `beacon check` writes the engine's kept results as it renders them (issue #13 target 3: the
// cold check copied all 413,650 results of the 50.8k-plan city, then held the whole text or a
// Poco::JSON::Array of them, 1.2 GB): the streamed renderings are the same text as
// formatCheckText and a JSON array of one object per result, in the set's order.
#include "rules/check_report.h"

#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

namespace beacon::rules {
namespace {

ObligationSet cityOf(int orgs, int per_org) {
  std::vector<ObligationChunk> chunks;
  for (int org = 1; org <= orgs; ++org) {
    std::vector<ObligationResult> rows;
    for (int i = 0; i < per_org; ++i) {
      ObligationResult r;
      r.obligation.rule_id = "core.rule" + std::to_string(i % 3);
      r.obligation.domain = i % 2 ? "fire" : "flood";
      r.obligation.title_zh = "演练\"第" + std::to_string(i) + "项\"";
      r.obligation.title_en = "Drill \\ " + std::to_string(i);
      r.obligation.citation = "《生产安全事故应急预案管理办法》第三十三条";
      r.obligation.org_id = org;
      r.obligation.plan_id = i % 4 == 0 ? 0 : 100 + i;
      r.obligation.due = sdk::Date{2023, 1 + i % 12, 1};
      r.status = static_cast<sdk::ObligationStatus>(i % kObligationStatusCount);
      if (r.status == sdk::ObligationStatus::MetLate) r.days_late = 3;
      rows.push_back(std::move(r));
    }
    chunks.push_back(std::make_shared<const ResultChunk>(std::move(rows)));
  }
  return ObligationSet(std::move(chunks));
}

TEST(CheckReportStreamTest, StreamedTextIsTheFormattedText) {
  const ObligationSet set = cityOf(4, 25);
  CheckQuery q;
  q.as_of = sdk::Date{2023, 12, 31};
  const std::map<sdk::RecordId, std::string> orgs{{1, "城关镇"}, {2, "新华路街道"}};
  const std::map<sdk::RecordId, std::string> plans{{101, "防汛预案"}};
  for (bool english : {false, true}) {
    std::ostringstream out;
    writeCheckText(out, set, q, orgs, plans, english);
    EXPECT_EQ(out.str(), formatCheckText(set.toVector(), q, orgs, plans, english));
  }
}

TEST(CheckReportStreamTest, StreamedJsonIsOneArrayOfEveryResultInOrder) {
  const ObligationSet set = cityOf(3, 20);
  const std::map<sdk::RecordId, std::string> orgs{{1, "城关镇"}};
  const std::map<sdk::RecordId, std::string> plans{{101, "防汛\"预案\""}}, codes{{101, "P-101"}};
  std::ostringstream out;
  writeCheckJson(out, set, orgs, plans, false, codes);
  EXPECT_EQ(out.str(), formatCheckJson(set.toVector(), CheckQuery{}, orgs, plans, false, codes));
  Poco::JSON::Parser parser;
  const auto array = parser.parse(out.str()).extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(array->size(), set.size());
  std::size_t i = 0;
  for (const auto& r : set) {
    const auto item = array->getObject(static_cast<unsigned>(i++));
    EXPECT_EQ(item->getValue<std::string>("rule_id"), r.ruleId());
    EXPECT_EQ(item->getValue<std::string>("title"), r.titleZh());
    EXPECT_EQ(item->getValue<Poco::Int64>("org_id"), r.orgId());
    EXPECT_EQ(item->getValue<std::string>("status"), std::string(sdk::toId(r.status())));
  }
  std::ostringstream empty;
  writeCheckJson(empty, ObligationSet(), orgs, plans, false, codes);
  EXPECT_EQ(empty.str(), "[]");
}

}  // namespace
}  // namespace beacon::rules
