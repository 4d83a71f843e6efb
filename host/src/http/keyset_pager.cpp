#include "http/keyset_pager.h"

#include <Poco/URI.h>

namespace beacon::http {

void setKeysetPager(RequestContext& ctx, kainjow::mustache::data& d, int offset, int limit, int shown, int total,
                    const std::string& first_key, const std::string& last_key) {
  const auto params = Poco::URI(ctx.request.getURI()).getQueryParameters();
  auto hrefFor = [&](const std::string& key_name, const std::string& key, int new_offset) {
    Poco::URI u(ctx.path());
    for (const auto& [k, v] : params) {
      if (k != "offset" && k != "after" && k != "before") u.addQueryParameter(k, v);
    }
    if (!key_name.empty()) u.addQueryParameter(key_name, key);
    if (new_offset > 0) u.addQueryParameter("offset", std::to_string(new_offset));
    return u.toString();
  };
  if (offset > 0) {
    d.set("prev_href", offset <= limit || shown == 0 ? hrefFor("", "", 0)
                                                     : hrefFor("before", first_key, offset - limit));
  }
  if (shown > 0 && offset + shown < total) d.set("next_href", hrefFor("after", last_key, offset + shown));
  d.set("range", shown == 0 ? "0" : std::to_string(offset + 1) + "–" + std::to_string(offset + shown));
}

}  // namespace beacon::http
