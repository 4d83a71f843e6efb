#include "io/xlsx_exporter.h"

#include <set>

#include "io/csv_columns.h"
#include "io/csv_exporter.h"
#include "io/xlsx_error.h"
#include "io/xlsx_writer.h"

namespace beacon::io {

namespace {

std::string sheetName(const std::string& kind, bool english) {
  if (english) return kind;
  if (kind == "organisations") return "组织机构";
  if (kind == "plans") return "应急预案";
  return "应急演练";
}

}  // namespace

sdk::Status exportXlsx(store::Database& db, const plugins::PluginRegistry& registry,
                       const std::string& kind, std::ostream& out, bool english_headers,
                       bool english) {
  if (!CsvColumns::isKind(kind)) {
    return sdk::Status::invalid("kind",
                                "\"" + kind + "\" is not one of organisations, plans, drills");
  }
  const std::set<std::string> dates = {"date", "issued", "effective"};
  const std::set<std::string> numbers = {"participants", "evacuees", "plan_version"};
  CsvColumns cols(registry, kind);
  std::vector<XlsxColumn> columns;
  for (const auto& header : cols.headers(english_headers))
    columns.push_back({header, XlsxCellType::Text});
  for (std::size_t i = 0; i < cols.fixed().size(); ++i) {  // fixed columns come first
    if (dates.count(cols.fixed()[i].id)) columns[i].type = XlsxCellType::Date;
    if (numbers.count(cols.fixed()[i].id)) columns[i].type = XlsxCellType::Number;
  }
  try {
    XlsxWriter writer(out, sheetName(kind, english_headers), std::move(columns));
    auto s = exportRecords(db, registry, kind, english_headers,
                           [&](std::vector<std::string> rec) { writer.writeRow(rec); });
    if (!s.isOk()) return s;
    writer.close();
    return sdk::Status::ok();
  } catch (const XlsxError& e) {
    return sdk::Status::invalid("--format xlsx", e.message(english));
  }
}

}  // namespace beacon::io
