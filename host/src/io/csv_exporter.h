// CSV export of every ledger kind (import_kind.h: organisations, plans with
// every version, reviews, filings, drills, corrective actions) in the format
// importFile reads back: UTF-8 with a byte-order mark (so Excel opens it),
// zh-CN headers by default or English ones; cells that a spreadsheet would
// run as formulas are neutralised (csv_cell_guard.h). Drills are read in
// pages, so memory does not grow with the table. Not thread-safe (follows
// the Database).
#pragma once

#include <ostream>
#include <string>

#include "beacon/sdk/status.h"
#include "io/export_scope.h"
#include "plugins/plugin_registry.h"
#include "store/database.h"

namespace beacon::io {

// `kind` is one of importKindIds(); only the rows `scope` admits are written.
sdk::Status exportCsv(store::Database& db, const plugins::PluginRegistry& registry,
                      const std::string& kind, std::ostream& out, bool english_headers,
                      const ExportScope& scope = ExportScope());

}  // namespace beacon::io
