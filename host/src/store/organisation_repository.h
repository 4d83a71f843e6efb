// OrganisationRepository: persistence of the organisation tree (city,
// departments, townships, sub-districts, villages, communities, enterprises,
// institutions) and their per-domain attributes. Each write is one
// transaction with its audit entry. Not thread-safe (follows its Session).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"
#include "store/audit_log.h"

namespace beacon::store {

class OrganisationRepository {
 public:
  explicit OrganisationRepository(Poco::Data::Session& session) : session_(session), audit_(session) {}
  // Stores `org` (id is assigned) with its attributes. REQUIRES: validated input.
  sdk::RecordId add(sdk::Organisation& org, const Actor& actor);
  // Replaces name, parent and attributes of an existing organisation.
  void update(const sdk::Organisation& org, const Actor& actor);
  std::optional<sdk::Organisation> findById(sdk::RecordId id);
  std::optional<sdk::Organisation> findByCode(const std::string& code);
  // Every organisation with attributes, ordered by id.
  std::vector<sdk::Organisation> list();
  // `root` and every organisation below it.
  std::set<sdk::RecordId> subtree(sdk::RecordId root);
  // Every organisation's id with its parent's (0 for a root).
  std::map<sdk::RecordId, sdk::RecordId> parents();
  int count();

 private:
  std::vector<sdk::Organisation> select(const std::string& where, const std::string& arg);
  Poco::Data::Session& session_;
  AuditLog audit_;
};

}  // namespace beacon::store
