// CSV export of organisations, plans (each with its current version) and
// drills, in the format importCsv reads back: UTF-8 with a byte-order mark
// (so Excel opens it), zh-CN headers by default or English ones; cells that
// a spreadsheet would run as formulas are neutralised (csv_cell_guard.h). Drills are
// read in pages, so memory does not grow with the table. Not thread-safe
// (follows the Database).
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "beacon/sdk/status.h"
#include "plugins/plugin_registry.h"
#include "store/database.h"

namespace beacon::io {

// Receives one data record (cells in CsvColumns::headers() order, as stored,
// not yet neutralised for spreadsheets).
using ExportSink = std::function<void(std::vector<std::string> record)>;

// The data records of `kind` (no header row), in the order exportCsv writes
// them, for other file formats (xlsx_exporter.h). Drills are read in pages.
sdk::Status exportRecords(store::Database& db, const plugins::PluginRegistry& registry,
                          const std::string& kind, bool english_headers, const ExportSink& sink);

// `kind` is organisations, plans or drills.
sdk::Status exportCsv(store::Database& db, const plugins::PluginRegistry& registry,
                      const std::string& kind, std::ostream& out, bool english_headers);

}  // namespace beacon::io
