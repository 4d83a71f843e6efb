#include "store/summary_archive_repository.h"

#include <Poco/Data/LOB.h>
#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace beacon::store {

sdk::RecordId SummaryArchiveRepository::add(const StoredSummary& s) {
  const Poco::Data::BLOB body(reinterpret_cast<const unsigned char*>(s.body.data()), s.body.size());
  Poco::Int64 id = 0;
  session_ << "INSERT INTO summary_archives(kind, format, request, content_type, filename, body,"
              " body_sha256, inputs_sha256, created_by, created_at)"
              " VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
      bind(s.kind), bind(s.format), bind(s.request), bind(s.content_type), bind(s.filename),
      bind(body), bind(s.body_sha256), bind(s.inputs_sha256), bind(s.created_by),
      bind(s.created_at), into(id), now;
  return id;
}

std::vector<StoredSummary> SummaryArchiveRepository::list() {
  std::vector<Poco::Int64> ids, sizes;
  std::vector<std::string> requests, types, names, body_sums, input_sums, users, times;
  session_
      << "SELECT id, request, content_type, filename, length(body), body_sha256, inputs_sha256,"
         " created_by, created_at FROM summary_archives ORDER BY id DESC",
      into(ids), into(requests), into(types), into(names), into(sizes), into(body_sums),
      into(input_sums), into(users), into(times), now;
  std::vector<StoredSummary> out(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto& s = out[i];
    s.id = ids[i];
    s.request = std::move(requests[i]);
    s.content_type = std::move(types[i]);
    s.filename = std::move(names[i]);
    s.size = static_cast<std::size_t>(sizes[i]);
    s.body_sha256 = std::move(body_sums[i]);
    s.inputs_sha256 = std::move(input_sums[i]);
    s.created_by = std::move(users[i]);
    s.created_at = std::move(times[i]);
  }
  return out;
}

std::optional<StoredSummary> SummaryArchiveRepository::find(sdk::RecordId id) {
  StoredSummary s;
  Poco::Data::BLOB body;
  Poco::Data::Statement select(session_);
  select << "SELECT request, content_type, filename, body, body_sha256, inputs_sha256, created_by,"
            " created_at FROM summary_archives WHERE id = $1",
      bind(static_cast<Poco::Int64>(id)), into(s.request), into(s.content_type), into(s.filename),
      into(body), into(s.body_sha256), into(s.inputs_sha256), into(s.created_by),
      into(s.created_at);
  if (select.execute() == 0) return std::nullopt;
  s.id = id;
  if (body.size() > 0) s.body.assign(reinterpret_cast<const char*>(body.rawContent()), body.size());
  s.size = s.body.size();
  return s;
}

}  // namespace beacon::store
