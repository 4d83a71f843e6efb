// AttachmentRepository: the rows of the attachments table (migration 4), one
// per file attached to a record. The named statements only: checking the
// content, storing the file and auditing are http::AttachmentStore's. Not
// thread-safe (follows its Session).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/attachment.h"

namespace beacon::store {

class AttachmentRepository {
 public:
  explicit AttachmentRepository(Poco::Data::Session& session) : session_(session) {}
  // Stores `attachment` (its id is ignored); returns the new id.
  sdk::RecordId add(const Attachment& attachment);
  // The attachments of one record, ordered by id.
  std::vector<Attachment> listForOwner(const std::string& owner_kind, sdk::RecordId owner_id);
  std::optional<Attachment> findById(sdk::RecordId id);

 private:
  std::vector<Attachment> select(const std::string& where, const std::string& kind,
                                 sdk::RecordId id);
  Poco::Data::Session& session_;
};

}  // namespace beacon::store
