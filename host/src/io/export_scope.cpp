#include "io/export_scope.h"

namespace beacon::io {

ScopeColumn scopeColumn(const std::string& kind) {
  if (kind == "organisations") return {"code", false};
  if (kind == "plans") return {"owner_code", false};
  if (kind == "reviews" || kind == "filings" || kind == "publications") return {"plan_code", true};
  if (kind == "corrective-actions") return {"responsible_code", false};
  if (kind == "drills" || kind == "drill-plans" || kind == "drill-evaluations")
    return {"org_code", false};
  return {};
}

bool ExportScope::admits(const std::string& kind, const std::vector<CsvColumn>& columns,
                         const std::vector<std::string>& row) const {
  if (all) return true;
  const ScopeColumn owner = scopeColumn(kind);
  for (std::size_t i = 0; i < columns.size() && i < row.size(); ++i) {
    if (columns[i].id != owner.id) continue;
    return owner.plan ? plan_codes.count(row[i]) > 0 : org_codes.count(row[i]) > 0;
  }
  return false;
}

}  // namespace beacon::io
