#include "app/app_context.h"

#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>

#include "plugins/plugin_loader.h"
#include "plugins/plugin_parameters.h"
#include "render/docx_package.h"
#include "install_layout.h"
#include "rules/imported_holidays.h"
#include "store/busy_timeout.h"
#include "store/database_uri.h"
#include "store/storage_error.h"

namespace beacon::app {

AppContext::~AppContext() = default;

sdk::Result<std::unique_ptr<AppContext>> AppContext::open(
    const Poco::Util::AbstractConfiguration& config, bool migrate) {
  std::unique_ptr<AppContext> ctx(new AppContext());
  auto rules_config = rules::RulesConfig::load(config);
  if (!rules_config.isOk()) return rules_config.status();
  ctx->rules_config_ = rules_config.value();

  const std::string holidays =
      config.getString("calendar.holidays_file", installLayout().holidays_file);
  auto calendar = rules::HolidayCalendar::load(holidays);
  if (!calendar.isOk()) return calendar.status();
  ctx->calendar_ = calendar.value();

  const std::string busy = config.getString("beacon.busy_timeout_ms", std::to_string(store::kDefaultBusyTimeoutMs));
  int busy_ms = -1;
  if (!Poco::NumberParser::tryParse(busy, busy_ms) || busy_ms < 0 || busy_ms > 600000) {
    return sdk::Status::invalid("beacon.busy_timeout_ms", "must be a whole number of milliseconds from 0 to 600000, got \"" + busy + "\"");
  }
  store::setBusyTimeoutMs(busy_ms);

  ctx->database_path_ = config.getString("beacon.database", "var/beacon.db");
  const auto database = store::DatabaseUri::parse(ctx->database_path_);
  if (!database.isOk()) return database.status();
  try {
    const Poco::Path parent = Poco::Path(database.value().path).parent();
    if (!database.value().postgres() && database.value().path != ":memory:" && !parent.toString().empty()) {
      Poco::File(parent).createDirectories();
    }
    ctx->db_ = std::make_unique<store::Database>(database.value());
    if (migrate) ctx->db_->migrate();
    if (ctx->db_->schemaVersion() == 0) {
      return sdk::Status::invalid("beacon.database", ctx->database_path_ +
                                                         " has no Beacon schema; run `beacon init` first");
    }
    auto with_imports = rules::loadCalendarWithImports(ctx->db_->session(), holidays);
    if (!with_imports.isOk()) return with_imports.status();
    ctx->calendar_ = with_imports.value();
  } catch (const Poco::Exception& e) {
    // A database that is busy or failing (not one that cannot be opened at all) is a storage failure.
    if (!store::isCannotOpen(e)) {
      store::throwIfStorageFailure(e, ctx->database_path_);
    }
    return sdk::Status::invalid("beacon.database", ctx->database_path_ + ": " + e.displayText());
  }

  const std::string template_dir = config.getString("beacon.templates", installLayout().templates);
  const std::string site_dir = config.getString("beacon.site", "");
  const std::string plugin_dir = config.getString("beacon.plugins", installLayout().plugins);

  Poco::Logger& logger = Poco::Logger::get("beacon.plugins");
  AppContext* self = ctx.get();
  plugins::PluginLoader loader(
      ctx->registry_,
      [self](const std::string& id) -> sdk::HostServices& {
        self->readers_.push_back(std::make_unique<rules::StoreRecordReader>(*self->db_, id));
        self->services_.push_back(std::make_unique<plugins::DomainServices>(
            id, Poco::Logger::get("beacon.plugin." + id), *self->readers_.back(), self->calendar_,
            self->rules_config_));
        return *self->services_.back();
      },
      logger);
  loader.loadDirectory(plugin_dir);
  // Every rules.<domain>.* key must be one its plugin declares, with a value in its range.
  sdk::Status parameters = plugins::checkPluginParameters(ctx->rules_config_.values(), ctx->registry_, logger);
  if (!parameters.isOk()) return parameters;

  std::vector<render::PluginTemplateFolder> plugin_templates;
  for (const auto* p : ctx->registry_.enabled()) {
    plugin_templates.push_back({p->id, Poco::Path(p->directory).append("templates").toString()});
  }
  sdk::Status templates = ctx->templates_.load(template_dir, plugin_templates, site_dir);
  if (!templates.isOk()) return templates;
  for (const auto& package : render::docxPackages(ctx->templates_)) {
    sdk::Status valid = render::validateDocxPackage(ctx->templates_, package);
    if (!valid.isOk()) return valid;
  }

  ctx->engine_ = std::make_unique<rules::ComplianceEngine>(*ctx->db_, ctx->registry_,
                                                           ctx->rules_config_, ctx->calendar_);
  return ctx;
}

}  // namespace beacon::app
