// DigestLogRepository: the digest_log table (migration 47), one row per organisation and digest
// day. claim() inserts the row (status "sending") before the digest is mailed; the unique index
// on (org_id, digest_date) lets only one sender win, whichever process or node it runs in (beacon
// serve's timer, a cron `beacon notify`). A row left "failed" is claimed again by the next run of
// that day (attempts counts them); a row left "sending" by a sender that died stays claimed, so a
// digest is never mailed twice (at worst not at all that day). Its writes are stamped
// kBookkeepingSubject: no cached page shows the log (store/write_stamp.h).
// Not thread-safe (follows its Session).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"

namespace beacon::store {

inline constexpr const char* kDigestSending = "sending";
inline constexpr const char* kDigestSent = "sent";
inline constexpr const char* kDigestFailed = "failed";

struct DigestLogRow {
  sdk::RecordId id = 0;
  sdk::RecordId org_id = 0;
  std::string digest_date;
  std::string recipient;
  int items = 0;
  std::string status;  // kDigestSending, kDigestSent or kDigestFailed
  std::string error;   // the SMTP error of a failed send
  int attempts = 0;
  std::string sent_at;  // ISO 8601 UTC, when sent
};

class DigestLogRepository {
 public:
  explicit DigestLogRepository(Poco::Data::Session& session) : session_(session) {}
  // The row's id when this caller may now send the digest of `org_id` for `day`: no row yet, or
  // the one there failed. 0 when another sender has it (sending or sent).
  sdk::RecordId claim(sdk::RecordId org_id, const sdk::Date& day, const std::string& recipient,
                      int items);
  void markSent(sdk::RecordId id, const std::string& sent_at);
  void markFailed(sdk::RecordId id, const std::string& error);
  std::optional<DigestLogRow> find(sdk::RecordId org_id, const sdk::Date& day);
  // Newest digest day first, then by id.
  std::vector<DigestLogRow> page(int offset, int limit);
  int count();

 private:
  Poco::Data::Session& session_;
};

}  // namespace beacon::store
