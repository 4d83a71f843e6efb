#include "app/json_log_formatter.h"

#include <cstdio>

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>

namespace beacon::app {

namespace {

struct LogField {
  const char* name;
  bool number;
};

// The fields a message may carry (Poco::Message::set), in the order they are written.
constexpr LogField kLogFields[] = {{"method", false}, {"path", false}, {"status", true}, {"bytes", true},
                                   {"ms", true},      {"user", false}, {"ip", false}};

const char* levelName(Poco::Message::Priority priority) {
  switch (priority) {
    case Poco::Message::PRIO_FATAL: return "fatal";
    case Poco::Message::PRIO_CRITICAL: return "critical";
    case Poco::Message::PRIO_ERROR: return "error";
    case Poco::Message::PRIO_WARNING: return "warning";
    case Poco::Message::PRIO_NOTICE: return "notice";
    case Poco::Message::PRIO_INFORMATION: return "information";
    case Poco::Message::PRIO_DEBUG: return "debug";
    case Poco::Message::PRIO_TRACE: return "trace";
  }
  return "information";
}

}  // namespace

std::string jsonString(const std::string& value) {
  std::string out = "\"";
  out.reserve(value.size() + 2);
  for (unsigned char c : value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out += buffer;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

void JsonLogFormatter::format(const Poco::Message& msg, std::string& text) {
  text = "{\"time\":" +
         jsonString(Poco::DateTimeFormatter::format(msg.getTime(), "%Y-%m-%dT%H:%M:%S.%iZ")) +
         ",\"level\":" + jsonString(levelName(msg.getPriority())) + ",\"logger\":" + jsonString(msg.getSource()) +
         ",\"message\":" + jsonString(msg.getText());
  for (const auto& field : kLogFields) {
    if (!msg.has(field.name)) continue;
    const std::string& value = msg.get(field.name);
    text += ",\"";
    text += field.name;
    text += "\":";
    text += field.number && !value.empty() ? value : jsonString(value);
  }
  text += "}";
}

}  // namespace beacon::app
