// SummaryArchive: the summaries an office actually sent, kept as rendered.
// archive() renders a request and stores the output with the time, the user,
// the SHA-256 of the output and the SHA-256 of its inputs (the request and
// the summary's data, i.e. its JSON form: every figure, list and sentence the
// text is made from). Archived summaries are append-only (the table refuses
// UPDATE and DELETE, like the audit log). check() renders the archived
// request again on today's data and says whether it still gives the same
// text. Not thread-safe (uses the Database's Session and the SummaryService).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "beacon/sdk/status.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "summary/summary_service.h"

namespace beacon::summary {

// How a summary of `format` is served and named.
struct SummaryMedia {
  std::string content_type;
  std::string extension;
};
SummaryMedia summaryMedia(const std::string& format);

struct ArchivedSummary {
  sdk::RecordId id = 0;
  SummaryRequest request;
  std::string content_type;
  std::string filename;
  std::string body;  // empty in list()
  std::size_t size = 0;
  std::string body_sha256;
  std::string inputs_sha256;
  std::string created_by;
  std::string created_at;
};

struct ArchiveCheck {
  bool same_text = false;
  bool same_inputs = false;
  std::string body_sha256;    // of today's rendering
  std::string inputs_sha256;  // of today's inputs
};

class SummaryArchive {
 public:
  SummaryArchive(store::Database& db, SummaryService& service) : db_(db), service_(service) {}
  // Renders and stores; fails (naming the request field) when the summary cannot be rendered.
  sdk::Result<ArchivedSummary> archive(const SummaryRequest& request, const store::Actor& actor);
  // Newest first, without bodies.
  std::vector<ArchivedSummary> list();
  std::optional<ArchivedSummary> find(sdk::RecordId id);
  // Fails naming "id" when there is no such archive.
  sdk::Result<ArchiveCheck> check(sdk::RecordId id);

 private:
  // The SHA-256 of the request and the summary's JSON data.
  sdk::Result<std::string> inputsDigest(const SummaryRequest& request);
  store::Database& db_;
  SummaryService& service_;
};

}  // namespace beacon::summary
