// LoggingConfig: where and how Beacon logs (keys logging.*, etc/beacon.properties),
// read and checked at start-up so a bad value fails naming its key. The level applies
// to every logger (the access log is switched on separately by `beacon serve`, see
// --quiet); the format is text (one "beacon: <logger>: <text>" line on stderr, with the
// time in a file) or JSON lines (JsonLogFormatter); the destination is stderr or a file.
// The access log (logger beacon.http.access) goes with the rest, or to its own file.
// Files rotate and are purged by Poco's FileChannel. apply() replaces the channels of
// the whole logger tree: call it from one thread before any server thread starts.
#pragma once

#include <string>

#include <Poco/Util/AbstractConfiguration.h>

#include "beacon/sdk/status.h"

namespace beacon::app {

struct LoggingConfig {
  std::string level = "warning";       // logging.level: a Poco level name
  bool json = false;                   // logging.format: text or json
  std::string destination = "stderr";  // logging.destination: stderr or a file
  std::string access_file;             // logging.access_file: empty = with the rest
  std::string rotation = "10 M";       // logging.rotation: FileChannel "rotation"
  int purge_count = 10;                // logging.purge_count: archived files kept

  static sdk::Result<LoggingConfig> load(const Poco::Util::AbstractConfiguration& config);
  // Sets the channels and level. Fails naming the key whose file cannot be opened or
  // whose rotation FileChannel refuses; nothing is changed then.
  sdk::Status apply() const;
};

}  // namespace beacon::app
