#include "http/form_refusals.h"

#include "http/page_support.h"
#include "http/refusal_text.h"

namespace beacon::http {

void setFormRefusals(RequestContext& ctx, kainjow::mustache::data& d,
                     const std::map<std::string, std::string>& errors, const std::vector<std::string>& names) {
  std::map<std::string, std::string> sentences;
  for (const auto& [field, message] : errors) {
    sentences[field] = refusalSentence(ctx.state.app.plugins(), field, message, ctx.english());
  }
  d.set("errors", fieldErrors(sentences, names));
  if (sentences.empty()) return;
  kainjow::mustache::data all{kainjow::mustache::data::type::list};
  for (const auto& [field, sentence] : sentences) all.push_back(kainjow::mustache::data(sentence));
  d.set("error_summary", all);
  d.set("has_errors", true);
}

}  // namespace beacon::http
