#include "summary/summary_docx.h"

#include "render/docx_package.h"

namespace beacon::summary {

using kainjow::mustache::data;

std::vector<std::string> textParagraphs(const std::string& text, const std::string& title) {
  std::vector<std::string> paragraphs;
  bool first = true;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    const std::size_t last = line.find_last_not_of(" \t\r");
    line.erase(last == std::string::npos ? 0 : last + 1);
    if (line.empty()) continue;
    if (!(first && line == title)) paragraphs.push_back(line);
    first = false;
  }
  return paragraphs;
}

sdk::Result<std::string> renderSummaryDocx(const render::TemplateRegistry& templates, const std::string& name,
                                           data values) {
  auto text = templates.renderText("summary/" + name + ".txt", values);
  if (!text.isOk()) return text.status();
  const data* title = values.get("title");
  data paragraphs{data::type::list};
  for (const auto& p : textParagraphs(text.value(), title && title->is_string() ? title->string_value() : "")) {
    paragraphs.push_back(data{"text", p});
  }
  values.set("paragraphs", paragraphs);
  return render::renderDocx(templates, "summary/" + name + ".docx/", values);
}

}  // namespace beacon::summary
