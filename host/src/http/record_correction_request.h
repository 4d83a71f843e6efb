// Correcting and voiding records from the web (API and pages): the
// RecordCorrection service for this request (records.correction_days from
// the web settings, today's date, the user as corrector and audit actor,
// on the worker's Database, which plugin validators read meanwhile: no
// global lock, see rules/reader_connection.h), its
// failures as HttpErrors (404, 403, 409 already voided, 422 naming the
// field, 503 storage), and each record's void mark and correction history
// (from the audit log) for the JSON views. Per request; not shared.
#pragma once

#include <set>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "http/request_context.h"
#include "service/record_correction.h"
#include "store/record_json.h"
#include "store/record_voids.h"

namespace beacon::http {

// Throws the HttpError for a failed outcome; returns on success.
void throwIfFailed(const service::CorrectionOutcome& outcome);
service::CorrectionOutcome correctDrillAs(RequestContext& ctx, sdk::RecordId id,
                                          const service::FieldChanges& changes,
                                          const std::string& reason);
// A review, filing or corrective action (see RecordCorrection::correctReview ...).
service::CorrectionOutcome correctRecordAs(RequestContext& ctx, store::RecordKind kind,
                                           sdk::RecordId id, const service::FieldChanges& changes,
                                           const std::string& reason);
// PATCH /api/v1/corrective-actions/{id} with a "reason" (api_corrections.cpp).
void correctCorrectiveActionFromApi(RequestContext& ctx);
service::CorrectionOutcome voidRecordAs(RequestContext& ctx, store::RecordKind kind,
                                        sdk::RecordId id, const std::string& reason);
// Whether the logged-in user may correct or void the record now.
bool mayChangeRecord(RequestContext& ctx, store::RecordKind kind, sdk::RecordId id);
// The same as an HttpError (403; 409 when voided; 404) for the edit forms.
void requireChangeable(RequestContext& ctx, store::RecordKind kind, sdk::RecordId id);
// A review, filing or corrective action the user may read (the plan's or the
// responsible organisation's read scope), as its record JSON with the void
// mark and "corrections" history; 404 when missing, 403 out of scope.
Poco::JSON::Object::Ptr readableRecordJson(RequestContext& ctx, store::RecordKind kind,
                                           sdk::RecordId id);
// The zh / en label of a correctable field by its API name ("findings": 发现的问题).
std::string correctionFieldLabel(const std::string& field, bool english);

// The ids of those of `records` that are voided.
template <typename Record>
std::set<sdk::RecordId> voidedIds(RequestContext& ctx, store::RecordKind kind,
                                  const std::vector<Record>& records) {
  std::vector<sdk::RecordId> ids;
  ids.reserve(records.size());
  for (const auto& r : records) ids.push_back(r.id);
  std::set<sdk::RecordId> out;
  for (const auto& entry : store::RecordVoids(ctx.db().session()).voided(kind, ids))
    out.insert(entry.first);
  return out;
}

// `records` (reviews or filings) as their record JSON, each with its "voided" flag.
template <typename Record>
Poco::JSON::Array::Ptr markedRecordsJson(RequestContext& ctx, store::RecordKind kind,
                                         const std::vector<Record>& records) {
  const auto voided = voidedIds(ctx, kind, records);
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array();
  for (const auto& r : records) {
    Poco::JSON::Object::Ptr j = store::toJson(r);
    j->set("voided", voided.count(r.id) > 0);
    out->add(j);
  }
  return out;
}

// Sets "voided" (and voided_at, voided_by, void_reason when voided) on `o`.
void setVoidMark(RequestContext& ctx, Poco::JSON::Object::Ptr& o, store::RecordKind kind,
                 sdk::RecordId id);
// The record's corrections and void, oldest first: {at, by, action
// (correct|void), action_label, reason, changes: [{field, label, before, after}]}.
Poco::JSON::Array::Ptr correctionHistory(RequestContext& ctx, store::RecordKind kind,
                                         sdk::RecordId id);

}  // namespace beacon::http
