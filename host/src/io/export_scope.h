// ExportScope: the rows an export keeps, for a caller who may read only part
// of the city (a township's subtree): the codes of the organisations in
// scope and of the plans they own. A row is in scope when the column that
// names its owner (scopeColumn: an organisation's own code, a plan's
// 编制单位编码, a drill's 组织编码, a corrective action's 责任单位编码, or the
// 预案编码 of a review, filing or publication) holds one of those codes.
// `all` (the default) keeps every row. Plain value.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "io/csv_columns.h"

namespace beacon::io {

struct ExportScope {
  bool all = true;
  std::set<std::string> org_codes;
  std::set<std::string> plan_codes;

  // Whether `row` (cells in the order of `columns`) of `kind` falls in scope.
  bool admits(const std::string& kind, const std::vector<CsvColumn>& columns,
              const std::vector<std::string>& row) const;
};

// The column id that names a row's owner in `kind`, and whether it holds a
// plan code (else an organisation code); "" for an unknown kind.
struct ScopeColumn {
  std::string id;
  bool plan = false;
};
ScopeColumn scopeColumn(const std::string& kind);

}  // namespace beacon::io
