// How every output words a duty met after its due date (逾期完成): the days
// late, "逾期12天" / "12 days late". Stateless; thread-safe.
#pragma once

#include <string>

namespace beacon::rules {

std::string daysLateText(long days, bool english);

}  // namespace beacon::rules
