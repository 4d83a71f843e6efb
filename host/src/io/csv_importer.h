// CSV import of organisations, plans (with their first version) and drills.
// The file may be UTF-8 (with or without BOM) or GBK; headers may be zh-CN
// or English (see docs/csv-format.md). Every row goes through the service
// layer's validation, and every error names its CSV line and column.
// A file that starts like a workbook (zip or OLE2 magic bytes, whatever its
// name) is read as .xlsx by XlsxReader instead, row by row through the same
// checks; its errors name the sheet, row and column (zh-CN, or English).
// All-or-nothing: the whole import is one transaction, and a file with any
// bad row writes nothing (up to kMaxImportErrors errors are reported).
// Drills are stored in chunks with DrillRepository::addBatch and one audit
// entry for the whole import. Not thread-safe (follows the Database).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "beacon/sdk/status.h"
#include "io/xlsx_reader.h"
#include "plugins/plugin_registry.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace beacon::io {

inline constexpr std::size_t kMaxImportErrors = 20;

struct ImportOptions {
  std::string kind;  // organisations | plans | drills
  bool english_headers = false;  // informational: both header languages are always accepted
  bool english = false;  // row messages of the service checks in English (zh-CN by default)
  std::function<void(std::size_t done_bytes, std::size_t total_bytes)> progress;
  std::string sheet;  // .xlsx: the sheet to read by its tab name (default: the first)
  XlsxLimits xlsx_limits;
};

struct ImportReport {
  std::size_t rows = 0;  // data rows read (written when errors is empty)
  // "line 17, column 演练日期: ..."; .xlsx: "工作表“应急演练”第 17 行，列“演练日期”：..."
  // ("sheet "应急演练", row 17, column 演练日期: ..." with options.english).
  std::vector<std::string> errors;
};

// A failed Result (file unreadable, unknown kind, database failure) or a
// report with errors means nothing was written.
sdk::Result<ImportReport> importCsv(store::Database& db, const plugins::PluginRegistry& registry,
                                    const std::string& path, const ImportOptions& options,
                                    const store::Actor& actor);

}  // namespace beacon::io
