#include "http/dashboard_list_kinds.h"

#include <algorithm>

#include "http/http_error.h"
#include "http/label_language.h"
#include "http/page_text.h"

namespace beacon::http {

const std::vector<DashboardListKind>& dashboardListKinds() {
  static const std::vector<DashboardListKind> kLists = {
      {sdk::ObligationStatus::Overdue, "overdue", "逾期事项", "Overdue obligations"},
      {sdk::ObligationStatus::DueSoon, "due_soon", "即将到期事项", "Obligations due soon"},
      {sdk::ObligationStatus::MetLate, "met_late", "逾期完成事项", "Obligations met late"},
      {sdk::ObligationStatus::Met, "met", "已落实事项", "Obligations met"}};
  return kLists;
}

std::string dashboardListParam(RequestContext& ctx) {
  const std::string list = ctx.query("list", "overdue");
  const auto& kinds = dashboardListKinds();
  if (list != kOwnDutiesList &&
      std::none_of(kinds.begin(), kinds.end(),
                   [&](const DashboardListKind& k) { return list == k.id; })) {
    throw HttpError::badRequest(pageWord("refuse_dashboard_list", ctx.english()), "list");
  }
  return list;
}

rules::ObligationPageQuery dashboardListQuery(const std::string& list, rules::ObligationPageQuery q,
                                              const sdk::Date& as_of) {
  if (list == kOwnDutiesList) {
    q.statuses = {sdk::ObligationStatus::Overdue, sdk::ObligationStatus::DueSoon,
                  sdk::ObligationStatus::Upcoming};
    q.due_to = as_of.addDays(60);
    q.order = rules::ObligationOrder::Due;
    return q;
  }
  for (const auto& k : dashboardListKinds()) {
    if (list == k.id) q.statuses = {k.status};
  }
  return q;
}

std::string dashboardListHeading(const std::string& list, bool english) {
  if (list == kOwnDutiesList) return pageWord("own_duties", english);
  for (const auto& k : dashboardListKinds()) {
    if (list == k.id) return inLanguage(english, k.heading_en, k.heading_zh);
  }
  return list;
}

}  // namespace beacon::http
