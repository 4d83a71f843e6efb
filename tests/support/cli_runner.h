// CliRunner: runs the `beacon` command line in-process (app::runCli) with
// the given leading global options, feeding `input` as standard input and
// capturing standard output, standard error and the exit code, as a shell
// would see them. Stateless; each call opens and closes its own database.
#pragma once

#include <string>
#include <vector>

namespace beacon::testing {

struct CliRun {
  int code = 0;
  std::string out;
  std::string err;
};

// `beacon <global...> <args...>`, e.g. global = {"--db", path, "--user", "tester"}.
CliRun runBeacon(const std::vector<std::string>& global, const std::vector<std::string>& args,
                 const std::string& input = "");

}  // namespace beacon::testing
