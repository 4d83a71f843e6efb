// The dashboard's obligation lists, shared by its page (overview_pages.cpp)
// and its downloads (dashboard_export.cpp): each list's `list` parameter, its
// status and heading, and the query that selects its rows, so a download
// holds exactly the rows the page lists, every page of them. 本单位待办
// (own_duties, a village's or community's own) is what the unit must do in
// the 60 days after the as-of day and what is already overdue, by date.
// Stateless; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "beacon/sdk/date.h"
#include "http/request_context.h"
#include "rules/obligation_page.h"

namespace beacon::http {

struct DashboardListKind {
  sdk::ObligationStatus status;
  const char* id;  // the `list` parameter
  const char* heading_zh;
  const char* heading_en;
};

// Overdue, due soon, met late and met, in the page's order.
const std::vector<DashboardListKind>& dashboardListKinds();

inline constexpr const char* kOwnDutiesList = "own_duties";

// The `list` parameter (default overdue); 400 naming "list" unless it names one of the lists or
// own_duties.
std::string dashboardListParam(RequestContext& ctx);

// `q` (the filters and sort of the request) narrowed to the rows of `list`.
rules::ObligationPageQuery dashboardListQuery(const std::string& list, rules::ObligationPageQuery q,
                                              const sdk::Date& as_of);

// The list's heading ("逾期事项" / "Overdue obligations"; 本单位待办 for own_duties).
std::string dashboardListHeading(const std::string& list, bool english);

}  // namespace beacon::http
