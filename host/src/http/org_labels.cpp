#include "http/org_labels.h"

#include <algorithm>

#include "rules/row_scanner.h"

namespace beacon::http {

namespace {
const std::string kEmpty;
}

OrgLabels::OrgLabels(Poco::Data::Session& session, std::vector<sdk::RecordId> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (ids.empty()) return;
  std::string sql = "SELECT id, name, code FROM organisations WHERE id IN (";
  std::vector<std::string> params;
  params.reserve(ids.size());
  for (auto id : ids) {
    params.push_back(std::to_string(id));
    sql += (params.size() == 1 ? "CAST($" : ", CAST($") + std::to_string(params.size()) + " AS INTEGER)";
  }
  sql += ")";
  rules::RowScanner(session).scan(sql, params, [&](const rules::ScannedRow& r) {
    labels_[r.int64(0)] = Label{r.text(1), r.text(2)};
  });
}

const OrgLabels::Label* OrgLabels::find(sdk::RecordId id) const {
  auto it = labels_.find(id);
  return it == labels_.end() ? nullptr : &it->second;
}

const std::string& OrgLabels::name(sdk::RecordId id) const {
  const Label* l = find(id);
  return l ? l->name : kEmpty;
}

const std::string& OrgLabels::code(sdk::RecordId id) const {
  const Label* l = find(id);
  return l ? l->code : kEmpty;
}

}  // namespace beacon::http
