// The two sentences of section (六) of the city's 2023 report
// (shared/reference/000_b2efb63941be1d3a.txt), copied byte for byte (the
// copy we hold has ASCII punctuation), and the same sentences in official
// punctuation (GB/T 15834: full-width ，；（）), which is how Beacon writes
// them: the annual summary of the xinmi-2023 demo data must contain both
// verbatim. Constants; thread-safe.
#pragma once

#include <string>

namespace beacon::testing {

inline const std::string kReportPlanSentence =
    "全市共编制应急预案11部,其中市级5部、部门6部;修订应急预案403部,其中部门43部、乡镇4部、村(社区)356部;"
    "对20部应急预案开展评估,其中市级1部、部门19部。";
inline const std::string kReportDrillSentence =
    "组织开展防汛综合演练1场次,防汛、人员疏散演练1015场次,消防演练217场次,森林防火演练6场次,"
    "重点生产经营单位演练1124场次。";

// `text` with its ASCII , ; ( ) : as the full-width marks of Chinese text.
inline std::string officialPunctuation(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case ',': out += "，"; break;
      case ';': out += "；"; break;
      case '(': out += "（"; break;
      case ')': out += "）"; break;
      case ':': out += "："; break;
      default: out += c;
    }
  }
  return out;
}

inline const std::string kSeedPlanSentence = officialPunctuation(kReportPlanSentence);
inline const std::string kSeedDrillSentence = officialPunctuation(kReportDrillSentence);

}  // namespace beacon::testing
