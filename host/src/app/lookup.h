// Lookups the commands share: an organisation or plan by its code, with the
// error naming the option that carried it. Not thread-safe (uses the
// context's Database).
#pragma once

#include <string>

#include "app/app_context.h"
#include "beacon/sdk/records.h"

namespace beacon::app {

// The refusal is zh-CN, or English when `english`.
sdk::Result<sdk::Organisation> organisationByCode(AppContext& app, const std::string& code,
                                                  const std::string& option, bool english);
// The refusal is zh-CN, or English when `english`.
sdk::Result<sdk::Plan> planByCode(AppContext& app, const std::string& code, const std::string& option,
                                  bool english);
// Splits "a=1,b=2" into values; fails naming `option` for an item without "=".
sdk::Result<sdk::FieldValues> keyValues(const std::string& text, const std::string& option,
                                        bool english);

}  // namespace beacon::app
