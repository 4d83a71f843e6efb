#include "http/dashboard_links.h"

#include <Poco/URI.h>

namespace beacon::http {

DashboardLinks::DashboardLinks(const RequestContext& ctx) {
  for (const auto& [k, v] : ctx.queryParameters()) {
    if (k == "as_of" || k == "org" || k == "domain" || k == "kind" || k == "limit" || k == "lang") {
      if (!v.empty()) filters_[k] = v;
    }
  }
}

std::map<std::string, std::string> DashboardLinks::withOverrides(
    const std::map<std::string, std::string>& overrides) const {
  std::map<std::string, std::string> params = filters_;
  for (const auto& [k, v] : overrides) {
    if (v.empty()) {
      params.erase(k);
    } else {
      params[k] = v;
    }
  }
  return params;
}

std::string DashboardLinks::download(const std::string& list, const std::string& sort,
                                     const std::string& format,
                                     const std::map<std::string, std::string>& overrides) const {
  std::map<std::string, std::string> params = withOverrides(overrides);
  params.erase("limit");  // every row, not one page
  Poco::URI uri("/dashboard/export");
  for (const auto& [k, v] : params) uri.addQueryParameter(k, v);
  uri.addQueryParameter("list", list);
  if (!sort.empty()) uri.addQueryParameter("sort", sort);
  uri.addQueryParameter("format", format);
  return uri.toString();
}

std::string DashboardLinks::list(const std::string& list, const std::string& sort, int offset,
                                 const std::map<std::string, std::string>& overrides) const {
  Poco::URI uri("/");
  for (const auto& [k, v] : withOverrides(overrides)) uri.addQueryParameter(k, v);
  uri.addQueryParameter("list", list);
  if (!sort.empty()) uri.addQueryParameter("sort", sort);
  if (offset > 0) uri.addQueryParameter("offset", std::to_string(offset));
  std::string anchor = list;
  for (auto& c : anchor) {
    if (c == '_') c = '-';
  }
  return uri.toString() + "#" + anchor + "-list";
}

}  // namespace beacon::http
