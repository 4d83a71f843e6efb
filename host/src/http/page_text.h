// The web pages' fixed wording in zh-CN (default) and English, as mustache
// data under the key "t" ({{t.plans}}). Stateless; thread-safe.
#pragma once

#include <kainjow/mustache.hpp>

namespace beacon::http {

kainjow::mustache::data pageText(bool english);

}  // namespace beacon::http
