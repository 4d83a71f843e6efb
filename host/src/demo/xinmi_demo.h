// The illustrative data set "xinmi-2023" (示例数据): the organisation tree of
// 新密市 (departments, 13 townships, 4 sub-districts, villages and
// communities, key enterprises and fire-safety units) with plans, versions,
// reviews, filings, drills and corrective actions whose 2023 activity
// matches the city's 2023 report (section 六) and leaves a realistic mix of
// met and overdue duties as of 2023-12-31. Generated from a fixed seed, so
// every load writes the same records. Not thread-safe (writes through the
// Database's Session).
#pragma once

#include <string>
#include <vector>

#include "beacon/sdk/status.h"
#include "plugins/plugin_registry.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace beacon::demo {

// Names loadDemo accepts.
std::vector<std::string> demoNames();

// Loads the named data set into an empty, migrated database in one
// transaction, marked as demo data (store::isDemoData). Fails, writing
// nothing, for an unknown name, a database that already holds
// organisations, or a drill the registry's plugins would reject.
sdk::Status loadDemo(store::Database& db, const plugins::PluginRegistry& registry,
                     const std::string& name, const store::Actor& actor);

}  // namespace beacon::demo
