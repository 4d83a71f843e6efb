// Attachment: one file attached to a record (a drill's evidence, a plan
// version's document) as listed in the attachments table: the owner, the
// purpose, the original name, the media type decided from the content and
// the content's SHA-256, which names the stored file. Plain value;
// thread-safe.
#pragma once

#include <string>

#include <Poco/Types.h>

#include "beacon/sdk/records.h"

namespace beacon::store {

struct Attachment {
  sdk::RecordId id = 0;
  std::string owner_kind;  // "drill" or "plan_version"
  sdk::RecordId owner_id = 0;
  std::string purpose;  // photo, sign_in_sheet, evaluation_report, document
  std::string filename;
  std::string media_type;
  std::string sha256;
  Poco::Int64 size = 0;
  std::string uploaded_by;
  std::string created_at;
};

}  // namespace beacon::store
