#include "store/storage_error.h"

#include <Poco/Data/DataException.h>
#include <Poco/Data/PostgreSQL/PostgreSQLException.h>
#include <Poco/Data/SQLite/SQLiteException.h>

namespace beacon::store {

namespace {
template <typename... Kinds>
bool isOneOf(const Poco::Exception& e) {
  return (... || (dynamic_cast<const Kinds*>(&e) != nullptr));
}

// The SQLSTATE Poco's PostgreSQL connector puts into a failed statement's message
// ("... Severity: ERROR State: 40001 Detail: ..."), or "" (none: the connection is gone, or the
// statement failed while being prepared).
std::string postgresState(const Poco::Exception& e) {
  if (!dynamic_cast<const Poco::Data::PostgreSQL::PostgreSQLException*>(&e)) return std::string();
  // The last " Severity: <word> State: <code>" (the error text itself may quote anything).
  const std::string& text = e.message();
  std::string state;
  for (auto at = text.find(" Severity: "); at != std::string::npos;
       at = text.find(" Severity: ", at + 1)) {
    const auto word_end = text.find(' ', at + 11);
    if (word_end == std::string::npos || text.compare(word_end, 8, " State: ") != 0) continue;
    const std::string code = text.substr(word_end + 8, 5);
    state = code.size() == 5 && code.find(' ') == std::string::npos ? code : std::string();
  }
  return state;
}

// PostgreSQL: the connection is lost or refused, the server is short of resources (disk,
// memory, connections) or shutting down, an I/O or data-corruption error, a hot standby
// (read-only), or a transaction the server gave up for a serialization failure, a deadlock or
// the lock_timeout (the busy timeout): retrying later can succeed. Constraint violations
// (23xxx, a unique violation is a conflict) and bad SQL are not.
bool isPostgresStorageFailure(const Poco::Exception& e) {
  namespace pg = Poco::Data::PostgreSQL;
  if (dynamic_cast<const pg::ConnectionException*>(&e)) return true;
  if (!dynamic_cast<const pg::PostgreSQLException*>(&e)) return false;
  const std::string state = postgresState(e);
  if (state.empty()) {
    const std::string& text = e.message();
    for (const char* lost : {"server closed the connection", "no connection to the server",
                             "could not receive data from server", "could not send data to server",
                             "connection to server"}) {
      if (text.find(lost) != std::string::npos) return true;
    }
    return false;
  }
  const std::string cls = state.substr(0, 2);
  return cls == "08" || cls == "53" || cls == "57" || cls == "58" || cls == "XX" ||
         state == "40001" || state == "40P01" || state == "40003" || state == "55P03" ||
         state == "25006";
}

}  // namespace

bool isStorageFailure(const Poco::Exception& e) {
  namespace sq = Poco::Data::SQLite;
  if (isPostgresStorageFailure(e)) return true;
  return isOneOf<sq::DBLockedException, sq::TableLockedException, sq::IOErrorException,
                 sq::DatabaseFullException, sq::CantOpenDBFileException, sq::LockProtocolException,
                 sq::NoMemoryException, sq::ReadOnlyException, sq::CorruptImageException,
                 sq::InterruptException, sq::DBAccessDeniedException,
                 Poco::Data::ConnectionFailedException, Poco::Data::NotConnectedException,
                 Poco::Data::SessionUnavailableException,
                 Poco::Data::SessionPoolExhaustedException>(e);
}

bool isUniqueViolation(const Poco::Exception& e) {
  if (postgresState(e) == "23505") return true;
  return dynamic_cast<const Poco::Data::SQLite::ConstraintViolationException*>(&e) != nullptr &&
         e.message().find("UNIQUE constraint failed") != std::string::npos;
}

bool isCannotOpen(const Poco::Exception& e) {
  return dynamic_cast<const Poco::Data::SQLite::CantOpenDBFileException*>(&e) != nullptr;
}

sdk::Status failureStatus(const Poco::Exception& e, const std::string& message) {
  if (isStorageFailure(e)) return sdk::Status::unavailable(message);
  if (isUniqueViolation(e)) return sdk::Status::conflict(message);
  return sdk::Status::internal(message);
}

void throwIfStorageFailure(const Poco::Exception& e, const std::string& context) {
  if (isStorageFailure(e)) throw StorageError(context + ": " + e.displayText());
}

}  // namespace beacon::store
