// BeaconApplication: the `beacon` binary as a Poco::Util::ServerApplication.
// Poco processes the global options that come before the command name
// (--db, --config, --plugins, --site, --user, --lang, and on Unix --daemon,
// --pidfile, --umask); the command parses everything after its name itself,
// because each command declares its own options. `beacon serve` waits on
// waitForTerminationRequest() (SIGINT/SIGTERM). One instance per process
// run; not thread-safe.
#pragma once

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include <Poco/Util/ServerApplication.h>

namespace beacon::app {

class BeaconApplication : public Poco::Util::ServerApplication {
 public:
  // `command_args` are the arguments after the command name.
  BeaconApplication(std::ostream& out, std::ostream& err, std::istream& in,
                    std::vector<std::string> command_args);

  // The global options, for splitting a command line before Poco sees it:
  // true for those that take a value.
  static const std::map<std::string, bool>& globalOptions();

 protected:
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int main(const std::vector<std::string>& args) override;

 private:
  void usage(std::ostream& out) const;
  std::ostream& out_;
  std::ostream& err_;
  std::istream& in_;
  std::vector<std::string> command_args_;
  std::string config_file_;
  std::string user_;
  std::string lang_ = "zh";
  bool help_ = false;
  int exit_code_ = 0;
};

}  // namespace beacon::app
