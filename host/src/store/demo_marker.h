// The mark a demo data set (demo::loadDemo) leaves in a database: one audit entry under
// kDemoAuditEntity. Read by what must label its output as illustrative (the summaries' footnote,
// the web server's demo accounts) without depending on the layer that writes the data set.
// Not thread-safe (follows the Database).
#pragma once

#include "store/database.h"

namespace beacon::store {

// The audit entity that marks a database as holding demo data.
inline constexpr const char* kDemoAuditEntity = "demo_dataset";

// True when the database holds a demo data set (its records are illustrative).
bool isDemoData(Database& db);

}  // namespace beacon::store
