// runCli: the `beacon` command line, run through BeaconApplication (a
// Poco::Util::ServerApplication).
// Global options come before the command name and set configuration
// (--db, --config, --plugins, --site, --user, --lang); everything after the
// command name belongs to the command. Single-threaded.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace beacon::app {

// Runs the CLI on `argv`, writing to the given streams; returns the exit code.
int runCli(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err, std::istream& in);

}  // namespace beacon::app
