#include "store/database_backup.h"

#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace beacon::store {

void vacuumInto(Database& db, const std::string& path) {
  std::string target = path;
  db.session() << "VACUUM INTO $1", use(target), now;
}

std::vector<std::string> attachmentContentHashes(Poco::Data::Session& session) {
  std::vector<std::string> hashes;
  session << "SELECT DISTINCT sha256 FROM attachments ORDER BY sha256", into(hashes), now;
  return hashes;
}

bool holdsRecords(Poco::Data::Session& session) {
  int n = 0;
  session << "SELECT (SELECT COUNT(*) FROM organisations) + (SELECT COUNT(*) FROM audit_log)", into(n), now;
  return n > 0;
}

}  // namespace beacon::store
