#include "http/obligation_list_query.h"

#include "http/http_error.h"
#include "http/page_text.h"

namespace beacon::http {

rules::ObligationPageQuery obligationListQuery(RequestContext& ctx,
                                               rules::ObligationOrder fallback) {
  rules::ObligationPageQuery q;
  q.order = fallback;
  if (const std::string kind = ctx.query("kind"); !kind.empty()) {
    q.kind = rules::obligationKindFromId(kind);
    if (!q.kind) {
      throw HttpError::badRequest(pageWord("refuse_unknown_duty_kind", ctx.english(), {kind}),
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
    throw HttpError::badRequest(pageWord("refuse_duty_sort", ctx.english()), "sort");
  }
  return q;
}

std::string orgNameOf(const ObligationView& view, sdk::RecordId id) {
  const auto it = view.org_names().find(id);
  return it == view.org_names().end() ? std::string() : it->second;
}

}  // namespace beacon::http
