// SummaryArchiveRepository: the summary_archives table, the summaries an
// office sent kept as rendered (summary::SummaryArchive renders and checks
// them). The table is append-only: it refuses UPDATE and DELETE, like the
// audit log, so this class only inserts and reads. Not thread-safe (follows
// its Session).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"

namespace beacon::store {

struct StoredSummary {
  sdk::RecordId id = 0;
  std::string kind;
  std::string format;
  std::string request;  // the request as JSON
  std::string content_type;
  std::string filename;
  std::string body;  // empty in list()
  std::size_t size = 0;
  std::string body_sha256;
  std::string inputs_sha256;
  std::string created_by;
  std::string created_at;
};

class SummaryArchiveRepository {
 public:
  explicit SummaryArchiveRepository(Poco::Data::Session& session) : session_(session) {}
  // Stores every field but id and size; returns the new id.
  sdk::RecordId add(const StoredSummary& s);
  // Newest first, without bodies (size is the body's length).
  std::vector<StoredSummary> list();
  // With its body; kind and format are not read.
  std::optional<StoredSummary> find(sdk::RecordId id);

 private:
  Poco::Data::Session& session_;
};

}  // namespace beacon::store
