// ImportKind: one kind of ledger record (organisations, plans with their
// version history, reviews, filings, drills, corrective actions,
// publications, annual drill plans, drill evaluation reports) as a file
// holds it: its columns (zh-CN and English headers), how one row becomes a
// service call, and how the stored records are written back as rows in the
// same format. The importer and exporter drive every kind the same way, from
// any RowSource. One instance per import or export; not thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "io/csv_columns.h"

namespace beacon::io {

class ImportSession;
class ExportSession;

// Receives one exported data row, cells in header order.
using RowSink = std::function<void(std::vector<std::string>)>;

// One data row of a file: its line and its cells, parallel to the resolved header.
struct ImportRow {
  std::size_t line = 0;
  std::vector<std::string> values;
};

class ImportKind {
 public:
  virtual ~ImportKind() = default;
  virtual std::vector<CsvColumn> columns() const = 0;
  virtual PluginColumns pluginColumns() const { return PluginColumns::None; }
  // Once, inside the import's transaction, after the header is resolved.
  virtual void begin(ImportSession& session) { (void)session; }
  // Validates `row` through the service layer and stores it, or reports
  // what is wrong (ImportSession::fail*). Later rows may refer to it.
  virtual void importRow(ImportSession& session, const ImportRow& row) = 0;
  // After the last row, only when no row failed (batches, audit entries).
  virtual void finish(ImportSession& session) { (void)session; }
  // Every stored record (voided ones excluded) in import order.
  virtual void exportRows(ExportSession& session, const RowSink& sink) = 0;
};

// The kinds in dependency order (a file may only name records of kinds before it).
const std::vector<std::string>& importKindIds();
// nullptr for an unknown kind.
std::unique_ptr<ImportKind> makeImportKind(const std::string& kind);

// Each kind's factory (import_<kind>.cpp).
std::unique_ptr<ImportKind> makeOrganisationImport();
std::unique_ptr<ImportKind> makePlanImport();
std::unique_ptr<ImportKind> makeReviewImport();
std::unique_ptr<ImportKind> makeFilingImport();
std::unique_ptr<ImportKind> makeDrillImport();
std::unique_ptr<ImportKind> makeCorrectiveActionImport();
std::unique_ptr<ImportKind> makePublicationImport();
std::unique_ptr<ImportKind> makeDrillPlanImport();
std::unique_ptr<ImportKind> makeDrillEvaluationImport();

}  // namespace beacon::io
