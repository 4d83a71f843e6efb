// BackupArchive: Beacon's backup file, written by `beacon backup` and read by `beacon restore`.
// A zip holding manifest.json (format "beacon-backup-1", schema version, audit-chain head,
// counts), beacon.db (a VACUUM INTO copy of the SQLite database, consistent while the server
// writes) and attachments/<first two hex>/<sha256> (the content the copy's attachment rows
// name, read from the attachments folder after the copy: content is written there before its
// row commits and never changed, so every row of the copy finds its file). Restore checks the
// file before touching anything (zip, manifest, schema version, the audit chain up to the head
// the manifest records, each attachment's SHA-256) and refuses a target that already holds
// records unless told to replace it. PostgreSQL is backed up with pg_dump (attachments live
// in its rows): both refuse it, naming pg_dump / pg_restore. Free functions; each call
// works on its own connections (thread-safe as far as the files named are not shared).
#pragma once

#include <cstddef>
#include <string>

#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"

namespace beacon::app {

struct BackupManifest {
  int schema_version = 0;
  sdk::RecordId audit_head_id = 0;  // the newest audit entry in the copy, and its hash
  std::string audit_head_hash;
  std::size_t audit_entries = 0;
  std::size_t attachments = 0;
  std::string created_at;  // UTC, ISO 8601
};

inline constexpr const char* kBackupFormat = "beacon-backup-1";

// Writes a backup of the SQLite database `database_uri` and of its attachment content in
// `attachments_dir` to the new file `out_path` (written whole to a temporary name, then
// renamed). Fails, nothing written, for PostgreSQL, an existing `out_path` or missing content.
sdk::Result<BackupManifest> writeBackup(const std::string& database_uri, const std::string& attachments_dir,
                                        const std::string& out_path, bool english);

// Checks the backup `from_path` and restores it as the SQLite database `database_uri` and
// its attachment content into `attachments_dir`. A target that holds records is refused
// unless `replace`. Stop the server on that database first.
sdk::Result<BackupManifest> restoreBackup(const std::string& from_path, const std::string& database_uri,
                                          const std::string& attachments_dir, bool replace, bool english);

}  // namespace beacon::app
