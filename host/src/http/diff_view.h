// The mustache data of a TextDiff for the pages (the plan page's 版本对比 and
// the 修订预案 confirmation, both through templates/web/diff.html): hunks
// under their section heading, each line with its sign and its pieces,
// changed characters marked <del> on removed lines and <ins> on added ones.
// A pure function; safe from any thread.
#pragma once

#include <string>

#include <kainjow/mustache.hpp>

#include "service/text_diff.h"

namespace beacon::http {

// `id` is the element id of the diff; `english` picks the fixed wording.
kainjow::mustache::data diffView(const service::TextDiff& diff, const std::string& id,
                                 bool english);

}  // namespace beacon::http
