#include "app/logging_config.h"

#include <iostream>
#include <optional>

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/File.h>
#include <Poco/FileChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <Poco/PatternFormatter.h>

#include "app/json_log_formatter.h"

namespace beacon::app {

namespace {

constexpr const char* kAccessLogger = "beacon.http.access";

sdk::Status readKey(const Poco::Util::AbstractConfiguration& config, const std::string& key, std::string& out) {
  if (!config.hasProperty(key)) return sdk::Status::ok();
  try {
    out = config.getString(key);
  } catch (const Poco::Exception& e) {
    return sdk::Status::invalid(key, "cannot expand the value: " + e.displayText());
  }
  return sdk::Status::ok();
}

Poco::AutoPtr<Poco::Formatter> formatter(bool json, bool file) {
  if (json) return new JsonLogFormatter;
  // On stderr (the terminal, or the journal under systemd, which adds the time) as before.
  return new Poco::PatternFormatter(file ? "%Y-%m-%dT%H:%M:%S.%iZ %p %s: %t" : "beacon: %s: %t");
}

// A channel writing to `destination` (stderr or a file), opened now so a bad path fails here.
sdk::Result<Poco::AutoPtr<Poco::Channel>> openChannel(const LoggingConfig& c, const std::string& destination,
                                                      const std::string& key) {
  if (destination == "stderr") {
    Poco::AutoPtr<Poco::Channel> console(new Poco::ConsoleChannel(std::cerr));
    return Poco::AutoPtr<Poco::Channel>(new Poco::FormattingChannel(formatter(c.json, false), console));
  }
  Poco::AutoPtr<Poco::FileChannel> file(new Poco::FileChannel);
  try {
    const Poco::Path parent = Poco::Path(destination).parent();
    if (!parent.toString().empty()) Poco::File(parent).createDirectories();
    file->setProperty(Poco::FileChannel::PROP_PATH, destination);
    try {
      file->setProperty(Poco::FileChannel::PROP_ROTATION, c.rotation);
    } catch (const Poco::Exception& e) {
      return sdk::Status::invalid("logging.rotation", "\"" + c.rotation + "\": " + e.displayText() +
                                                          " (e.g. 10 M, 1 G, daily, weekly, never)");
    }
    file->setProperty(Poco::FileChannel::PROP_ARCHIVE, "timestamp");
    file->setProperty(Poco::FileChannel::PROP_TIMES, "utc");
    file->setProperty(Poco::FileChannel::PROP_PURGECOUNT, std::to_string(c.purge_count));
    file->open();
  } catch (const Poco::Exception& e) {
    return sdk::Status::invalid(key, destination + ": " + e.displayText());
  }
  Poco::AutoPtr<Poco::Channel> channel(file);
  return Poco::AutoPtr<Poco::Channel>(new Poco::FormattingChannel(formatter(c.json, true), channel));
}

}  // namespace

sdk::Result<LoggingConfig> LoggingConfig::load(const Poco::Util::AbstractConfiguration& config) {
  LoggingConfig c;
  std::string format = "text";
  std::string purge = std::to_string(c.purge_count);
  for (const auto& [key, out] : {std::pair<const char*, std::string*>{"logging.level", &c.level},
                                 {"logging.format", &format},
                                 {"logging.destination", &c.destination},
                                 {"logging.access_file", &c.access_file},
                                 {"logging.rotation", &c.rotation},
                                 {"logging.purge_count", &purge}}) {
    if (sdk::Status s = readKey(config, key, *out); !s.isOk()) return s;
  }
  try {
    Poco::Logger::parseLevel(c.level);
  } catch (const Poco::Exception&) {
    return sdk::Status::invalid("logging.level", "\"" + c.level +
                                                     "\" is not a level (fatal, critical, error, warning, notice, "
                                                     "information, debug or trace)");
  }
  if (format != "text" && format != "json") {
    return sdk::Status::invalid("logging.format", "\"" + format + "\" is not text or json");
  }
  c.json = format == "json";
  if (c.destination.empty()) {
    return sdk::Status::invalid("logging.destination", "must be stderr or a file path, not empty");
  }
  if (!Poco::NumberParser::tryParse(purge, c.purge_count) || c.purge_count < 1 || c.purge_count > 10000) {
    return sdk::Status::invalid("logging.purge_count", "\"" + purge + "\" is not a whole number from 1 to 10000");
  }
  return c;
}

sdk::Status LoggingConfig::apply() const {
  auto main = openChannel(*this, destination, "logging.destination");
  if (!main.isOk()) return main.status();
  std::optional<Poco::AutoPtr<Poco::Channel>> access;
  if (!access_file.empty()) {
    auto opened = openChannel(*this, access_file, "logging.access_file");
    if (!opened.isOk()) return opened.status();
    access = opened.value();
  }
  // Every logger, existing ones included, then the access log's own file.
  Poco::Logger::setChannel("", main.value());
  Poco::Logger::root().setChannel(main.value());
  Poco::Logger::setLevel("", Poco::Logger::parseLevel(level));
  // Logger::setChannel(name, …) reaches only loggers that exist; the web server gets the access
  // logger later, so it is made here first (else it would inherit the main channel).
  if (access) {
    Poco::Logger::get(kAccessLogger);
    Poco::Logger::setChannel(kAccessLogger, *access);
  }
  return sdk::Status::ok();
}

}  // namespace beacon::app
