#include "store/organisation_repository.h"

#include <map>

#include <Poco/Data/Statement.h>

#include "store/record_json.h"
#include "store/record_rows.h"
#include "store/row.h"
#include "store/row_scanner.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {
void insertAttributes(Poco::Data::Session& s, sdk::RecordId id, const sdk::FieldValues& attrs) {
  for (const auto& [name, value] : attrs) {
    s << "INSERT INTO organisation_attributes(org_id, name, value) VALUES($1, $2, $3)",
        bind(static_cast<Poco::Int64>(id)), bind(name), bind(value), now;
  }
}
}  // namespace

sdk::RecordId OrganisationRepository::add(sdk::Organisation& org, const Actor& actor) {
  Transaction tx(session_);
  Poco::Int64 id = 0;
  session_ << "INSERT INTO organisations(code, name, kind, parent_id, created_at)"
              " VALUES($1, $2, $3, $4, $5) RETURNING id",
      bind(org.code), bind(org.name), bind(std::string(sdk::toId(org.kind))),
      bind(nullableId(org.parent_id)), bind(isoTimestampNow()), into(id), now;
  org.id = id;
  insertAttributes(session_, id, org.attributes);
  audit_.append(actor, "create", "organisation", id, "", stringify(toJson(org)));
  tx.commit();
  return id;
}

void OrganisationRepository::update(const sdk::Organisation& org, const Actor& actor) {
  Transaction tx(session_);
  auto before = findById(org.id);
  session_ << "UPDATE organisations SET name = $1, kind = $2, parent_id = $3 WHERE id = $4",
      bind(org.name), bind(std::string(sdk::toId(org.kind))), bind(nullableId(org.parent_id)),
      bind(static_cast<Poco::Int64>(org.id)), now;
  session_ << "DELETE FROM organisation_attributes WHERE org_id = $1",
      bind(static_cast<Poco::Int64>(org.id)), now;
  insertAttributes(session_, org.id, org.attributes);
  audit_.append(actor, "update", "organisation", org.id, before ? stringify(toJson(*before)) : "",
                stringify(toJson(org)));
  tx.commit();
}

std::vector<sdk::Organisation> OrganisationRepository::select(const std::string& where,
                                                              const std::string& arg) {
  std::vector<sdk::Organisation> out;
  std::map<sdk::RecordId, std::size_t> index;
  RowScanner scanner(session_);
  scanner.scan(
      "SELECT id, code, name, kind, parent_id FROM organisations " + where + " ORDER BY id",
      arg.empty() ? std::vector<std::string>{} : std::vector<std::string>{arg},
      [&](const ScannedRow& r) {
        sdk::Organisation o = organisationFromRow(r);
        index[o.id] = out.size();
        out.push_back(std::move(o));
      });
  if (out.empty()) return out;
  const auto attribute = [&](const ScannedRow& r) {
    auto it = index.find(r.int64(0));
    if (it != index.end()) out[it->second].attributes[r.text(1)] = r.text(2);
  };
  if (out.size() == 1) {
    scanner.scan("SELECT org_id, name, value FROM organisation_attributes WHERE org_id = $1",
                 {std::to_string(out[0].id)}, attribute);
  } else {
    scanner.scan("SELECT org_id, name, value FROM organisation_attributes", {}, attribute);
  }
  return out;
}

std::optional<sdk::Organisation> OrganisationRepository::findById(sdk::RecordId id) {
  auto v = select("WHERE id = $1", std::to_string(id));
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::optional<sdk::Organisation> OrganisationRepository::findByCode(const std::string& code) {
  if (code.empty()) return std::nullopt;
  auto v = select("WHERE code = $1", code);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::vector<sdk::Organisation> OrganisationRepository::list() { return select("", ""); }

std::map<sdk::RecordId, sdk::RecordId> OrganisationRepository::parents() {
  std::vector<Poco::Int64> ids;
  std::vector<Poco::Int64> parent_ids;
  session_ << "SELECT id, COALESCE(parent_id, 0) FROM organisations", into(ids), into(parent_ids), now;
  std::map<sdk::RecordId, sdk::RecordId> out;
  for (std::size_t i = 0; i < ids.size(); ++i) out.emplace(ids[i], parent_ids[i]);
  return out;
}

std::set<sdk::RecordId> OrganisationRepository::subtree(sdk::RecordId root) {
  std::multimap<sdk::RecordId, sdk::RecordId> children;
  for (const auto& [id, parent] : parents()) children.emplace(parent, id);
  std::set<sdk::RecordId> out{root};
  std::vector<sdk::RecordId> pending{root};
  while (!pending.empty()) {
    const auto id = pending.back();
    pending.pop_back();
    auto range = children.equal_range(id);
    for (auto it = range.first; it != range.second; ++it) {
      if (out.insert(it->second).second) pending.push_back(it->second);
    }
  }
  return out;
}

int OrganisationRepository::count() {
  int n = 0;
  session_ << "SELECT COUNT(*) FROM organisations", into(n), now;
  return n;
}

}  // namespace beacon::store
