// `beacon serve`: the web app and JSON API (see http/web_server.h).
#include <signal.h>

#include <chrono>
#include <ostream>

#include <Poco/Logger.h>

#include "app/app_context.h"
#include "app/arguments.h"
#include "app/cli_text.h"
#include "app/command.h"
#include "http/demo_accounts.h"
#include "http/malloc_tuning.h"
#include "http/web_config.h"
#include "http/web_server.h"
#include "mail/digest_timer.h"
#include "mail/mail_config.h"
#include "plugins/domain_services.h"
#include "rules/compliance_engine.h"

namespace beacon::app {
namespace {

class ServeCommand : public Command {
 public:
  std::string name() const override { return "serve"; }
  std::string summary() const override { return "run the web app and JSON API (Ctrl-C or SIGTERM stops it)"; }
  std::string help() const override {
    return "usage: beacon serve [--listen HOST:PORT (web.listen, 127.0.0.1:8080; port 0 = any free port)]\n"
           "                    [--threads N (web.threads, 8)] [--quiet]\n"
           "Serves the web pages and /api/v1 (docs/api.md) on the configured database. Prints the\n"
           "bound address (\"listening on http://HOST:PORT\") and, on a demo database without\n"
           "accounts, creates and prints the demo logins. One access-log line per request\n"
           "(method, path, status, bytes, ms, user) unless --quiet. SIGTERM/SIGINT stop it cleanly.\n";
  }
  int run(CommandContext& ctx, const std::vector<std::string>& args) override {
    auto parsed = Arguments::parse(args, {"listen", "threads"}, {"quiet"});
    if (!parsed.isOk()) return fail(ctx, parsed.status());
    const Arguments& a = parsed.value();
    auto config = http::WebConfig::load(ctx.config);
    if (!config.isOk()) return fail(ctx, config.status());
    http::WebConfig web = config.value();
    if (a.has("listen")) {
      sdk::Status s = web.setListen(a.get("listen"), "--listen");
      if (!s.isOk()) return fail(ctx, s);
    }
    auto threads = a.integer("threads", web.threads);
    if (!threads.isOk()) return fail(ctx, threads.status());
    if (threads.value() < 1 || threads.value() > 256) {
      return fail(ctx, sdk::Status::invalid("--threads", cliWord("refuse_threads", ctx.english)));
    }
    web.threads = threads.value();
    auto mail_config = mail::MailConfig::load(ctx.config);
    if (!mail_config.isOk()) return fail(ctx, mail_config.status());
    http::limitMallocArenas();
    auto app = ctx.app(true);
    if (!app.isOk()) return fail(ctx, app.status());
    AppContext& c = *app.value();

    auto accounts = http::ensureDemoAccounts(c.db(), web, ctx.actor);
    if (!accounts.isOk()) return fail(ctx, accounts.status());

    // One line per request unless --quiet, whatever logging.level says for the rest.
    Poco::Logger::get("beacon.http.access").setLevel(a.has("quiet") ? "warning" : "information");
    // Block the stop signals before the server's threads start, so only sigwait sees them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    // Evaluate today's obligations before serving: the engine keeps them, and
    // the first dashboard then only catches up on what was written since.
    const auto warm_start = std::chrono::steady_clock::now();
    rules::CheckQuery today;
    today.as_of = plugins::DomainServices::systemToday();
    auto warmed = c.engine().checkShared(today);
    const auto warm_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - warm_start)
                             .count();
    Poco::Logger& log = Poco::Logger::get("beacon.serve");
    if (warmed.isOk()) {
      log.information("obligations as of " + today.as_of.toString() + ": " +
                      std::to_string(warmed.value()->size()) + " evaluated in " + std::to_string(warm_ms) + " ms");
    } else {
      log.warning("compliance check at start-up failed: " + warmed.status().describe());
    }

    http::WebServer server(c, web);
    try {
      server.start();
    } catch (const Poco::Exception& e) {
      return fail(ctx, sdk::Status::invalid("web.listen", web.host + ":" + std::to_string(web.port) + ": " +
                                                              e.displayText()));
    }
    // The daily digests at mail.send_at (mail/digest_timer.h), stopped before the server.
    std::unique_ptr<mail::DigestTimer> digests;
    if (mail_config.value().enabled) {
      digests = std::make_unique<mail::DigestTimer>(c.databasePath(), c.engine(),
                                                    server.state().app_mutex, mail_config.value());
      digests->start();
    }
    ctx.out << "listening on " << server.url() << "\n";
    for (const auto& login : accounts.value()) {
      ctx.out << "demo login: " << login.username << " / " << login.password << "  (" << login.description
              << ")\n";
    }
    ctx.out.flush();
    if (ctx.wait_for_stop) {
      ctx.wait_for_stop();  // ServerApplication::waitForTerminationRequest
    } else {
      int signal_number = 0;
      sigwait(&stop_signals, &signal_number);
    }
    ctx.out << "stopping\n";
    if (digests) digests->stop();
    server.stop();
    ctx.out << "stopped\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeServeCommand() { return std::make_unique<ServeCommand>(); }

}  // namespace beacon::app
