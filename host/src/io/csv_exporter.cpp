#include "io/csv_exporter.h"

#include <Poco/Exception.h>

#include "io/csv_cell_guard.h"
#include "io/csv_writer.h"
#include "io/export_session.h"
#include "io/import_kind.h"
#include "store/storage_error.h"

namespace beacon::io {

sdk::Status exportCsv(store::Database& db, const plugins::PluginRegistry& registry,
                      const std::string& kind, std::ostream& out, bool english_headers,
                      const ExportScope& scope) {
  auto k = makeImportKind(kind);
  if (!k) {
    std::string list;
    for (const auto& id : importKindIds()) list += (list.empty() ? "" : ", ") + id;
    return sdk::Status::invalid("kind", "\"" + kind + "\" is not one of " + list);
  }
  try {
    const CsvColumns cols(registry, k->columns(), k->pluginColumns());
    ExportSession session(db, registry, cols, english_headers);
    CsvWriter w(out);
    w.writeBom();
    w.writeRecord(cols.headers(english_headers));
    k->exportRows(session, [&](std::vector<std::string> rec) {
      if (!scope.admits(kind, cols.fixed(), rec)) return;
      for (auto& cell : rec) cell = guardCell(cell);
      w.writeRecord(rec);
    });
    if (!out) return sdk::Status::unavailable("could not write the CSV output");
    return sdk::Status::ok();
  } catch (const Poco::Exception& e) {
    store::throwIfStorageFailure(e, "export failed");
    return store::failureStatus(e, "export failed: " + e.displayText());
  }
}

}  // namespace beacon::io
