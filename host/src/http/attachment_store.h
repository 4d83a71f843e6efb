// AttachmentStore: files attached to records: a drill's evidence (photos,
// sign-in sheet, evaluation report) and a plan version's document (DOCX or
// PDF). Content is stored once under its SHA-256: on PostgreSQL in the database
// (store::AttachmentContentRepository, in the same transaction as its row), so a file
// uploaded on one node downloads on every other and is backed up with the database, with no
// shared folder to mount on each node; on SQLite (one machine) on disk
// (<dir>/<first two hex>/<sha256>), as before. Listed in the attachments table
// (store::AttachmentRepository) with the owner record, purpose, original
// name, media type (decided from the magic bytes, not the client's claim)
// and uploader; each add is audited. Not
// thread-safe (follows its Session); the files are written atomically
// (temp file + rename), so concurrent stores of the same content are safe.
// An upload spooled by UploadSpool is moved into place, never read into memory, on SQLite;
// PostgreSQL reads it whole (at most web.max_upload_bytes) into the row.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>
#include <Poco/JSON/Object.h>

#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"
#include "http/uploaded_file.h"
#include "store/attachment.h"
#include "store/audit_log.h"

namespace beacon::http {

using Attachment = store::Attachment;

Poco::JSON::Object::Ptr toJson(const Attachment& attachment);

// The media type the content's first bytes show (image/jpeg, image/png,
// image/heic, application/pdf), or DOCX for a .docx that is a Word package
// (office_package.h); nullopt for anything else.
std::optional<std::string> sniffMediaType(const std::string& data, const std::string& filename);

class AttachmentStore {
 public:
  // `directory`: where content lives when the database does not keep it (SQLite), and where
  // PostgreSQL looks for content stored before migration 32.
  AttachmentStore(Poco::Data::Session& session, std::string directory);
  // Fails naming `field` for empty content or a type the owner kind does not
  // take (drills: photos, PDF, DOCX; plan versions: PDF, DOCX).
  sdk::Result<Attachment> add(const std::string& owner_kind, sdk::RecordId owner_id, const std::string& purpose,
                              const std::string& filename, const std::string& data, const std::string& field,
                              const store::Actor& actor);
  // The same for a spooled upload: its type is sniffed from its head, and
  // its temporary file (in the same folder tree) is renamed into place.
  sdk::Result<Attachment> addUpload(const std::string& owner_kind, sdk::RecordId owner_id, const std::string& purpose,
                                    const UploadedFile& file, const std::string& field, const store::Actor& actor);
  std::vector<Attachment> list(const std::string& owner_kind, sdk::RecordId owner_id);
  std::optional<Attachment> findById(sdk::RecordId id);
  // The stored content; throws Poco::FileException when it is missing.
  std::string read(const Attachment& attachment) const;

 private:
  std::string pathOf(const std::string& sha256) const;
  // The checked, typed Attachment for this content (not yet stored), or the refusal naming `field`.
  sdk::Result<Attachment> describe(const std::string& owner_kind, sdk::RecordId owner_id, const std::string& purpose,
                                   const std::string& filename, const std::string& head, Poco::Int64 size,
                                   const std::string& sha256, const std::string& field, const store::Actor& actor);
  // Inserts the row, its audit entry and (when the database keeps it) `content`.
  Attachment record(Attachment a, const store::Actor& actor, const std::string* content);
  Poco::Data::Session& session_;
  std::string directory_;
  bool in_database_;
  store::AuditLog audit_;
};

}  // namespace beacon::http
