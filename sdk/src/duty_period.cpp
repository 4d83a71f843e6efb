#include "beacon/sdk/duty_period.h"

namespace beacon::sdk {

PeriodCalendar::~PeriodCalendar() = default;

std::string insideLabel(const DutyPeriod& period, bool english) {
  return english ? "inside the " + period.name_en : period.name_zh + "内";
}

}  // namespace beacon::sdk
