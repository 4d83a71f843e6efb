// filingTarget: the body a government or grassroots plan is filed with
// (备案), by the owner's level, for Xinmi (2024 办法 第二十六条): the city's
// 总体预案 to 郑州市人民政府 via 郑州市应急管理局; a city 专项预案 to the
// matching Zhengzhou lead department; department and township plans to
// 新密市人民政府 via 新密市应急管理局; village (community) plans to their
// township (sub-district). Stateless; thread-safe.
#pragma once

#include <string>

#include "beacon/sdk/records.h"

namespace beacon::rules {

// `parent` is the owner's parent organisation (needed for village plans), or null.
// Enterprise plans get the county emergency-management bureau (部令2号 第二十六条).
std::string filingTarget(const sdk::Plan& plan, const sdk::Organisation& owner,
                         const sdk::Organisation* parent);

}  // namespace beacon::rules
