#include "store/storage_error.h"

#include <Poco/Data/DataException.h>
#include <Poco/Data/SQLite/SQLiteException.h>

namespace beacon::store {

namespace {
template <typename... Kinds>
bool isOneOf(const Poco::Exception& e) {
  return (... || (dynamic_cast<const Kinds*>(&e) != nullptr));
}
}  // namespace

bool isStorageFailure(const Poco::Exception& e) {
  namespace sq = Poco::Data::SQLite;
  return isOneOf<sq::DBLockedException, sq::TableLockedException, sq::IOErrorException,
                 sq::DatabaseFullException, sq::CantOpenDBFileException, sq::LockProtocolException,
                 sq::NoMemoryException, sq::ReadOnlyException, sq::CorruptImageException,
                 sq::InterruptException, sq::DBAccessDeniedException,
                 Poco::Data::ConnectionFailedException, Poco::Data::NotConnectedException,
                 Poco::Data::SessionUnavailableException,
                 Poco::Data::SessionPoolExhaustedException>(e);
}

bool isCannotOpen(const Poco::Exception& e) {
  return dynamic_cast<const Poco::Data::SQLite::CantOpenDBFileException*>(&e) != nullptr;
}

void throwIfStorageFailure(const Poco::Exception& e, const std::string& context) {
  if (isStorageFailure(e)) throw StorageError(context + ": " + e.displayText());
}

}  // namespace beacon::store
