// SummaryDocx: a summary as a Word document (.docx). The summary's text form
// (summary/<name>.txt) is split into paragraphs, one per non-blank line,
// and placed in the summary's template package summary/<name>.docx/
// (render/docx_package.h): the document template gets the summary's own
// values plus `paragraphs` (each {text}), the title line left out because
// the document sets {{title}} in its own style. Stateless functions; safe
// from several threads on a loaded registry.
#pragma once

#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "beacon/sdk/status.h"
#include "render/template_registry.h"

namespace beacon::summary {

// The non-blank lines of `text` without trailing white space; the first of them is
// left out when it equals `title`.
std::vector<std::string> textParagraphs(const std::string& text, const std::string& title);

// Renders summary/<name>.txt with `values`, then the package summary/<name>.docx/ with the paragraphs.
sdk::Result<std::string> renderSummaryDocx(const render::TemplateRegistry& templates, const std::string& name,
                                           kainjow::mustache::data values);

}  // namespace beacon::summary
