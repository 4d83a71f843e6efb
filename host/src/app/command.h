// Command: one `beacon <command>` of the CLI. Each command parses its own
// arguments, prints to the context's streams and returns the process exit
// code (app/exit_code.h). Commands are stateless;
// each run() is independent.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include <Poco/Util/AbstractConfiguration.h>

#include "beacon/sdk/status.h"
#include "store/audit_log.h"

namespace beacon::app {

class AppContext;

struct CommandContext {
  const Poco::Util::AbstractConfiguration& config;
  std::ostream& out;
  std::ostream& err;
  std::istream& in;
  store::Actor actor;
  bool english = false;
  bool terminal = false;  // stderr is a terminal (progress bars)
  bool out_terminal = false;  // stdout is a terminal (binary output is refused)
  // Blocks until the process is asked to stop (SIGINT/SIGTERM); used by `serve`.
  std::function<void()> wait_for_stop;
  // Opens the application context (database, plugins, templates) on demand.
  sdk::Result<AppContext*> app(bool migrate = false);
  std::unique_ptr<AppContext> app_;
  ~CommandContext();
};

class Command {
 public:
  virtual ~Command() = default;
  virtual std::string name() const = 0;
  virtual std::string summary() const = 0;  // one line for `beacon --help`
  virtual std::string help() const = 0;     // full usage for `beacon <command> --help`
  virtual int run(CommandContext& ctx, const std::vector<std::string>& args) = 0;
};

// Prints "beacon: <field>: <message>" and returns the status's exit code (exitCodeOf).
int fail(CommandContext& ctx, const sdk::Status& status);

std::vector<std::unique_ptr<Command>> allCommands();

}  // namespace beacon::app
