#include "mail/digest_service.h"

#include <algorithm>
#include <map>

#include "mail/digest_schedule.h"
#include "mail/smtp_mailer.h"
#include "store/digest_log_repository.h"
#include "store/organisation_contacts.h"
#include "store/organisation_repository.h"
#include "store/plan_labels.h"
#include "store/row.h"

namespace beacon::mail {

sdk::Result<std::vector<Digest>> DigestService::digestsOf(const sdk::Date& day) {
  auto& session = db_.session();
  const auto emails = store::organisationContactEmails(session);
  std::vector<Digest> out;
  if (emails.empty()) return out;
  rules::CheckQuery q;
  q.as_of = day;
  for (const auto& [id, email] : emails) q.org_ids.push_back(id);
  std::shared_ptr<const rules::ObligationSet> results;
  {
    std::lock_guard<std::mutex> lock(engine_mutex_);
    auto checked = engine_.checkShared(q);
    if (!checked.isOk()) return checked.status();
    results = checked.value();
  }
  std::map<sdk::RecordId, std::vector<rules::ObligationRow>> due;
  std::vector<sdk::RecordId> plan_ids;
  for (const auto& row : *results) {
    if (emails.count(row.orgId()) == 0 || !inDigest(row, day, config_.schedule)) continue;
    due[row.orgId()].push_back(row);
    if (row.planId() != 0) plan_ids.push_back(row.planId());
  }
  if (due.empty()) return out;
  std::sort(plan_ids.begin(), plan_ids.end());
  plan_ids.erase(std::unique(plan_ids.begin(), plan_ids.end()), plan_ids.end());
  const auto plans = store::readPlanLabels(session, std::move(plan_ids));
  store::OrganisationRepository orgs(session);
  for (auto& [org_id, rows] : due) {
    const auto org = orgs.findById(org_id);
    if (!org) continue;
    std::stable_sort(rows.begin(), rows.end(),
                     [](const rules::ObligationRow& a, const rules::ObligationRow& b) {
                       return a.due() < b.due();
                     });
    Digest d;
    d.org_id = org_id;
    d.org_name = org->name;
    d.recipient = emails.at(org_id);
    d.day = day;
    for (const auto& r : rows) {
      DigestItem item;
      item.title = r.titleZh();
      item.plan_id = r.planId();
      if (const auto p = plans.find(r.planId()); r.planId() != 0 && p != plans.end()) {
        item.plan_code = p->second.code;
        item.plan_title = p->second.title;
      }
      item.org_code = org->code;
      item.domain = r.domain();
      item.due = r.due();
      d.items.push_back(std::move(item));
    }
    out.push_back(std::move(d));
  }
  return out;
}

sdk::Result<std::vector<DigestOutcome>> DigestService::run(const sdk::Date& day, bool dry_run) {
  auto digests = digestsOf(day);
  if (!digests.isOk()) return digests.status();
  std::vector<DigestOutcome> outcomes;
  store::DigestLogRepository log(db_.session());
  const SmtpMailer mailer(config_);
  for (auto& d : digests.value()) {
    DigestOutcome o;
    o.digest = std::move(d);
    if (!dry_run) {
      const sdk::RecordId claimed = log.claim(o.digest.org_id, day, o.digest.recipient,
                                              static_cast<int>(o.digest.items.size()));
      if (claimed == 0) {
        o.result = DigestOutcome::Result::AlreadyClaimed;
      } else {
        const sdk::Status sent = mailer.send(composeDigest(o.digest, config_.base_url));
        if (sent.isOk()) {
          log.markSent(claimed, store::isoTimestampNow());
          o.result = DigestOutcome::Result::Sent;
        } else {
          log.markFailed(claimed, sent.message());
          o.result = DigestOutcome::Result::Failed;
          o.error = sent.message();
        }
      }
    }
    outcomes.push_back(std::move(o));
  }
  return outcomes;
}

}  // namespace beacon::mail
