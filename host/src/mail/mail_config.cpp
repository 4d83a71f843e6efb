#include "mail/mail_config.h"

#include <algorithm>
#include <cctype>

#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

#include "mail/email_address.h"

namespace beacon::mail {

namespace {

sdk::Status readString(const Poco::Util::AbstractConfiguration& config, const std::string& key,
                       std::string& out) {
  try {
    if (config.hasProperty(key)) out = Poco::trim(config.getString(key));
  } catch (const Poco::Exception& e) {
    return sdk::Status::invalid(key, "cannot expand the value: " + e.displayText());
  }
  return sdk::Status::ok();
}

bool wholeNumber(const std::string& text, int min, int max, int& out) {
  if (text.empty() || text.size() > 6) return false;
  if (!std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); }))
    return false;
  const int v = std::stoi(text);
  if (v < min || v > max) return false;
  out = v;
  return true;
}

}  // namespace

sdk::Result<std::vector<int>> parseSchedule(const std::string& text, const std::string& key) {
  std::vector<int> days;
  Poco::StringTokenizer parts(text, ",", Poco::StringTokenizer::TOK_TRIM);
  for (const auto& p : parts) {
    int d = 0;
    if (!wholeNumber(p, 0, 366, d)) {
      return sdk::Status::invalid(key, "\"" + text +
                                           "\" is not a list of days before the due date (e.g. "
                                           "30,14,7,0; each 0..366)");
    }
    if (std::find(days.begin(), days.end(), d) != days.end()) {
      return sdk::Status::invalid(key, "day " + p + " is listed twice");
    }
    days.push_back(d);
  }
  if (days.empty()) return sdk::Status::invalid(key, "must list at least one day");
  return days;
}

sdk::Result<MailConfig> MailConfig::load(const Poco::Util::AbstractConfiguration& config) {
  MailConfig c;
  std::string enabled, port, schedule, send_at, timeout;
  for (auto [key, out] : {std::pair<const char*, std::string*>{"mail.enabled", &enabled},
                          {"mail.host", &c.host},
                          {"mail.port", &port},
                          {"mail.from", &c.from},
                          {"mail.username", &c.username},
                          {"mail.password", &c.password},
                          {"mail.schedule", &schedule},
                          {"mail.send_at", &send_at},
                          {"mail.timeout_seconds", &timeout},
                          {"mail.base_url", &c.base_url}}) {
    const sdk::Status s = readString(config, key, *out);
    if (!s.isOk()) return s;
  }
  if (!enabled.empty()) {
    const std::string v = Poco::toLower(enabled);
    if (v != "true" && v != "false") {
      return sdk::Status::invalid("mail.enabled", "\"" + enabled + "\" is not true or false");
    }
    c.enabled = v == "true";
  }
  if (!port.empty() && !wholeNumber(port, 1, 65535, c.port)) {
    return sdk::Status::invalid("mail.port", "\"" + port + "\" is not a port 1..65535");
  }
  if (!timeout.empty() && !wholeNumber(timeout, 1, 600, c.timeout_seconds)) {
    return sdk::Status::invalid("mail.timeout_seconds", "\"" + timeout + "\" is not 1..600");
  }
  if (!schedule.empty()) {
    auto days = parseSchedule(schedule, "mail.schedule");
    if (!days.isOk()) return days.status();
    c.schedule = days.value();
  }
  if (!send_at.empty()) {
    const auto colon = send_at.find(':');
    if (send_at.size() != 5 || colon != 2 ||
        !wholeNumber(send_at.substr(0, 2), 0, 23, c.send_hour) ||
        !wholeNumber(send_at.substr(3, 2), 0, 59, c.send_minute)) {
      return sdk::Status::invalid("mail.send_at", "\"" + send_at + "\" is not HH:MM (e.g. 07:00)");
    }
  }
  if (c.username.empty() != c.password.empty()) {
    return sdk::Status::invalid(c.username.empty() ? "mail.username" : "mail.password",
                                "mail.username and mail.password go together");
  }
  if (!c.from.empty() && !isEmailAddress(c.from)) {
    return sdk::Status::invalid("mail.from", "\"" + c.from + "\" is not an e-mail address");
  }
  if (c.enabled && c.from.empty()) {
    return sdk::Status::invalid("mail.from", "is required when mail.enabled is true");
  }
  if (c.enabled && c.host.empty()) {
    return sdk::Status::invalid("mail.host", "is required when mail.enabled is true");
  }
  while (!c.base_url.empty() && c.base_url.back() == '/') c.base_url.pop_back();
  return c;
}

}  // namespace beacon::mail
