// DashboardLinks: the dashboard's own URLs. Each keeps the filters of the
// request (as_of, org, domain, kind, limit, lang) and names the list, sort
// and offset it opens, so a count, a pager link or a sort link shows the list
// behind it with the same filters; a download link gets the whole list as a
// CSV or .xlsx file with them. Per request; not shared.
#pragma once

#include <map>
#include <string>

#include "http/request_context.h"

namespace beacon::http {

class DashboardLinks {
 public:
  explicit DashboardLinks(const RequestContext& ctx);
  // "/?<filters>&list=<list>[&sort=][&offset=]#<list>-list", with `overrides` replacing filters (""
  // drops one).
  std::string list(const std::string& list, const std::string& sort = "", int offset = 0,
                   const std::map<std::string, std::string>& overrides = {}) const;
  // "/dashboard/export?<filters>&list=<list>[&sort=]&format=<format>": the whole list as a file.
  std::string download(const std::string& list, const std::string& sort, const std::string& format,
                       const std::map<std::string, std::string>& overrides = {}) const;

 private:
  std::map<std::string, std::string> withOverrides(const std::map<std::string, std::string>& overrides) const;
  std::map<std::string, std::string> filters_;
};

}  // namespace beacon::http
