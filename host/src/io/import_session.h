// ImportSession: the state one import shares with its kind: the database
// and registry, the resolved header, the language of messages, and the
// errors found so far, each naming its place through the RowSource
// (第N行，“列名”列：… / line N, column X: …). Also the value and reference
// helpers every kind uses (dates, numbers, choices, organisation and plan
// codes), so each reports a bad cell the same way. One per import; not
// thread-safe.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"
#include "io/csv_columns.h"
#include "io/import_kind.h"
#include "io/import_problem.h"
#include "io/row_source.h"
#include "plugins/plugin_registry.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace beacon::io {

inline constexpr std::size_t kMaxImportErrors = 20;

// What the audit entry of a bulk import records about its file.
struct ImportOrigin {
  std::string file;  // name without directories
  std::string sha256;
  std::string encoding;
};

class ImportSession {
 public:
  ImportSession(store::Database& db, const plugins::PluginRegistry& registry,
                const store::Actor& actor, const RowSource& source, const CsvColumns& columns,
                ImportOrigin origin, bool english);

  store::Database& db() { return db_; }
  const plugins::PluginRegistry& registry() const { return registry_; }
  const store::Actor& actor() const { return actor_; }
  const ImportOrigin& origin() const { return origin_; }
  bool english() const { return english_; }

  void setHeader(std::vector<ResolvedColumn> resolved);
  const std::vector<ResolvedColumn>& resolved() const { return resolved_; }
  bool has(const std::string& id) const { return index_.count(id) > 0; }
  // The cell of column `id`, trimmed (raw: as written); "" when the file has no such column.
  std::string get(const ImportRow& row, const std::string& id) const;
  std::string raw(const ImportRow& row, const std::string& id) const;
  // The header of column `id` as the file writes it (or its zh-CN / English name).
  std::string header(const std::string& id) const;
  // A service Status field (e.g. "org_id") is reported in column `id`.
  void mapField(const std::string& field, const std::string& id) { field_ids_[field] = id; }

  // Errors: `column_id` is a fixed column id; failAt takes a header as written.
  void fail(std::size_t line, const std::string& column_id, const std::string& zh,
            const std::string& en);
  void failAt(std::size_t line, const std::string& header, const std::string& zh,
              const std::string& en);
  void failRow(std::size_t line, const std::string& zh, const std::string& en);
  void failStatus(std::size_t line, const sdk::Status& status);
  bool failed() const { return !errors_.empty(); }
  bool tooManyErrors() const { return errors_.size() >= kMaxImportErrors; }
  const std::vector<std::string>& errors() const { return errors_; }
  // The same errors as data (sheet, line, column, message), in the same order.
  const std::vector<ImportProblem>& problems() const { return problems_; }
  // Records written, by record kind ("plans", "plan_versions"), for the import's answer; a kind
  // that counts nothing is reported as one record of the kind per row.
  void count(const std::string& record, std::size_t n = 1) { counts_[record] += n; }
  const std::map<std::string, std::size_t>& counts() const { return counts_; }
  // An error about the whole file (`text` already names any place it has);
  // added even past kMaxImportErrors.
  void failFile(const std::string& text);

  // Cell helpers: false when the cell is bad (the error is already reported).
  // An empty cell leaves `out` unchanged and is an error only when `required`.
  bool date(const ImportRow& row, const std::string& id, sdk::Date& out, bool required = false);
  bool integer(const ImportRow& row, const std::string& id, int& out);
  bool boolean(const ImportRow& row, const std::string& id, bool& out);
  // An organisation / plan named by its code in column `id`.
  std::optional<sdk::RecordId> orgByCode(const ImportRow& row, const std::string& id);
  std::optional<sdk::Plan> planByCode(const ImportRow& row, const std::string& id);
  // The id of the version numbered in column `id` of `plan`; when the cell is
  // empty, its current version (0 if it has none: the service names that).
  std::optional<sdk::RecordId> versionOf(const ImportRow& row, const std::string& id,
                                         const sdk::Plan& plan);
  // A domain given by its plugin id or its zh-CN / English name: the id (the text if none).
  std::string domainId(const std::string& text) const;
  // A drill type given by its id or its zh-CN / English label, of `domain`'s plugin when it is
  // not empty: the id (the text if none).
  std::string drillTypeId(const std::string& text, const std::string& domain = "") const;
  // For the kinds about one plan version (columns plan_code and plan_version): a service
  // Status naming plan_id, plan_version_id or `version_field` is reported in those columns.
  void mapPlanVersionFields(const std::string& version_field = "plan_version_id");
  // The plan in column plan_code and the id of the version in plan_version (versionOf).
  std::optional<std::pair<sdk::Plan, sdk::RecordId>> planVersion(const ImportRow& row);

 private:
  std::string columnForField(const std::string& field) const;
  void add(std::size_t line, const std::string& column, const std::string& zh, const std::string& en);

  store::Database& db_;
  const plugins::PluginRegistry& registry_;
  const store::Actor& actor_;
  const RowSource& source_;
  const CsvColumns& columns_;
  ImportOrigin origin_;
  bool english_;
  std::vector<ResolvedColumn> resolved_;
  std::map<std::string, std::size_t> index_;      // column id -> position
  std::map<std::string, std::string> field_ids_;  // Status field -> column id
  std::vector<std::string> errors_;
  std::vector<ImportProblem> problems_;
  std::map<std::string, std::size_t> counts_;
};

// Quotes a value in the message's language: “x” (zh-CN) or "x" (en).
std::string quoteZh(const std::string& value);
std::string quoteEn(const std::string& value);

}  // namespace beacon::io
