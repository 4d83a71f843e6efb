#include "http/ics_calendar.h"

#include <cstdio>

namespace beacon::http {

std::string icsEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

std::string icsLine(const std::string& content) {
  std::string out;
  std::size_t line_len = 0;
  std::size_t i = 0;
  while (i < content.size()) {
    const unsigned char lead = static_cast<unsigned char>(content[i]);
    std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
    if (i + n > content.size()) n = content.size() - i;
    if (line_len + n > 75) {
      out += "\r\n ";
      line_len = 1;
    }
    out.append(content, i, n);
    line_len += n;
    i += n;
  }
  return out + "\r\n";
}

std::string IcsCalendar::toString(const std::string& stamp) const {
  std::string out;
  out += icsLine("BEGIN:VCALENDAR");
  out += icsLine("VERSION:2.0");
  out += icsLine("PRODID:-//Beacon//Emergency plans and drills//ZH");
  out += icsLine("CALSCALE:GREGORIAN");
  out += icsLine("METHOD:PUBLISH");
  out += icsLine("X-WR-CALNAME:" + icsEscape(name_));
  for (const auto& e : events_) {
    char date[16];
    std::snprintf(date, sizeof date, "%04d%02d%02d", e.date.year, e.date.month, e.date.day);
    const sdk::Date next = e.date.addDays(1);
    char end[16];
    std::snprintf(end, sizeof end, "%04d%02d%02d", next.year, next.month, next.day);
    out += icsLine("BEGIN:VEVENT");
    out += icsLine("UID:" + icsEscape(e.uid));
    out += icsLine("DTSTAMP:" + stamp);
    out += icsLine(std::string("DTSTART;VALUE=DATE:") + date);
    out += icsLine(std::string("DTEND;VALUE=DATE:") + end);
    out += icsLine("SUMMARY:" + icsEscape(e.summary));
    if (!e.description.empty()) out += icsLine("DESCRIPTION:" + icsEscape(e.description));
    if (!e.url.empty()) out += icsLine("URL:" + e.url);
    out += icsLine("END:VEVENT");
  }
  out += icsLine("END:VCALENDAR");
  return out;
}

}  // namespace beacon::http
