#include "store/review_repository.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "store/record_json.h"
#include "store/record_voids.h"
#include "store/record_rows.h"
#include "store/row.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

sdk::RecordId ReviewRepository::add(sdk::Review& r, const Actor& actor) {
  Transaction tx(session_);
  Poco::Int64 id = 0;
  session_ << "INSERT INTO reviews(plan_id, plan_version_id, kind, review_date, reviewers,"
              " conclusion, findings, created_at) VALUES($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      bind(static_cast<Poco::Int64>(r.plan_id)), bind(nullableId(r.plan_version_id)),
      bind(std::string(sdk::toId(r.kind))), bind(r.date.toString()), bind(r.reviewers),
      bind(std::string(sdk::toId(r.conclusion))), bind(r.findings), bind(isoTimestampNow()),
      into(id), now;
  r.id = id;
  audit_.append(actor, "create", "review", id, "", stringify(toJson(r)));
  tx.commit();
  return id;
}

std::vector<sdk::Review> ReviewRepository::select(const std::string& where, sdk::RecordId arg) {
  Poco::Data::Statement st(session_);
  st << "SELECT id, plan_id, plan_version_id, kind, review_date, reviewers, conclusion, findings"
        " FROM reviews " + where + " ORDER BY review_date, id";
  if (!where.empty()) st, bind(static_cast<Poco::Int64>(arg));
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::vector<sdk::Review> out;
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    Row row(rs, i);
    sdk::Review r = reviewFromRow(row);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<sdk::Review> ReviewRepository::listForPlan(sdk::RecordId plan_id) {
  return plan_id == 0 ? select("", 0) : select("WHERE plan_id = $1", plan_id);
}

std::optional<sdk::Review> ReviewRepository::findById(sdk::RecordId id) {
  auto v = select("WHERE id = $1", id);
  if (v.empty()) return std::nullopt;
  return v.front();
}

void ReviewRepository::correct(const sdk::Review& before, const sdk::Review& after, const Actor& actor,
                               const std::string& reason) {
  Transaction tx(session_);
  session_ << "UPDATE reviews SET plan_version_id = $1, kind = $2, review_date = $3, reviewers = $4,"
              " conclusion = $5, findings = $6 WHERE id = $7",
      bind(nullableId(after.plan_version_id)), bind(std::string(sdk::toId(after.kind))), bind(after.date.toString()),
      bind(after.reviewers), bind(std::string(sdk::toId(after.conclusion))), bind(after.findings),
      bind(static_cast<Poco::Int64>(before.id)), now;
  appendCorrection(audit_, actor, RecordKind::Review, before.id, toJson(before), toJson(after), reason);
  tx.commit();
}

}  // namespace beacon::store
