// Demo logins: on a database holding the illustrative demo data set and no
// accounts yet, `beacon serve` creates three accounts (city administrator,
// a township's staff, a village's staff) with a published password so the
// demo can be tried at once; on any other database it creates nothing.
// Controlled by web.demo_accounts. Not thread-safe (writes through the
// Database).
#pragma once

#include <string>
#include <vector>

#include "beacon/sdk/status.h"
#include "http/web_config.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace beacon::http {

struct DemoLogin {
  std::string username;
  std::string password;
  std::string description;
};

inline constexpr const char* kDemoPassword = "beacon-demo-2023";

// The logins created now (empty when none were needed or allowed).
sdk::Result<std::vector<DemoLogin>> ensureDemoAccounts(store::Database& db, const WebConfig& config,
                                                       const store::Actor& actor);

}  // namespace beacon::http
