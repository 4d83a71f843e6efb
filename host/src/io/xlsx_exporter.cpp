#include "io/xlsx_exporter.h"

#include <set>

#include <Poco/Exception.h>

#include "io/csv_columns.h"
#include "io/export_session.h"
#include "io/import_kind.h"
#include "io/kind_label.h"
#include "io/xlsx_error.h"
#include "io/xlsx_writer.h"
#include "store/storage_error.h"

namespace beacon::io {

namespace {

std::string sheetName(const std::string& kind, bool english) {
  return english ? kind : kindLabelZh(kind);
}

// How each fixed column of the ledger kinds is written (every other one as text).
XlsxCellType cellType(const std::string& column_id) {
  static const std::set<std::string> dates = {"date",        "issued",    "effective",
                                              "submitted",   "published", "due",
                                              "source_date", "made_on",   "drill_date"};
  static const std::set<std::string> numbers = {"participants", "evacuees",     "plan_version",
                                                "version",      "source_index", "year",
                                                "month",        "drill_index"};
  if (dates.count(column_id)) return XlsxCellType::Date;
  if (numbers.count(column_id)) return XlsxCellType::Number;
  return XlsxCellType::Text;
}

}  // namespace

sdk::Status exportXlsx(store::Database& db, const plugins::PluginRegistry& registry,
                       const std::string& kind, std::ostream& out, bool english_headers,
                       bool english, const ExportScope& scope) {
  auto k = makeImportKind(kind);
  if (!k) {
    std::string list;
    for (const auto& id : importKindIds()) list += (list.empty() ? "" : ", ") + id;
    return sdk::Status::invalid("kind", "\"" + kind + "\" is not one of " + list);
  }
  try {
    const CsvColumns cols(registry, k->columns(), k->pluginColumns());
    std::vector<XlsxColumn> columns;
    for (const auto& header : cols.headers(english_headers)) columns.push_back({header, XlsxCellType::Text});
    for (std::size_t i = 0; i < cols.fixed().size(); ++i) {  // fixed columns come first
      columns[i].type = cellType(cols.fixed()[i].id);
    }
    ExportSession session(db, registry, cols, english_headers);
    XlsxWriter writer(out, sheetName(kind, english_headers), std::move(columns));
    k->exportRows(session, [&](std::vector<std::string> rec) {
      if (scope.admits(kind, cols.fixed(), rec)) writer.writeRow(rec);
    });
    writer.close();
    return sdk::Status::ok();
  } catch (const XlsxError& e) {
    return sdk::Status::invalid("--format xlsx", e.message(english));
  } catch (const Poco::Exception& e) {
    store::throwIfStorageFailure(e, "export failed");
    return store::failureStatus(e, "export failed: " + e.displayText());
  }
}

}  // namespace beacon::io
