// Keyset pager of a list page: the previous/next links (prev_href, next_href) and the shown range
// ("10001–10050") of a page whose rows are found by a key (store::DrillKey) rather than by
// OFFSET. The next link asks for the rows after the page's last row (after=KEY), the previous
// link for those before its first row (before=KEY), or for the first page when that is where
// the previous page starts; `offset` rides along only to number the rows. Stateless; thread-safe.
#pragma once

#include <string>

#include <kainjow/mustache.hpp>

#include "http/request_context.h"

namespace beacon::http {

// `offset`: the number of rows before this page; `shown`: the rows on it; `first_key` and
// `last_key`: the keys of its first and last row (unused when `shown` is 0).
void setKeysetPager(RequestContext& ctx, kainjow::mustache::data& d, int offset, int limit, int shown, int total,
                    const std::string& first_key, const std::string& last_key);

}  // namespace beacon::http
