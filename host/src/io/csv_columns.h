// CsvColumns: the column set of one import kind: fixed columns with their
// English id and zh-CN header (and accepted aliases), plus, for the kinds
// that carry them, the enabled plugins' fields (drill fields as
// "field:<name>" or their zh-CN label; organisation attributes as
// "attr:<domain>.<field>", "<domain>.<field>" or "<插件名>:<zh label>").
// Resolves a file's header row and reports unknown, duplicate or missing
// columns by name. Immutable after construction; the registry must outlive it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "plugins/plugin_registry.h"

namespace beacon::io {

struct CsvColumn {
  std::string id;  // English header, e.g. "org_code"
  std::string zh;  // zh-CN header, e.g. "组织编码"
  std::vector<std::string> aliases;
  bool required = false;
};

// Which plugin-defined columns a kind takes after its fixed ones.
enum class PluginColumns { None, OrganisationAttributes, DrillFields };

// One column of a file's header, resolved.
struct ResolvedColumn {
  std::string header;     // as written in the file
  std::string id;         // fixed column id, or "" for a plugin field
  std::string field_key;  // plugin field: drill field name / "<domain>.<field>" attribute key
  std::map<std::string, std::string> field_by_domain;  // drills: domain -> field name
};

// A header row that cannot be used: the column (as written, or zh/en of a
// missing one) and the reason in both languages.
struct HeaderProblem {
  std::string column;
  std::string zh;
  std::string en;
};

class CsvColumns {
 public:
  CsvColumns(const plugins::PluginRegistry& registry, std::vector<CsvColumn> fixed,
             PluginColumns plugin);
  const std::vector<CsvColumn>& fixed() const { return fixed_; }
  // The header row to write: fixed columns then plugin fields.
  std::vector<std::string> headers(bool english) const;
  // Plugin field keys in header order (drill field names or attribute keys).
  const std::vector<std::string>& fieldKeys() const { return field_keys_; }
  // Resolves the header row into `out`, or says what is wrong with it.
  std::optional<HeaderProblem> resolve(const std::vector<std::string>& header,
                                       std::vector<ResolvedColumn>& out) const;

 private:
  std::optional<ResolvedColumn> match(const std::string& header) const;
  const plugins::PluginRegistry& registry_;
  PluginColumns plugin_;
  std::vector<CsvColumn> fixed_;
  std::vector<std::string> field_keys_;
  std::vector<std::string> field_zh_;
  std::vector<std::string> field_en_;
};

}  // namespace beacon::io
