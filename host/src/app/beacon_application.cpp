#include "app/beacon_application.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/File.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/PatternFormatter.h>
#include <Poco/Util/IntValidator.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include "app/app_context.h"
#include "app/cli_text.h"
#include "app/command.h"
#include "app/exit_code.h"
#include "app/logging_config.h"
#include "app/os_user.h"
#include "http/refusal_text.h"
#include "install_layout.h"
#include "store/storage_error.h"

namespace beacon::app {

namespace {

struct GlobalOption {
  const char* name;
  const char* argument;  // null: a flag
  const char* config_key;  // set in the configuration, or null
  const char* description;
};

const GlobalOption kGlobals[] = {
    {"db", "FILE", "beacon.database", "database file (overrides beacon.database)"},
    {"config", "FILE", nullptr, "configuration file (default $BEACON_CONFIG; see etc/beacon.properties)"},
    {"plugins", "DIR", "beacon.plugins", "plugin folder (overrides beacon.plugins)"},
    {"site", "DIR", "beacon.site", "site template overrides (overrides beacon.site)"},
    {"user", "NAME", nullptr, "name for the audit log, kept with the OS account running the command"},
    {"lang", "zh|en", nullptr, "output language (zh-CN by default)"},
};

void configureLogging() {
  Poco::AutoPtr<Poco::PatternFormatter> pattern(new Poco::PatternFormatter("beacon: %s: %t"));
  Poco::AutoPtr<Poco::FormattingChannel> channel(
      new Poco::FormattingChannel(pattern, new Poco::ConsoleChannel(std::cerr)));
  Poco::Logger::root().setChannel(channel);
  Poco::Logger::root().setLevel("warning");
}

// A storage failure: one log line with the cause, one line for the user, exit code 3.
int reportStorageFailure(std::ostream& err, bool english, const std::string& detail) {
  Poco::Logger::get("beacon.store").error("storage unavailable: " + detail);
  err << "beacon: " << cliWord("storage_unavailable", english) << "\n";
  return exitCodeOf(sdk::StatusCode::Unavailable);
}

}  // namespace

const std::map<std::string, bool>& BeaconApplication::globalOptions() {
  static const std::map<std::string, bool> kOptions = [] {
    std::map<std::string, bool> m;
    for (const auto& g : kGlobals) m[g.name] = g.argument != nullptr;
    // ServerApplication's own Unix options.
    m["daemon"] = false;
    m["pidfile"] = true;
    m["umask"] = true;
    m["help"] = false;
    return m;
  }();
  return kOptions;
}

BeaconApplication::BeaconApplication(std::ostream& out, std::ostream& err, std::istream& in,
                                     std::vector<std::string> command_args)
    : out_(out), err_(err), in_(in), command_args_(std::move(command_args)) {
  setUnixOptions(true);
}

void BeaconApplication::defineOptions(Poco::Util::OptionSet& options) {
  ServerApplication::defineOptions(options);
  for (const auto& g : kGlobals) {
    Poco::Util::Option o(g.name, "", g.description);
    o.required(false).repeatable(false);
    if (g.argument) o.argument(g.argument);
    options.addOption(o);
  }
  options.addOption(Poco::Util::Option("help", "h", "show the commands").required(false).repeatable(false));
}

void BeaconApplication::handleOption(const std::string& name, const std::string& value) {
  ServerApplication::handleOption(name, value);
  if (name == "help") {
    help_ = true;
    stopOptionsProcessing();
    return;
  }
  if (name == "config") config_file_ = value;
  if (name == "user") user_ = value;
  if (name == "lang") lang_ = value;
  for (const auto& g : kGlobals) {
    if (name == g.name && g.config_key) config().setString(g.config_key, value);
  }
}

void BeaconApplication::usage(std::ostream& out) const {
  out << "Beacon 应急预案与演练管理 — emergency plans and drills\n\n"
         "usage: beacon [GLOBAL OPTIONS] COMMAND [ARGS]\n"
         "       beacon COMMAND --help\n\nglobal options:\n";
  for (const auto& g : kGlobals) {
    std::string left = std::string("--") + g.name + (g.argument ? std::string(" ") + g.argument : "");
    out << "  " << left << std::string(left.size() < 18 ? 18 - left.size() : 1, ' ') << g.description << "\n";
  }
  out << "  --daemon, --pidfile FILE, --umask MASK   run `serve` in the background (absolute paths: the daemon changes to /)\n"
         "\ncommands:\n";
  for (const auto& c : allCommands()) {
    out << "  " << c->name() << std::string(c->name().size() < 10 ? 10 - c->name().size() : 1, ' ')
        << c->summary() << "\n";
  }
  out << "\nexit codes 退出码:\n"
         "  0  done 完成\n"
         "  1  bad input; the message names the field 输入有误（提示指明字段）\n"
         "  2  usage: unknown command or option 用法错误（未知命令或选项）\n"
         "  3  database busy or unavailable; nothing written, try again "
         "数据库繁忙或不可用，未作更改，请重试\n"
         "  4  the record named does not exist 所指记录不存在\n"
         "  5  refused by the record's state 记录当前状态不允许该操作\n"
         "  6  outside the account's scope or rights 超出账号的权限范围\n"
         "  7  internal failure; see the log 内部错误，详见日志\n";
}

int BeaconApplication::main(const std::vector<std::string>& args) {
  if (help_) {
    usage(out_);
    return 0;
  }
  if (args.empty()) {
    usage(err_);
    return 2;
  }
  auto commands = allCommands();
  Command* command = nullptr;
  for (auto& c : commands) {
    if (c->name() == args[0]) command = c.get();
  }
  if (!command || args.size() > 1) {
    err_ << "beacon: " << args[0] << ": " << cliWord("refuse_unknown_command", lang_ == "en")
         << "\n";
    return 2;
  }
  for (const auto& a : command_args_) {
    if (a == "--help" || a == "-h") {
      out_ << command->help();
      return 0;
    }
  }
  if (lang_ != "zh" && lang_ != "en") {
    err_ << "beacon: --lang: " << cliWord("refuse_lang", false) << "\n";
    return 2;
  }
  configureLogging();
  if (config_file_.empty()) {
    const char* env = std::getenv("BEACON_CONFIG");
    if (env && *env) config_file_ = env;
  }
  // An installed binary reads its installed configuration (/etc/beacon/beacon.properties) when none is named.
  if (config_file_.empty() && installLayout().installed && Poco::File(installLayout().config_file).exists()) {
    config_file_ = installLayout().config_file;
  }
  if (!config_file_.empty()) {
    if (!Poco::File(config_file_).exists()) {
      err_ << "beacon: --config: "
           << cliWord("refuse_config_missing", lang_ == "en", {config_file_}) << "\n";
      return 1;
    }
    try {
      // Below the command-line values (priority 0 is the application's own layer).
      config().add(new Poco::Util::PropertyFileConfiguration(config_file_), 10);
    } catch (const Poco::Exception& e) {
      err_ << "beacon: --config: " << config_file_ << ": " << e.displayText() << "\n";
      return 1;
    }
  }
  {
    auto logging = LoggingConfig::load(config());
    sdk::Status applied = logging.isOk() ? logging.value().apply() : logging.status();
    if (!applied.isOk()) {
      err_ << "beacon: " << applied.field() << ": "
           << http::translatedMessage(applied.message(), lang_ == "en") << "\n";
      return 1;
    }
  }
  // The name given with --user is recorded next to the account that ran the command.
  const std::string os_user = osUserName();
  CommandContext ctx{config(),
                     out_,
                     err_,
                     in_,
                     store::Actor{!user_.empty() ? user_ : os_user, os_user},
                     lang_ == "en",
                     isatty(STDERR_FILENO) == 1,
                     &out_ == &std::cout && isatty(STDOUT_FILENO) == 1,
                     [this] { waitForTerminationRequest(); },
                     nullptr};
  try {
    return command->run(ctx, command_args_);
  } catch (const store::StorageError& e) {
    return reportStorageFailure(err_, lang_ == "en", e.what());
  } catch (const Poco::Exception& e) {
    const sdk::Status failure = store::failureStatus(e, e.displayText());
    if (failure.code() == sdk::StatusCode::Unavailable) {
      return reportStorageFailure(err_, lang_ == "en", e.displayText());
    }
    err_ << "beacon: " << e.displayText() << "\n";
    return exitCodeOf(failure.code());
  } catch (const std::exception& e) {
    err_ << "beacon: " << e.what() << "\n";
  }
  return exit_code::kInternal;
}

}  // namespace beacon::app
