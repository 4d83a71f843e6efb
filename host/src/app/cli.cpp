#include "app/cli.h"

#include <unistd.h>

#include <iostream>
#include <set>

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/File.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/PatternFormatter.h>
#include <Poco/Util/LayeredConfiguration.h>
#include <Poco/Util/MapConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include "app/app_context.h"
#include "app/command.h"

namespace beacon::app {

namespace {

const std::set<std::string> kValuedGlobals = {"db", "config", "plugins", "site", "user", "lang"};

void usage(std::ostream& out, const std::vector<std::unique_ptr<Command>>& commands) {
  out << "Beacon 应急预案与演练管理 — emergency plans and drills\n\n"
         "usage: beacon [--db FILE] [--config FILE] [--plugins DIR] [--site DIR] [--user NAME]\n"
         "              [--lang zh|en] COMMAND [ARGS]\n"
         "       beacon COMMAND --help\n\ncommands:\n";
  for (const auto& c : commands) {
    out << "  " << c->name() << std::string(c->name().size() < 10 ? 10 - c->name().size() : 1, ' ')
        << c->summary() << "\n";
  }
  out << "\nConfiguration: etc/beacon.properties (or --config); --db overrides beacon.database.\n";
}

void configureLogging(std::ostream& err) {
  (void)err;
  Poco::AutoPtr<Poco::PatternFormatter> pattern(new Poco::PatternFormatter("beacon: %s: %t"));
  Poco::AutoPtr<Poco::FormattingChannel> channel(
      new Poco::FormattingChannel(pattern, new Poco::ConsoleChannel(std::cerr)));
  Poco::Logger::root().setChannel(channel);
  Poco::Logger::root().setLevel("warning");
}

}  // namespace

int runCli(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err, std::istream& in) {
  auto commands = allCommands();
  std::map<std::string, std::string> globals;
  std::size_t i = 1;
  for (; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a == "--help" || a == "-h") {
      usage(out, commands);
      return 0;
    }
    if (a.rfind("--", 0) != 0) break;
    const std::string name = a.substr(2);
    if (!kValuedGlobals.count(name)) {
      err << "beacon: --" << name << ": unknown global option (see beacon --help)\n";
      return 2;
    }
    if (i + 1 >= argv.size()) {
      err << "beacon: --" << name << ": needs a value\n";
      return 2;
    }
    globals[name] = argv[++i];
  }
  if (i >= argv.size()) {
    usage(err, commands);
    return 2;
  }
  Command* command = nullptr;
  for (auto& c : commands) {
    if (c->name() == argv[i]) command = c.get();
  }
  if (!command) {
    err << "beacon: " << argv[i] << ": unknown command (see beacon --help)\n";
    return 2;
  }
  std::vector<std::string> args(argv.begin() + static_cast<long>(i) + 1, argv.end());
  for (const auto& a : args) {
    if (a == "--help" || a == "-h") {
      out << command->help();
      return 0;
    }
  }
  configureLogging(err);

  Poco::AutoPtr<Poco::Util::LayeredConfiguration> config(new Poco::Util::LayeredConfiguration);
  Poco::AutoPtr<Poco::Util::MapConfiguration> overrides(new Poco::Util::MapConfiguration);
  std::string config_file = globals.count("config") ? globals["config"] : "";
  if (config_file.empty()) {
    const char* env = std::getenv("BEACON_CONFIG");
    if (env && *env) config_file = env;
  }
  try {
    if (!config_file.empty()) {
      if (!Poco::File(config_file).exists()) {
        err << "beacon: --config: " << config_file << " does not exist\n";
        return 1;
      }
      config->add(new Poco::Util::PropertyFileConfiguration(config_file), 0);
    }
  } catch (const Poco::Exception& e) {
    err << "beacon: --config: " << config_file << ": " << e.displayText() << "\n";
    return 1;
  }
  if (globals.count("db")) overrides->setString("beacon.database", globals["db"]);
  if (globals.count("plugins")) overrides->setString("beacon.plugins", globals["plugins"]);
  if (globals.count("site")) overrides->setString("beacon.site", globals["site"]);
  config->add(overrides, -1);

  const std::string lang = globals.count("lang") ? globals["lang"] : "zh";
  if (lang != "zh" && lang != "en") {
    err << "beacon: --lang: must be zh or en\n";
    return 2;
  }
  const char* login = std::getenv("USER");
  CommandContext ctx{*config, out, err, in,
                     store::Actor{globals.count("user") ? globals["user"] : (login ? login : "cli")},
                     lang == "en", isatty(STDERR_FILENO) == 1, nullptr};
  try {
    return command->run(ctx, args);
  } catch (const Poco::Exception& e) {
    err << "beacon: " << e.displayText() << "\n";
  } catch (const std::exception& e) {
    err << "beacon: " << e.what() << "\n";
  }
  return 1;
}

}  // namespace beacon::app
