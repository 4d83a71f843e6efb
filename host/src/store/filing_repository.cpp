#include "store/filing_repository.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "store/record_json.h"
#include "store/record_voids.h"
#include "store/record_rows.h"
#include "store/row.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

sdk::RecordId FilingRepository::add(sdk::Filing& f, const Actor& actor) {
  Transaction tx(session_);
  Poco::Int64 id = 0;
  session_ << "INSERT INTO filings(plan_id, plan_version_id, target_body, submitted,"
              " registration_no, published, created_at) VALUES($1, $2, $3, $4, $5, $6, $7)"
              " RETURNING id",
      bind(static_cast<Poco::Int64>(f.plan_id)), bind(nullableId(f.plan_version_id)),
      bind(f.target_body), bind(f.submitted.toString()), bind(f.registration_no),
      bind(f.published.toString()), bind(isoTimestampNow()), into(id), now;
  f.id = id;
  audit_.append(actor, "create", "filing", id, "", stringify(toJson(f)));
  tx.commit();
  return id;
}

std::vector<sdk::Filing> FilingRepository::select(const std::string& where, sdk::RecordId arg) {
  Poco::Data::Statement st(session_);
  st << "SELECT id, plan_id, plan_version_id, target_body, submitted, registration_no, published"
        " FROM filings " + where + " ORDER BY submitted, id";
  if (!where.empty()) st, bind(static_cast<Poco::Int64>(arg));
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::vector<sdk::Filing> out;
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    Row row(rs, i);
    sdk::Filing f = filingFromRow(row);
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<sdk::Filing> FilingRepository::listForPlan(sdk::RecordId plan_id) {
  return plan_id == 0 ? select("", 0) : select("WHERE plan_id = $1", plan_id);
}

std::optional<sdk::Filing> FilingRepository::findById(sdk::RecordId id) {
  auto v = select("WHERE id = $1", id);
  if (v.empty()) return std::nullopt;
  return v.front();
}

void FilingRepository::correct(const sdk::Filing& before, const sdk::Filing& after, const Actor& actor,
                               const std::string& reason) {
  Transaction tx(session_);
  session_ << "UPDATE filings SET plan_version_id = $1, target_body = $2, submitted = $3, registration_no = $4,"
              " published = $5 WHERE id = $6",
      bind(nullableId(after.plan_version_id)), bind(after.target_body), bind(after.submitted.toString()),
      bind(after.registration_no), bind(after.published.toString()), bind(static_cast<Poco::Int64>(before.id)), now;
  appendCorrection(audit_, actor, RecordKind::Filing, before.id, toJson(before), toJson(after), reason);
  tx.commit();
}

}  // namespace beacon::store
