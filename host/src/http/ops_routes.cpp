// The operator's endpoints (docs/api.md, "Health, readiness and metrics"), no login:
// GET /healthz answers 200 while the process serves requests (no database work);
// GET /readyz answers 200 when the worker's database connection answers, its schema
// is the version this binary migrates to and every plugin found is enabled, else 503
// naming what is not; GET /metrics gives ServerMetrics and the overdue duties by
// domain in the Prometheus text format, only to the addresses of web.metrics_allow.
#include <map>
#include <mutex>
#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/IPAddress.h>

#include "http/page_text.h"
#include "http/request_context.h"

#include "http/routes.h"
#include "plugins/domain_services.h"
#include "rules/compliance_engine.h"
#include "store/dialect.h"

namespace beacon::http {

namespace {

void healthz(RequestContext& ctx) { ctx.send(200, "text/plain; charset=utf-8", "ok\n"); }

void readyz(RequestContext& ctx) {
  const bool en = ctx.english();
  bool ready = true;
  Poco::JSON::Object::Ptr checks = new Poco::JSON::Object;

  Poco::JSON::Object::Ptr database = new Poco::JSON::Object;
  Poco::JSON::Object::Ptr schema = new Poco::JSON::Object;
  try {
    store::Database& db = ctx.db();
    const int version = db.schemaVersion();
    const int expected = db.dialect().migrations().back().version;
    database->set("ok", true);
    schema->set("ok", version == expected);
    schema->set("version", version);
    schema->set("expected", expected);
    if (version != expected) {
      ready = false;
      schema->set("message", pageWord("health_schema_mismatch", en));
    }
  } catch (const std::exception& e) {
    ready = false;
    database->set("ok", false);
    database->set("message", pageWord("health_database_down", en, {e.what()}));

    schema->set("ok", false);
  }
  checks->set("database", database);
  checks->set("schema", schema);

  Poco::JSON::Object::Ptr plugins = new Poco::JSON::Object;
  Poco::JSON::Array::Ptr enabled = new Poco::JSON::Array;
  Poco::JSON::Array::Ptr disabled = new Poco::JSON::Array;
  for (const auto& p : ctx.state.app.plugins().all()) {
    if (p.state == plugins::PluginState::Enabled) {
      enabled->add(p.id);
    } else {
      Poco::JSON::Object::Ptr d = new Poco::JSON::Object;
      d->set("id", p.id);
      d->set("reason", p.reason);
      disabled->add(d);
    }
  }
  const bool plugins_ok = enabled->size() > 0 && disabled->size() == 0;
  plugins->set("ok", plugins_ok);
  plugins->set("enabled", enabled);
  plugins->set("disabled", disabled);
  if (!plugins_ok) {
    ready = false;
    plugins->set("message", enabled->size() == 0 ? (pageWord("health_no_plugin", en))
                                                 : (pageWord("health_plugin_failed", en)));
  }
  checks->set("plugins", plugins);

  Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
  answer->set("status", ready ? "ready" : "not_ready");
  answer->set("checks", checks);
  ctx.response.set("Cache-Control", "no-store");
  ctx.sendJson(ready ? 200 : 503, answer);
}

// Overdue duties by domain, from the compliance engine's kept evaluation for today (the one
// `beacon serve` warms at start and the dashboard reads), brought up to date with what was
// written since; every enabled domain is listed, 0 included.
void writeOverdue(RequestContext& ctx, std::ostream& out) {
  std::map<std::string, long> overdue;
  for (const auto* p : ctx.state.app.plugins().enabled()) overdue[p->id] = 0;
  rules::CheckQuery today;
  today.as_of = plugins::DomainServices::systemToday();
  bool ok = false;
  {
    std::lock_guard<std::mutex> lock(ctx.state.app_mutex);
    auto results = ctx.state.app.engine().checkShared(today);
    if (results.isOk()) {
      ok = true;
      for (const auto& r : *results.value()) {
        if (r.status() == sdk::ObligationStatus::Overdue) ++overdue[r.domain()];
      }
    }
  }
  out << "# HELP beacon_obligations_overdue Duties overdue today, by domain.\n"
         "# TYPE beacon_obligations_overdue gauge\n";
  if (ok) {
    for (const auto& [domain, n] : overdue) {
      out << "beacon_obligations_overdue{domain=\"" << prometheusLabel(domain) << "\"} " << n << "\n";
    }
  }
  out << "# HELP beacon_obligations_check_ok 1 when today's compliance check succeeded (the overdue counts are "
         "current), else 0.\n"
         "# TYPE beacon_obligations_check_ok gauge\n"
         "beacon_obligations_check_ok "
      << (ok ? 1 : 0) << "\n";
}

void metrics(RequestContext& ctx) {
  const std::string client = ctx.state.config.trusted_proxies.clientAddress(ctx.request);
  Poco::Net::IPAddress address;
  if (!Poco::Net::IPAddress::tryParse(client, address) || !ctx.state.config.metrics_allow.trusts(address)) {
    ctx.send(403, "text/plain; charset=utf-8",
             pageWord("refuse_metrics_address", ctx.english(), {client}) + "\n");
    return;
  }
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out << ctx.state.metrics.render();
  writeOverdue(ctx, out);
  ctx.response.set("Cache-Control", "no-store");
  ctx.send(200, "text/plain; version=0.0.4; charset=utf-8", out.str());
}

}  // namespace

void addOpsRoutes(Router& router) {
  router.add("GET", "/healthz", healthz, Access::Public);
  router.add("GET", "/readyz", readyz, Access::Public);
  router.add("GET", "/metrics", metrics, Access::Public);
}

}  // namespace beacon::http
