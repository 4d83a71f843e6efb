// JsonLogFormatter: Poco log messages as JSON lines (logging.format = json), one object
// per message: {"time" (UTC, ISO 8601 with milliseconds), "level", "logger", "message"}
// followed by the message's fields among kLogFields (the access log sets them: method,
// path, status, bytes, ms, user, ip; status, bytes and ms as numbers). Text is kept as
// UTF-8 (Chinese messages stay readable); quotes, backslashes and control characters
// are escaped. Stateless; thread-safe.
#pragma once

#include <string>

#include <Poco/Formatter.h>
#include <Poco/Message.h>

namespace beacon::app {

class JsonLogFormatter : public Poco::Formatter {
 public:
  void format(const Poco::Message& msg, std::string& text) override;
};

// A JSON string literal (with its quotes) holding `value`.
std::string jsonString(const std::string& value);

}  // namespace beacon::app
