#include "support/cli_runner.h"

#include <sstream>

#include "app/cli.h"

namespace beacon::testing {

CliRun runBeacon(const std::vector<std::string>& global, const std::vector<std::string>& args,
                 const std::string& input) {
  std::vector<std::string> argv = {"beacon"};
  argv.insert(argv.end(), global.begin(), global.end());
  argv.insert(argv.end(), args.begin(), args.end());
  std::ostringstream out, err;
  std::istringstream in(input);
  const int code = app::runCli(argv, out, err, in);
  return {code, out.str(), err.str()};
}

}  // namespace beacon::testing
