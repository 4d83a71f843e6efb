#include "store/idempotency_store.h"

#include <Poco/Data/LOB.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>

#include "store/row.h"

namespace beacon::store {

using namespace Poco::Data::Keywords;

namespace {

Poco::Data::BLOB toBlob(const std::string& bytes) {
  return Poco::Data::BLOB(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

std::string fromBlob(const Poco::Data::BLOB& blob) {
  return blob.size() == 0
             ? std::string()
             : std::string(reinterpret_cast<const char*>(blob.rawContent()), blob.size());
}

}  // namespace

bool IdempotencyStore::reserve(sdk::RecordId user_id, const std::string& key,
                               const std::string& request_digest) {
  Poco::Timestamp cutoff;
  cutoff -= Poco::Timespan(kRetentionHours, 0, 0, 0, 0).totalMicroseconds();
  session_ << "DELETE FROM idempotency_keys WHERE created_at < $1",
      bind(Poco::DateTimeFormatter::format(cutoff, Poco::DateTimeFormat::ISO8601_FORMAT)), now;
  std::size_t inserted = 0;
  Poco::Data::Statement insert(session_);
  insert << "INSERT INTO idempotency_keys(user_id, idem_key, request_digest, created_at) "
            "VALUES($1, $2, $3, $4)"
            " ON CONFLICT DO NOTHING",
      bind(static_cast<Poco::Int64>(user_id)), bind(key), bind(request_digest),
      bind(isoTimestampNow());
  inserted = insert.execute();
  return inserted == 1;
}

std::optional<IdempotentAnswer> IdempotencyStore::find(sdk::RecordId user_id,
                                                       const std::string& key) {
  IdempotentAnswer a;
  Poco::Data::BLOB body;
  Poco::Data::Statement select(session_);
  // A reserved key's body is NULL, read as an empty BLOB (x'' would be a bit string on PostgreSQL).
  select << "SELECT request_digest, status, content_type, location, body, created_at"
            " FROM idempotency_keys WHERE user_id = $1 AND idem_key = $2",
      bind(static_cast<Poco::Int64>(user_id)), bind(key), into(a.request_digest), into(a.status),
      into(a.content_type), into(a.location), into(body), into(a.created_at);
  if (select.execute() == 0) return std::nullopt;
  a.body = fromBlob(body);
  return a;
}

void IdempotencyStore::complete(sdk::RecordId user_id, const std::string& key,
                                const IdempotentAnswer& answer) {
  session_ << "UPDATE idempotency_keys SET status = $1, content_type = $2, location = $3, body = $4"
              " WHERE user_id = $5 AND idem_key = $6",
      bind(answer.status), bind(answer.content_type), bind(answer.location),
      bind(toBlob(answer.body)), bind(static_cast<Poco::Int64>(user_id)), bind(key), now;
}

void IdempotencyStore::release(sdk::RecordId user_id, const std::string& key) {
  session_ << "DELETE FROM idempotency_keys WHERE user_id = $1 AND idem_key = $2",
      bind(static_cast<Poco::Int64>(user_id)), bind(key), now;
}

}  // namespace beacon::store
