// DigestService: the daily digest run of one day (`beacon notify`, and `beacon serve` at
// mail.send_at): for each organisation with a contact address (store/organisation_contacts.h)
// whose own duties DigestSchedule puts in that day's digest, claims the day in digest_log
// (store/digest_log_repository.h: only one sender of any process wins it), mails the digest
// (SmtpMailer) and records it sent or failed with the SMTP error; an organisation with nothing
// due gets no mail and no row. A failed digest is sent again by the next run of the same day.
// Digests are kept in digest_log, not in the audit chain: they change no record (the chain holds
// the changes to records), and the log is what an office asks ("was it sent, to whom, why
// not"). A dry run composes the same digests and writes nothing.
// The figures come from the compliance engine's kept results (ComplianceEngine::checkShared for
// the day), read under `engine_mutex` (the web server's WebState::app_mutex; the engine is not
// thread-safe). Not thread-safe itself: one run at a time per instance.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "beacon/sdk/date.h"
#include "beacon/sdk/status.h"
#include "mail/digest.h"
#include "mail/mail_config.h"
#include "rules/compliance_engine.h"
#include "store/database.h"

namespace beacon::mail {

struct DigestOutcome {
  enum class Result { WouldSend, Sent, Failed, AlreadyClaimed };
  Digest digest;
  Result result = Result::WouldSend;
  std::string error;  // Failed: the SMTP error
};

class DigestService {
 public:
  // `db`: a connection for the organisations, plans and digest_log (the caller's: not shared with
  // another thread while run() goes); `engine` and `engine_mutex` outlive this.
  DigestService(store::Database& db, rules::ComplianceEngine& engine, std::mutex& engine_mutex,
                MailConfig config)
      : db_(db), engine_(engine), engine_mutex_(engine_mutex), config_(std::move(config)) {}

  // The digests of `day`, one per organisation with an address and something due, by
  // organisation id. Error when the compliance check fails.
  sdk::Result<std::vector<Digest>> digestsOf(const sdk::Date& day);
  // digestsOf(day), then each claimed, mailed and logged (dry_run: none of that).
  sdk::Result<std::vector<DigestOutcome>> run(const sdk::Date& day, bool dry_run);

 private:
  store::Database& db_;
  rules::ComplianceEngine& engine_;
  std::mutex& engine_mutex_;
  MailConfig config_;
};

}  // namespace beacon::mail
