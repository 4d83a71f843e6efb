// SummaryService: the printable summaries Beacon produces from its records:
// the city's annual report paragraph (city-annual), plan status and drill
// coverage as of a date (plan-status, and the same scoped to an organisation
// subtree: township, or to one domain: domain), and one drill's record
// (drill-sheet), annual drill plans versus actual drills (drill-plan), as
// plain text, Markdown, printable HTML with inline SVG charts, or the JSON
// data behind them; the annual report text and drill-plan also as Word (docx).
// Not thread-safe (uses the Database's Session and the engine); give each
// thread its own service.
#pragma once

#include <string>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"
#include "plugins/plugin_registry.h"
#include "render/template_registry.h"
#include "store/database.h"

namespace beacon::rules {
class ComplianceEngine;
}

namespace beacon::summary {

struct SummaryRequest {
  std::string kind;  // city-annual | plan-status | township | domain | drill-sheet | drill-plan
  int year = 0;      // city-annual; 0 means as_of's year
  sdk::Date as_of;   // plan-status, township, domain; unset means 12-31 of `year`
  std::string org_code;  // township: the subtree's root
  std::string domain;    // domain
  sdk::RecordId drill_id = 0;  // drill-sheet
  std::string format;    // text | markdown | html | json | docx (city-annual)
  bool english = false;
};

class SummaryService {
 public:
  // `engine` may be null: plan status then leaves obligations out and says so.
  SummaryService(store::Database& db, const plugins::PluginRegistry& registry,
                 const render::TemplateRegistry& templates, rules::ComplianceEngine* engine);
  // Fails naming the request field that is missing or wrong.
  sdk::Result<std::string> render(const SummaryRequest& request);

 private:
  store::Database& db_;
  const plugins::PluginRegistry& registry_;
  const render::TemplateRegistry& templates_;
  rules::ComplianceEngine* engine_;
};

}  // namespace beacon::summary
