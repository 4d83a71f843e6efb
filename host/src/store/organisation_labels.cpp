#include "store/organisation_labels.h"

#include <algorithm>

#include "store/id_list_scan.h"

namespace beacon::store {

std::unordered_map<sdk::RecordId, OrganisationLabel> readOrganisationLabels(
    Poco::Data::Session& session, std::vector<sdk::RecordId> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::unordered_map<sdk::RecordId, OrganisationLabel> out;
  RowScanner scanner(session);
  scanByIdList(scanner, "SELECT id, name, code FROM organisations WHERE id IN ", ids, "",
               [&](const ScannedRow& r) {
                 out[r.int64(0)] = {r.text(1), r.text(2)};
               });
  return out;
}

}  // namespace beacon::store
