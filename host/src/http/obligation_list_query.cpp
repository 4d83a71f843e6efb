#include "http/obligation_list_query.h"

#include "http/http_error.h"

namespace beacon::http {

rules::ObligationPageQuery obligationListQuery(RequestContext& ctx,
                                               rules::ObligationOrder fallback) {
  rules::ObligationPageQuery q;
  q.order = fallback;
  if (const std::string kind = ctx.query("kind"); !kind.empty()) {
    q.kind = rules::obligationKindFromId(kind);
    if (!q.kind) {
      throw HttpError::badRequest(
          ctx.english() ? "unknown duty kind \"" + kind + "\"" : "未知的义务类型“" + kind + "”",
          "kind");
    }
  }
  q.rule = ctx.query("rule");
  const std::string sort = ctx.query("sort");
  if (sort == "due") {
    q.order = rules::ObligationOrder::Due;
  } else if (sort == "org") {
    q.order = rules::ObligationOrder::Organisation;
  } else if (!sort.empty()) {
    throw HttpError::badRequest(
        ctx.english() ? "sort must be due or org" : "排序（sort）只能是 due 或 org", "sort");
  }
  return q;
}

std::string orgNameOf(const ObligationView& view, sdk::RecordId id) {
  const auto it = view.org_names().find(id);
  return it == view.org_names().end() ? std::string() : it->second;
}

}  // namespace beacon::http
