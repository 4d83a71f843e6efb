// AttachmentContentRepository: the bytes of attached files kept in the database
// (attachment_contents, migration 32), one row per distinct content under its SHA-256, so
// every node on one PostgreSQL database serves every attachment and the files are backed up
// and replicated with the rows that name them. Which backend keeps content here
// (keepsContent): PostgreSQL does; SQLite keeps it in the attachments directory, as before
// (one machine, one office: a database file that stays small, existing files where they are).
// Content is at most web.max_upload_bytes (20 MiB by default), well inside a BYTEA value
// (1 GB), and is read whole as the directory's files were. Not thread-safe (follows its Session).
#pragma once

#include <optional>
#include <string>

#include <Poco/Data/Session.h>

namespace beacon::store {

class AttachmentContentRepository {
 public:
  explicit AttachmentContentRepository(Poco::Data::Session& session) : session_(session) {}
  // Whether attachment content on this session's database lives in attachment_contents.
  static bool keepsContent(Poco::Data::Session& session);
  // Stores `data` under `sha256` unless that content is there already (the same bytes).
  void put(const std::string& sha256, const std::string& data);
  // The content stored under `sha256`, or nullopt.
  std::optional<std::string> find(const std::string& sha256);

 private:
  Poco::Data::Session& session_;
};

}  // namespace beacon::store
