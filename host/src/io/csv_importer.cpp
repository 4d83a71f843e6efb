#include "io/csv_importer.h"

#include <algorithm>
#include <memory>

#include <Poco/Exception.h>
#include <Poco/Path.h>

#include "io/csv_error.h"
#include "io/csv_row_source.h"
#include "io/import_kind.h"
#include "io/xlsx_error.h"
#include "io/xlsx_row_source.h"
#include "store/bulk_load.h"
#include "store/storage_error.h"
#include "store/transaction.h"

namespace beacon::io {

namespace {

constexpr std::size_t kProgressEvery = 2000;

std::string kindList() {
  std::string out;
  for (const auto& k : importKindIds()) out += (out.empty() ? "" : ", ") + k;
  return out;
}

// Reports a syntax error of the source at its place.
void reportCsvError(ImportSession& session, const CsvError& e) {
  session.failRow(e.line(), e.detail(false), e.detail(true));
}

}  // namespace

sdk::Result<ImportReport> importRows(store::Database& db, const plugins::PluginRegistry& registry,
                                     RowSource& source, const ImportOrigin& origin,
                                     const ImportOptions& options, const store::Actor& actor) {
  auto kind = makeImportKind(options.kind);
  if (!kind)
    return sdk::Status::invalid("kind", "\"" + options.kind + "\" is not one of " + kindList());
  const CsvColumns columns(registry, kind->columns(), kind->pluginColumns());
  ImportSession session(db, registry, actor, source, columns, origin, options.english);
  ImportScopeCheck scope(session, options.kind, options.scope);
  ImportReport report;
  std::size_t last_progress_rows = 0;
  auto progress = [&](bool force) {
    if (!options.progress) return;
    if (!force && report.rows - last_progress_rows < kProgressEvery) return;
    last_progress_rows = report.rows;
    options.progress(std::min(source.totalBytes(), source.bytesRead()), source.totalBytes());
  };
  try {
    const store::BulkLoad bulk(db.session());
    store::Transaction tx(db.session());
    CsvRecord rec;
    bool header_done = false;
    ImportRow row;
    while (!session.tooManyErrors()) {
      try {
        if (!source.next(rec)) break;
      } catch (const CsvError& e) {
        reportCsvError(session, e);
        break;
      } catch (const XlsxError& e) {  // already names the sheet and cell
        session.failFile(e.message(options.english));
        break;
      }
      if (!header_done) {
        std::vector<ResolvedColumn> resolved;
        if (auto problem = columns.resolve(rec.fields, resolved)) {
          session.failAt(rec.line, problem->column, problem->zh, problem->en);
          break;
        }
        session.setHeader(std::move(resolved));
        kind->begin(session);
        header_done = true;
        continue;
      }
      ++report.rows;
      if (rec.fields.size() != session.resolved().size()) {
        const std::string got = std::to_string(rec.fields.size()),
                          want = std::to_string(session.resolved().size());
        session.failRow(rec.line, "有 " + got + " 个字段，而表头有 " + want + " 列",
                        "has " + got + " fields but the header has " + want);
        continue;
      }
      row.line = rec.line;
      row.values.swap(rec.fields);
      if (scope.admits(row)) {
        kind->importRow(session, row);
        scope.imported(row);
      }
      progress(false);
    }
    if (!header_done && !session.failed())
      session.failRow(1, "文件为空（没有表头行）", "the file is empty (no header row)");
    if (session.tooManyErrors()) {
      const std::string n = std::to_string(kMaxImportErrors);
      session.failFile(options.english ? "stopped after " + n + " errors; nothing was imported"
                                       : "已达 " + n + " 个错误，停止检查；未导入任何记录");
    }
    report.errors = session.errors();
    report.problems = session.problems();
    if (!report.errors.empty()) return report;  // the transaction rolls back
    kind->finish(session);
    tx.commit();
    report.counts = session.counts();
    if (report.counts.empty()) report.counts[options.kind] = report.rows;
    progress(true);
    return report;
  } catch (const Poco::Exception& e) {
    store::throwIfStorageFailure(e, "import failed, nothing was written");
    return store::failureStatus(e, "import failed, nothing was written: " + e.displayText());
  } catch (const std::exception& e) {
    return sdk::Status::internal(std::string("import failed, nothing was written: ") + e.what());
  }
}

sdk::Result<ImportReport> importFile(store::Database& db, const plugins::PluginRegistry& registry,
                                     const std::string& path, const ImportOptions& options,
                                     const store::Actor& actor) {
  if (!makeImportKind(options.kind)) {
    return sdk::Status::invalid("kind", "\"" + options.kind + "\" is not one of " + kindList());
  }
  const std::string file =
      options.file_name.empty() ? Poco::Path(path).getFileName() : options.file_name;
  if (looksLikeWorkbook(path)) {
    std::unique_ptr<XlsxRowSource> source;
    try {
      source = std::make_unique<XlsxRowSource>(path, options.sheet, options.xlsx_limits);
    } catch (const XlsxError& e) {
      ImportReport report;
      report.errors.push_back(e.message(options.english) +
                              (options.english ? "; nothing was imported" : "；未导入任何记录"));
      report.problems.push_back({"", 0, "", report.errors.back()});
      return report;
    }
    ImportOrigin origin{file, source->sha256(), "xlsx (" + source->sheetName() + ")"};
    return importRows(db, registry, *source, origin, options, actor);
  }
  std::unique_ptr<CsvRowSource> source;
  try {
    source = std::make_unique<CsvRowSource>(path);
  } catch (const CsvError& e) {
    if (e.line() == 0) return sdk::Status::invalid("", e.detail(options.english));
    ImportReport report;
    report.errors.push_back(formatLocation("", e.line(), "", options.english) +
                            (options.english ? ": " : "：") + e.detail(options.english));
    report.problems.push_back({"", e.line(), "", e.detail(options.english)});
    return report;
  }
  ImportOrigin origin{file, source->info().sha256, toId(source->info().encoding)};
  return importRows(db, registry, *source, origin, options, actor);
}

}  // namespace beacon::io
