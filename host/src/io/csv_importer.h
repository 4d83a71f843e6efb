// Bulk import of the ledger: organisations, plans with their version
// history, reviews and evaluations, filings, drills and corrective actions
// (import_kind.h; docs/csv-format.md). importRows reads any RowSource (a CSV
// file, an .xlsx sheet); importFile opens a file: an Excel workbook
// (recognised by its first bytes, xlsx_reader.h) through XlsxRowSource, any
// other file as CSV, UTF-8 (with or without BOM) or GBK. Headers may be zh-CN or English. Every row goes through the
// service layer's validation, and every error names its place (第N行，“列名”列
// in zh-CN by default, line N, column X in English). All-or-nothing: the
// whole import is one transaction, and a file with any bad row writes
// nothing (up to kMaxImportErrors errors are reported). A row that repeats
// a stored record is refused as a duplicate, naming its line.
// Not thread-safe (follows the Database).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "beacon/sdk/status.h"
#include "io/import_problem.h"
#include "io/import_scope.h"
#include "io/import_session.h"
#include "io/row_source.h"
#include "io/xlsx_reader.h"
#include "plugins/plugin_registry.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace beacon::io {

struct ImportOptions {
  std::string kind;              // one of importKindIds()
  bool english_headers = false;  // informational: both header languages are always accepted
  bool english = false;          // messages in English (zh-CN by default)
  std::function<void(std::size_t done_bytes, std::size_t total_bytes)> progress;
  std::string sheet;  // .xlsx: the sheet to read by its tab name (default: the first)
  XlsxLimits xlsx_limits;
  std::string file_name;  // the name the audit entry records (default: the path's file name)
  ImportScope scope;      // the organisations rows may belong to (default: all; import_scope.h)
};

struct ImportReport {
  std::size_t rows = 0;  // data rows read (written when errors is empty)
  std::vector<std::string> errors;  // "第17行，“演练日期”列：…" / "line 17, column 演练日期: ..."
  std::vector<ImportProblem> problems;  // the same errors as data, in the same order
  // Records written by record kind: {"plans": 3, "plan_versions": 5}; {kind: rows} for a kind
  // whose rows are one record each. Empty when errors is not.
  std::map<std::string, std::size_t> counts;
};

// A failed Result (file unreadable, unknown kind, database failure) or a
// report with errors means nothing was written.
sdk::Result<ImportReport> importFile(store::Database& db, const plugins::PluginRegistry& registry,
                                    const std::string& path, const ImportOptions& options,
                                    const store::Actor& actor);
sdk::Result<ImportReport> importRows(store::Database& db, const plugins::PluginRegistry& registry,
                                     RowSource& source, const ImportOrigin& origin,
                                     const ImportOptions& options, const store::Actor& actor);

}  // namespace beacon::io
