// AppContext: everything a command or the web server works with, built once
// from the configuration: the database (migrated on request), the rules
// configuration and holiday calendar, the loaded plugins with their
// domain-scoped services, the templates and the compliance engine. Start-up
// fails with a clear message for a bad configuration value or a broken
// template. The web server sees it as an http::HostContext. One AppContext
// per thread of database work (its Database is single-threaded); the plugin
// registry and templates are read-only after open().
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <Poco/Util/AbstractConfiguration.h>

#include "beacon/sdk/status.h"
#include "http/host_context.h"
#include "plugins/domain_services.h"
#include "plugins/plugin_registry.h"
#include "render/template_registry.h"
#include "rules/compliance_engine.h"
#include "rules/holiday_calendar.h"
#include "rules/rules_config.h"
#include "rules/store_record_reader.h"
#include "store/database.h"

namespace beacon::app {

class AppContext final : public http::HostContext {
 public:
  // Keys: beacon.database, beacon.plugins, beacon.templates, beacon.site,
  // calendar.holidays_file, rules.* (see etc/beacon.properties).
  static sdk::Result<std::unique_ptr<AppContext>> open(
      const Poco::Util::AbstractConfiguration& config, bool migrate);
  ~AppContext() override;

  store::Database& db() override { return *db_; }
  const plugins::PluginRegistry& plugins() const override { return registry_; }
  const rules::RulesConfig& rulesConfig() const override { return rules_config_; }
  const rules::HolidayCalendar& calendar() const override { return calendar_; }
  const render::TemplateRegistry& templates() const override { return templates_; }
  rules::ComplianceEngine& engine() override { return *engine_; }
  const std::string& databasePath() const override { return database_path_; }

 private:
  AppContext() = default;
  std::string database_path_;
  std::unique_ptr<store::Database> db_;
  rules::RulesConfig rules_config_;
  rules::HolidayCalendar calendar_;
  std::vector<std::unique_ptr<rules::StoreRecordReader>> readers_;
  std::vector<std::unique_ptr<plugins::DomainServices>> services_;
  plugins::PluginRegistry registry_;
  render::TemplateRegistry templates_;
  std::unique_ptr<rules::ComplianceEngine> engine_;
};

}  // namespace beacon::app
