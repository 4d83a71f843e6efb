// Record rows: how one stored row becomes an SDK record, for any row reader
// with int64(), integer(), text() and date() (store::Row over a Poco
// RecordSet, store::ScannedRow from a RowScanner), so the repositories
// and the rules' bulk reader map columns one way. Each function names the
// columns it expects, in order. Stateless templates and functions; thread-safe.
#pragma once

#include <string_view>

#include "beacon/sdk/records.h"
#include "store/record_parse.h"

namespace beacon::store {

// id, code, title, domain, category, owner_org_id, status, revision_required, revision_reason, current_version
template <typename RowT>
sdk::Plan planFromRow(const RowT& r) {
  sdk::Plan p;
  p.id = r.int64(0);
  p.code = r.text(1);
  p.title = r.text(2);
  p.domain = r.text(3);
  p.category = r.text(4);
  p.owner_org_id = r.int64(5);
  p.status = store::parsePlanStatus(r.text(6)).value_or(sdk::PlanStatus::Drafting);
  p.revision_required = r.int64(7) != 0;
  p.revision_reason = r.text(8);
  p.current_version = r.integer(9);
  return p;
}

// id, plan_id, number, action, revision_trigger, major, issued, effective, author, created_at (no body)
template <typename RowT>
sdk::PlanVersion versionFromRow(const RowT& r) {
  sdk::PlanVersion v;
  v.id = r.int64(0);
  v.plan_id = r.int64(1);
  v.number = r.integer(2);
  v.action = store::parseVersionAction(r.text(3)).value_or(sdk::VersionAction::Drafted);
  v.trigger = r.text(4);
  v.major = r.int64(5) != 0;
  v.issued = r.date(6);
  v.effective = r.date(7);
  v.author = r.text(8);
  v.created_at = r.text(9);
  return v;
}

// id, plan_id, plan_version_id, kind, review_date, reviewers, conclusion, findings
template <typename RowT>
sdk::Review reviewFromRow(const RowT& row) {
  sdk::Review r;
  r.id = row.int64(0);
  r.plan_id = row.int64(1);
  r.plan_version_id = row.int64(2);
  r.kind = store::parseReviewKind(row.text(3)).value_or(sdk::ReviewKind::Evaluation);
  r.date = row.date(4);
  r.reviewers = row.text(5);
  r.conclusion = store::parseReviewConclusion(row.text(6)).value_or(sdk::ReviewConclusion::Keep);
  r.findings = row.text(7);
  return r;
}

// id, plan_id, plan_version_id, target_body, submitted, registration_no, published
template <typename RowT>
sdk::Filing filingFromRow(const RowT& row) {
  sdk::Filing f;
  f.id = row.int64(0);
  f.plan_id = row.int64(1);
  f.plan_version_id = row.int64(2);
  f.target_body = row.text(3);
  f.submitted = row.date(4);
  f.registration_no = row.text(5);
  f.published = row.date(6);
  return f;
}

// id, code, name, kind, parent_id (attributes are read separately)
template <typename RowT>
sdk::Organisation organisationFromRow(const RowT& r) {
  sdk::Organisation o;
  o.id = r.int64(0);
  o.code = r.text(1);
  o.name = r.text(2);
  o.kind = store::parseOrgKind(r.text(3)).value_or(sdk::OrgKind::Institution);
  o.parent_id = r.int64(4);
  return o;
}

// The columns drillFromRow reads, in its order (every text column NOT NULL; ids NULL as 0).
inline constexpr const char* kDrillRowColumns =
    "id, domain, drill_type, org_id, plan_id, plan_version_id, drill_date, place, scenario, "
    "participants, evacuees, fields, verdict, findings";

// The stored form of Drill::fields, {"name":"value",...} as toJson writes it, read without Poco's
// parser when no string has an escape; otherwise fieldValuesFromJson (record_rows.cpp).
sdk::FieldValues storedFieldsFromJson(std::string_view json);

// kDrillRowColumns, from a row reader with view() (store::ScannedRow)
template <typename RowT>
sdk::Drill drillFromRow(const RowT& r) {
  sdk::Drill d;
  d.id = r.int64(0);
  d.domain = r.text(1);
  d.drill_type = r.text(2);
  d.org_id = r.int64(3);
  d.plan_id = r.int64(4);
  d.plan_version_id = r.int64(5);
  d.date = r.date(6);
  d.place = r.text(7);
  d.scenario = r.text(8);
  d.participants = r.integer(9);
  d.evacuees = r.integer(10);
  d.fields = storedFieldsFromJson(r.view(11));
  d.verdict = store::parseDrillVerdict(r.text(12)).value_or(sdk::DrillVerdict::None);
  d.findings = r.text(13);
  return d;
}

}  // namespace beacon::store
