// IcsCalendar: an iCalendar (RFC 5545) document of all-day events: CRLF
// line ends, TEXT values escaped (backslash, semicolon, comma, newline) and
// lines folded at 75 octets without splitting a UTF-8 character. Plain
// value; not shared.
#pragma once

#include <string>
#include <vector>

#include "beacon/sdk/date.h"

namespace beacon::http {

struct IcsEvent {
  std::string uid;
  sdk::Date date;  // all-day
  std::string summary;
  std::string description;
  std::string url;
};

class IcsCalendar {
 public:
  explicit IcsCalendar(std::string name) : name_(std::move(name)) {}
  void add(IcsEvent event) { events_.push_back(std::move(event)); }
  // `stamp`: DTSTAMP value (UTC, "YYYYMMDDTHHMMSSZ").
  std::string toString(const std::string& stamp) const;

 private:
  std::string name_;
  std::vector<IcsEvent> events_;
};

std::string icsEscape(const std::string& text);
// "NAME:value" folded into CRLF-terminated lines of at most 75 octets.
std::string icsLine(const std::string& content);

}  // namespace beacon::http
