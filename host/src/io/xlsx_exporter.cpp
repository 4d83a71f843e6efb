#include "io/xlsx_exporter.h"

#include <set>

#include <Poco/Exception.h>

#include "io/csv_columns.h"
#include "io/export_session.h"
#include "io/import_kind.h"
#include "io/xlsx_error.h"
#include "io/xlsx_writer.h"
#include "store/storage_error.h"

namespace beacon::io {

namespace {

std::string sheetName(const std::string& kind, bool english) {
  if (english) return kind;
  if (kind == "organisations") return "组织机构";
  if (kind == "plans") return "应急预案";
  if (kind == "reviews") return "评审评估";
  if (kind == "filings") return "备案";
  if (kind == "drills") return "应急演练";
  if (kind == "corrective-actions") return "整改措施";
  if (kind == "publications") return "公开";
  if (kind == "drill-plans") return "年度演练计划";
  if (kind == "drill-evaluations") return "演练评估报告";
  return kind;
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
                       bool english) {
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
    k->exportRows(session, [&writer](std::vector<std::string> rec) { writer.writeRow(rec); });
    writer.close();
    return sdk::Status::ok();
  } catch (const XlsxError& e) {
    return sdk::Status::invalid("--format xlsx", e.message(english));
  } catch (const Poco::Exception& e) {
    store::throwIfStorageFailure(e, "export failed");
    return sdk::Status::error("export failed: " + e.displayText());
  }
}

}  // namespace beacon::io
