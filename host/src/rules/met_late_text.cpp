#include "rules/met_late_text.h"

namespace beacon::rules {

std::string daysLateText(long days, bool english) {
  if (english) return std::to_string(days) + (days == 1 ? " day late" : " days late");
  return "逾期" + std::to_string(days) + "天";
}

}  // namespace beacon::rules
