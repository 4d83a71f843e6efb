#include "store/plan_repository.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/JSON/Object.h>

#include "store/record_json.h"
#include "store/record_rows.h"
#include "store/row.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {
const char* kPlanColumns =
    "SELECT id, code, title, domain, category, owner_org_id, status, revision_required,"
    " revision_reason, current_version FROM plans ";

sdk::Plan planFrom(const Row& r) { return planFromRow(r); }

// Appends the filter's conditions; parameters are numbered from `next`.
std::string filterSql(const PlanFilter& f, Poco::Data::Statement& st, int next) {
  std::string sql;
  auto param = [&]() { return "$" + std::to_string(next++); };
  if (!f.domain.empty()) {
    sql += " AND domain = " + param();
    st, bind(f.domain);
  }
  if (!f.status.empty()) {
    sql += " AND status = " + param();
    st, bind(f.status);
  }
  if (!f.owner_ids.empty()) {
    sql += " AND owner_org_id IN (";
    for (std::size_t i = 0; i < f.owner_ids.size(); ++i) {
      sql += (i ? ", " : "") + param();
      st, bind(static_cast<Poco::Int64>(f.owner_ids[i]));
    }
    sql += ")";
  }
  return sql;
}
}  // namespace

sdk::RecordId PlanRepository::add(sdk::Plan& plan, const Actor& actor) {
  Transaction tx(session_);
  Poco::Int64 id = 0;
  session_ << "INSERT INTO plans(code, title, domain, category, owner_org_id, status,"
              " revision_required, revision_reason, current_version, created_at)"
              " VALUES($1, $2, $3, $4, $5, $6, $7, $8, 0, $9) RETURNING id",
      bind(plan.code), bind(plan.title), bind(plan.domain), bind(plan.category),
      bind(static_cast<Poco::Int64>(plan.owner_org_id)), bind(std::string(sdk::toId(plan.status))),
      bind(plan.revision_required ? 1 : 0), bind(plan.revision_reason), bind(isoTimestampNow()),
      into(id), now;
  plan.id = id;
  plan.current_version = 0;
  audit_.append(actor, "create", "plan", id, "", stringify(toJson(plan)));
  tx.commit();
  return id;
}

sdk::RecordId PlanRepository::addVersion(sdk::PlanVersion& v, const Actor& actor) {
  Transaction tx(session_);
  auto before = findById(v.plan_id);
  if (!before) throw Poco::NotFoundException("plan " + std::to_string(v.plan_id));
  Poco::Int64 last = 0;
  session_ << "SELECT COALESCE(MAX(number), 0) FROM plan_versions WHERE plan_id = $1",
      bind(static_cast<Poco::Int64>(v.plan_id)), into(last), now;
  v.number = static_cast<int>(last) + 1;
  v.created_at = isoTimestampNow();
  Poco::Int64 id = 0;
  session_ << "INSERT INTO plan_versions(plan_id, number, action, revision_trigger, major, issued,"
              " effective, body, author, created_at)"
              " VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
      bind(static_cast<Poco::Int64>(v.plan_id)), bind(v.number),
      bind(std::string(sdk::toId(v.action))), bind(v.trigger), bind(v.major ? 1 : 0),
      bind(v.issued.toString()), bind(v.effective.toString()), bind(v.text), bind(v.author),
      bind(v.created_at), into(id), now;
  v.id = id;
  // An issued version becomes the version in force, answers an outstanding
  // revision requirement and makes the plan Issued. An unissued version only
  // becomes current while no issued version is in force (a plan still being
  // drafted); a draft revision of an issued plan leaves the plan, its status
  // and its version in force as they are until a revision is issued.
  std::string issued_in_force;
  if (before->current_version > 0) {
    session_ << "SELECT issued FROM plan_versions WHERE plan_id = $1 AND number = $2",
        bind(static_cast<Poco::Int64>(v.plan_id)), bind(before->current_version), into(issued_in_force), now;
  }
  if (v.issued.isSet() || issued_in_force.empty()) {
    std::string status = sdk::toId(before->status);
    if (v.issued.isSet()) {
      status = sdk::toId(sdk::PlanStatus::Issued);
    } else if (v.major) {
      status = sdk::toId(sdk::PlanStatus::Drafting);
    }
    const bool answers = v.issued.isSet();
    session_ << "UPDATE plans SET current_version = $1, status = $2,"
                " revision_required = CASE WHEN $3 = 1 THEN 0 ELSE revision_required END,"
                " revision_reason = CASE WHEN $4 = 1 THEN '' ELSE revision_reason END WHERE id = $5",
        bind(v.number), bind(status), bind(answers ? 1 : 0), bind(answers ? 1 : 0),
        bind(static_cast<Poco::Int64>(v.plan_id)), now;
  }
  audit_.append(actor, v.action == sdk::VersionAction::Drafted ? "draft" : "revise",
                "plan_version", id, "", stringify(toJson(v, false)));
  audit(actor, "update", *before, v.plan_id);
  tx.commit();
  return id;
}

void PlanRepository::audit(const Actor& actor, const std::string& action, const sdk::Plan& before,
                           sdk::RecordId id) {
  auto after = findById(id);
  audit_.append(actor, action, "plan", id, stringify(toJson(before)),
                after ? stringify(toJson(*after)) : "");
}

void PlanRepository::setStatus(sdk::RecordId plan_id, sdk::PlanStatus status, const Actor& actor) {
  Transaction tx(session_);
  auto before = findById(plan_id);
  if (!before) throw Poco::NotFoundException("plan " + std::to_string(plan_id));
  session_ << "UPDATE plans SET status = $1 WHERE id = $2", bind(std::string(sdk::toId(status))),
      bind(static_cast<Poco::Int64>(plan_id)), now;
  audit(actor, "update", *before, plan_id);
  tx.commit();
}

void PlanRepository::setRevisionRequired(sdk::RecordId plan_id, bool required,
                                         const std::string& reason, const Actor& actor) {
  Transaction tx(session_);
  auto before = findById(plan_id);
  if (!before) throw Poco::NotFoundException("plan " + std::to_string(plan_id));
  session_ << "UPDATE plans SET revision_required = $1, revision_reason = $2 WHERE id = $3",
      bind(required ? 1 : 0), bind(reason), bind(static_cast<Poco::Int64>(plan_id)), now;
  audit(actor, "revision_required", *before, plan_id);
  tx.commit();
}

void PlanRepository::issueVersion(sdk::RecordId version_id, const VersionIssue& issue, const Actor& actor) {
  Transaction tx(session_);
  auto before = versionById(version_id);
  if (!before) throw Poco::NotFoundException("plan version " + std::to_string(version_id));
  auto plan = findById(before->plan_id);
  if (!plan) throw Poco::NotFoundException("plan " + std::to_string(before->plan_id));
  session_ << "UPDATE plan_versions SET issued = $1, effective = $2, approved_by = $3, document_no = $4"
              " WHERE id = $5 AND issued = ''",
      bind(issue.issued.toString()), bind(issue.effective.toString()), bind(issue.approved_by),
      bind(issue.document_no), bind(static_cast<Poco::Int64>(version_id)), now;
  session_ << "UPDATE plans SET current_version = $1, status = $2, revision_required = 0, revision_reason = ''"
              " WHERE id = $3",
      bind(before->number), bind(std::string(sdk::toId(sdk::PlanStatus::Issued))),
      bind(static_cast<Poco::Int64>(before->plan_id)), now;
  auto after = versionById(version_id);
  Poco::JSON::Object::Ptr after_json = toJson(*after, false);
  after_json->set("approved_by", issue.approved_by);
  after_json->set("document_no", issue.document_no);
  audit_.append(actor, "issue", "plan_version", version_id, stringify(toJson(*before, false)),
                stringify(after_json));
  audit(actor, "update", *plan, before->plan_id);
  tx.commit();
}

bool PlanRepository::editDraftText(sdk::RecordId version_id, const std::string& text, const Actor& actor) {
  Transaction tx(session_);
  auto before = versionById(version_id);
  if (!before || before->issued.isSet()) return false;
  session_ << "UPDATE plan_versions SET body = $1 WHERE id = $2 AND issued = ''", bind(text),
      bind(static_cast<Poco::Int64>(version_id)), now;
  auto after = versionById(version_id);
  audit_.append(actor, "edit_draft", "plan_version", version_id, stringify(toJson(*before, true)),
                stringify(toJson(*after, true)));
  tx.commit();
  return true;
}

void PlanRepository::setAddressedAction(sdk::RecordId version_id, sdk::RecordId action_id, const Actor& actor) {
  Transaction tx(session_);
  session_ << "UPDATE plan_versions SET addresses_action_id = $1 WHERE id = $2", bind(nullableId(action_id)),
      bind(static_cast<Poco::Int64>(version_id)), now;
  Poco::JSON::Object::Ptr after = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  after->set("addresses_action_id", action_id);
  audit_.append(actor, "update", "plan_version", version_id, "", stringify(after));
  tx.commit();
}

VersionIssue PlanRepository::issueOf(sdk::RecordId version_id) {
  VersionIssue out;
  Poco::Data::Statement st(session_);
  st << "SELECT issued, effective, approved_by, document_no, COALESCE(addresses_action_id, 0)"
        " FROM plan_versions WHERE id = $1",
      bind(static_cast<Poco::Int64>(version_id));
  st.execute();
  Poco::Data::RecordSet rs(st);
  if (rs.rowCount() == 0) return out;
  Row r(rs, 0);
  out.issued = r.date(0);
  out.effective = r.date(1);
  out.approved_by = r.text(2);
  out.document_no = r.text(3);
  out.addresses_action_id = r.int64(4);
  return out;
}

void PlanRepository::abolish(sdk::RecordId plan_id, const PlanAbolition& abolition, const Actor& actor) {
  Transaction tx(session_);
  auto before = findById(plan_id);
  if (!before) throw Poco::NotFoundException("plan " + std::to_string(plan_id));
  session_ << "UPDATE plans SET status = $1, abolished_on = $2, replaced_by_plan_id = $3 WHERE id = $4",
      bind(std::string(sdk::toId(sdk::PlanStatus::Abolished))), bind(abolition.date.toString()),
      bind(nullableId(abolition.replaced_by)), bind(static_cast<Poco::Int64>(plan_id)), now;
  audit(actor, "abolish", *before, plan_id);
  tx.commit();
}

PlanAbolition PlanRepository::abolitionOf(sdk::RecordId plan_id) {
  PlanAbolition out;
  Poco::Data::Statement st(session_);
  st << "SELECT abolished_on, COALESCE(replaced_by_plan_id, 0) FROM plans WHERE id = $1",
      bind(static_cast<Poco::Int64>(plan_id));
  st.execute();
  Poco::Data::RecordSet rs(st);
  if (rs.rowCount() == 0) return out;
  Row r(rs, 0);
  out.date = r.date(0);
  out.replaced_by = r.int64(1);
  return out;
}

std::vector<sdk::Plan> PlanRepository::select(const std::string& where, const PlanFilter& filter,
                                              const std::string& arg) {
  Poco::Data::Statement st(session_);
  std::string sql = kPlanColumns;
  if (!where.empty()) {
    sql += where;
    st, bind(arg);
  } else {
    sql += "WHERE 1 = 1" + filterSql(filter, st, 1) + " ORDER BY id";
    if (filter.limit > 0) {
      sql += " LIMIT " + std::to_string(filter.limit) + " OFFSET " + std::to_string(filter.offset);
    }
  }
  st << sql;
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::vector<sdk::Plan> out;
  out.reserve(rs.rowCount());
  for (std::size_t i = 0; i < rs.rowCount(); ++i) out.push_back(planFrom(Row(rs, i)));
  return out;
}

std::optional<sdk::Plan> PlanRepository::findById(sdk::RecordId id) {
  auto v = select("WHERE id = $1", {}, std::to_string(id));
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::optional<sdk::Plan> PlanRepository::findByCode(const std::string& code) {
  auto v = select("WHERE code = $1", {}, code);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::vector<sdk::Plan> PlanRepository::list(const PlanFilter& filter) {
  return select("", filter, "");
}

int PlanRepository::count(const PlanFilter& filter) {
  Poco::Data::Statement st(session_);
  int n = 0;
  std::string sql = "SELECT COUNT(*) FROM plans WHERE 1 = 1" + filterSql(filter, st, 1);
  st << sql, into(n);
  st.execute();
  return n;
}

namespace {
std::vector<sdk::PlanVersion> versionsFrom(Poco::Data::Statement& st, bool with_text) {
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::vector<sdk::PlanVersion> out;
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    Row r(rs, i);
    sdk::PlanVersion v = versionFromRow(r);
    if (with_text) v.text = r.text(10);
    out.push_back(std::move(v));
  }
  return out;
}
std::string versionColumns(bool with_text) {
  return std::string("SELECT id, plan_id, number, action, revision_trigger, major, issued, effective,"
                     " author, created_at") +
         (with_text ? ", body" : "") + " FROM plan_versions ";
}
}  // namespace

std::vector<sdk::PlanVersion> PlanRepository::versions(sdk::RecordId plan_id, bool with_text) {
  Poco::Data::Statement st(session_);
  st << versionColumns(with_text) + "WHERE plan_id = $1 ORDER BY number",
      bind(static_cast<Poco::Int64>(plan_id));
  return versionsFrom(st, with_text);
}

std::optional<sdk::PlanVersion> PlanRepository::version(sdk::RecordId plan_id, int number) {
  Poco::Data::Statement st(session_);
  st << versionColumns(true) + "WHERE plan_id = $1 AND number = $2",
      bind(static_cast<Poco::Int64>(plan_id)), bind(number);
  auto v = versionsFrom(st, true);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::optional<sdk::PlanVersion> PlanRepository::versionById(sdk::RecordId version_id) {
  Poco::Data::Statement st(session_);
  st << versionColumns(true) + "WHERE id = $1", bind(static_cast<Poco::Int64>(version_id));
  auto v = versionsFrom(st, true);
  if (v.empty()) return std::nullopt;
  return v.front();
}

}  // namespace beacon::store
