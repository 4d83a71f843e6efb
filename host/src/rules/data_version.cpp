#include "rules/data_version.h"

#include <sqlite3.h>

#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Statement.h>
#include <Poco/String.h>

using namespace Poco::Data::Keywords;

namespace beacon::rules {

std::optional<DataVersion> currentDataVersion(Poco::Data::Session& session) {
  if (Poco::icompare(session.connector(), std::string("sqlite")) != 0) return std::nullopt;
  Poco::Int64 version = 0;
  session << "PRAGMA data_version", into(version), now;
  return DataVersion{sqlite3_total_changes64(Poco::Data::SQLite::Utility::dbHandle(session)), version};
}

}  // namespace beacon::rules
