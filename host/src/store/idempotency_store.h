// IdempotencyStore: the answers of POST requests made with an idempotency
// key (the API's Idempotency-Key header, a page form's one-time submission
// token), per user, so that a repeated request is answered from the stored
// answer instead of being carried out again. A key is reserved (status 0)
// before the request runs, which makes a concurrent repeat see it, and
// completed with the answer afterwards; keys older than the retention are
// dropped on the next reservation. Not thread-safe (follows its Session).
#pragma once

#include <optional>
#include <string>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"

namespace beacon::store {

struct IdempotentAnswer {
  std::string
      request_digest;  // SHA-256 of what was asked, to tell a repeat from a different request
  int status = 0;      // 0: the first request is still running
  std::string content_type;
  std::string location;
  std::string body;
  std::string created_at;
};

class IdempotencyStore {
 public:
  // Keys are kept this long (docs/api.md, "Idempotency-Key").
  static constexpr int kRetentionHours = 24;

  explicit IdempotencyStore(Poco::Data::Session& session) : session_(session) {}
  // Reserves `key` for `user_id`; false when the user already used it (then
  // find() has what was stored). Drops expired keys first.
  bool reserve(sdk::RecordId user_id, const std::string& key, const std::string& request_digest);
  std::optional<IdempotentAnswer> find(sdk::RecordId user_id, const std::string& key);
  // Stores the answer of a reserved key.
  void complete(sdk::RecordId user_id, const std::string& key, const IdempotentAnswer& answer);
  // Gives a reserved key up (the request failed on the server's side and may be retried).
  void release(sdk::RecordId user_id, const std::string& key);

 private:
  Poco::Data::Session& session_;
};

}  // namespace beacon::store
