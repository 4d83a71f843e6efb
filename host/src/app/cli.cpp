#include "app/cli.h"

#include <ostream>

#include <Poco/Exception.h>
#include <Poco/Util/OptionException.h>

#include "app/beacon_application.h"
#include "app/cli_text.h"
#include "app/exit_code.h"

namespace beacon::app {

namespace {
// --lang en (or --lang=en) among the global options: the language of the refusals printed before
// the application has read its options.
bool englishAsked(const std::vector<std::string>& argv) {
  for (std::size_t i = 1; i < argv.size() && argv[i].rfind("-", 0) == 0; ++i) {
    if (argv[i] == "--lang=en" ||
        (argv[i] == "--lang" && i + 1 < argv.size() && argv[i + 1] == "en"))
      return true;
  }
  return false;
}
}  // namespace

int runCli(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err, std::istream& in) {
  const bool english = englishAsked(argv);
  // Poco sees the global options and the command name; the command's own
  // options (after its name) go to the command untouched.
  const auto& globals = BeaconApplication::globalOptions();
  std::vector<std::string> head;
  std::size_t i = 1;
  for (; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.rfind("-", 0) != 0) break;
    head.push_back(a);
    std::string name = a.substr(a.rfind("--", 0) == 0 ? 2 : 1);
    if (name.find('=') != std::string::npos) continue;
    if (name == "h") name = "help";
    auto g = globals.find(name);
    if (g == globals.end()) {
      err << "beacon: " << a << ": " << cliWord("refuse_unknown_global_option", english) << "\n";
      return 2;
    }
    if (g->second) {
      if (i + 1 >= argv.size()) {
        err << "beacon: " << a << ": " << cliWord("refuse_global_needs_value", english) << "\n";
        return 2;
      }
      head.push_back(argv[++i]);
    }
  }
  std::vector<std::string> args{argv.empty() ? std::string("beacon") : argv[0]};
  args.insert(args.end(), head.begin(), head.end());
  if (i < argv.size()) args.push_back(argv[i]);
  std::vector<std::string> command_args;
  if (i + 1 < argv.size()) command_args.assign(argv.begin() + static_cast<long>(i) + 1, argv.end());
  try {
    BeaconApplication app(out, err, in, std::move(command_args));
    return app.run(args);
  } catch (const Poco::Util::OptionException& e) {
    err << "beacon: " << e.displayText() << "\n";
    return exit_code::kUsage;
  } catch (const Poco::Exception& e) {
    err << "beacon: " << e.displayText() << "\n";
  } catch (const std::exception& e) {
    err << "beacon: " << e.what() << "\n";
  }
  return exit_code::kInternal;
}

}  // namespace beacon::app
