#include "http/drill_key_query.h"

#include "http/http_error.h"
#include "http/page_text.h"

namespace beacon::http {

std::optional<store::DrillKey> queryDrillKey(const RequestContext& ctx, const std::string& name) {
  const std::string text = ctx.query(name);
  if (text.empty()) return std::nullopt;
  auto key = store::DrillKey::parse(text);
  if (!key) {
    throw HttpError::badRequest(pageWord("refuse_drill_list_key", ctx.english(), {text}), name);
  }
  return key;
}

}  // namespace beacon::http
