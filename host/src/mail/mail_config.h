// MailConfig: the daily digest's settings from the properties file (keys mail.*, see
// etc/beacon.properties and README "Configuration"), checked when loaded so a bad value fails
// naming its key. Off unless mail.enabled is true. Plain value; thread-safe.
#pragma once

#include <string>
#include <vector>

#include <Poco/Util/AbstractConfiguration.h>

#include "beacon/sdk/status.h"

namespace beacon::mail {

struct MailConfig {
  bool enabled = false;
  std::string host = "127.0.0.1";
  int port = 25;
  std::string from;      // the envelope and From address; required when enabled
  std::string username;  // with password: AUTH LOGIN; empty: no login
  std::string password;
  // Days before the due date on which a duty is in the digest; after the due date it is in it
  // every 7 days while overdue.
  std::vector<int> schedule = {30, 14, 7, 0};
  int send_hour = 7;  // mail.send_at, HH:MM local time, when `beacon serve` sends
  int send_minute = 0;
  int timeout_seconds = 30;  // mail.timeout_seconds: each SMTP exchange
  std::string base_url;      // mail.base_url: prefix of the links in the digest ("" : paths only)

  static sdk::Result<MailConfig> load(const Poco::Util::AbstractConfiguration& config);
};

// "30,14,7,0" as days (each 0..366, no repeats); invalid naming `key` otherwise.
sdk::Result<std::vector<int>> parseSchedule(const std::string& text, const std::string& key);

}  // namespace beacon::mail
