// DatabaseBackup: the store's side of `beacon backup` and `beacon restore` (app/backup_archive.h)
// on SQLite: a consistent copy of a live database, the attachment content its rows name, and
// whether a database already holds records. Free functions over one Database or Session;
// each follows its Session (not thread-safe on one Session).
#pragma once

#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/database.h"

namespace beacon::store {

// Writes a copy of `db`, a SQLite database, to the new file `path` with VACUUM INTO. It runs in one
// read transaction, so writers carry on meanwhile (WAL) and the copy holds exactly the
// transactions committed before it began. REQUIRES: `path` does not exist. Throws Poco::Exception.
void vacuumInto(Database& db, const std::string& path);

// The distinct SHA-256 names of the attachment content the attachments table refers to.
std::vector<std::string> attachmentContentHashes(Poco::Data::Session& session);

// Whether the database holds any organisation or audit entry (a fresh `beacon init` holds none).
bool holdsRecords(Poco::Data::Session& session);

}  // namespace beacon::store
