#include "http/drill_key_query.h"

#include "http/http_error.h"

namespace beacon::http {

std::optional<store::DrillKey> queryDrillKey(const RequestContext& ctx, const std::string& name) {
  const std::string text = ctx.query(name);
  if (text.empty()) return std::nullopt;
  auto key = store::DrillKey::parse(text);
  if (!key) {
    throw HttpError::badRequest(ctx.english() ? "\"" + text + "\" is not a drill list key (YYYY-MM-DD_ID)"
                                              : "“" + text + "”不是演练列表的分页键（格式：日期_编号，如 2023-06-01_125）。",
                                name);
  }
  return key;
}

}  // namespace beacon::http
