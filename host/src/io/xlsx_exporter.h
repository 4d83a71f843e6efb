// .xlsx export of every ledger kind (import_kind.h): the same records and
// headers as exportCsv (csv_exporter.h), one sheet named after the kind
// (组织机构 / 应急预案 / 评审评估 / 备案 / 应急演练 / 整改措施, or the kind's
// English id with English headers), written by XlsxWriter: dates as date
// cells, counts and version numbers as numbers, every other value as text,
// never a formula. The file imports back through importFile, which detects a
// workbook by its magic bytes. Memory stays bounded (drills are read in
// pages, rows are spooled to a temporary file). Not thread-safe (follows the
// Database).
#pragma once

#include <ostream>
#include <string>

#include "beacon/sdk/status.h"
#include "io/export_scope.h"
#include "plugins/plugin_registry.h"
#include "store/database.h"

namespace beacon::io {

// `kind` is one of importKindIds(); `english` picks the language of
// a refusal (a text longer than an Excel cell, more rows than a sheet holds);
// only the rows `scope` admits are written.
sdk::Status exportXlsx(store::Database& db, const plugins::PluginRegistry& registry,
                       const std::string& kind, std::ostream& out, bool english_headers,
                       bool english, const ExportScope& scope = ExportScope());

}  // namespace beacon::io
