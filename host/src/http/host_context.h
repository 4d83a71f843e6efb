// HostContext: what the web server needs of the application that runs it: the database it
// opened (migrated), its path (each worker opens its own connection to it), the loaded plugins,
// the rules configuration and calendar, the templates and the compliance engine. The CLI's
// app::AppContext implements it, so this layer does not depend on the one above it. Threading
// as the implementation says (app::AppContext: one per thread of database work; the registry,
// configuration and templates are read-only after start-up).
#pragma once

#include <string>

#include "plugins/plugin_registry.h"
#include "render/template_registry.h"
#include "rules/compliance_engine.h"
#include "rules/holiday_calendar.h"
#include "rules/rules_config.h"
#include "store/database.h"

namespace beacon::http {

class HostContext {
 public:
  virtual ~HostContext() = default;
  virtual store::Database& db() = 0;
  virtual const plugins::PluginRegistry& plugins() const = 0;
  virtual const rules::RulesConfig& rulesConfig() const = 0;
  virtual const rules::HolidayCalendar& calendar() const = 0;
  virtual const render::TemplateRegistry& templates() const = 0;
  virtual rules::ComplianceEngine& engine() = 0;
  virtual const std::string& databasePath() const = 0;
};

}  // namespace beacon::http
