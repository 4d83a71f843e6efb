// transact(): runs a service write inside one store::Transaction. A failed
// Status or an exception rolls it back; a storage failure (busy, I/O) is
// rethrown as store::StorageError for the caller's exit code or 503, any other
// exception becomes a failed Status naming what could not be stored. Shared by
// the services; stateless.
#pragma once

#include <exception>
#include <string>

#include <Poco/Exception.h>

#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"
#include "service/storage_message.h"
#include "store/database.h"
#include "store/storage_error.h"
#include "store/transaction.h"

namespace beacon::service {

// The failure names `what` in zh-CN, or in English when `english` (service/storage_message.h).
template <typename Body>
sdk::Result<sdk::RecordId> transact(store::Database& db, const StoreSubject& what, bool english,
                                    Body body) {
  const std::string message = couldNotStore(what, english);
  try {
    store::Transaction tx(db.session());
    sdk::Result<sdk::RecordId> r = body();
    if (r.isOk()) tx.commit();
    return r;
  } catch (const Poco::Exception& e) {
    store::throwIfStorageFailure(e, message);
    return store::failureStatus(e, withDetail(message, e.displayText(), english));
  } catch (const std::exception& e) {
    return sdk::Status::internal(withDetail(message, e.what(), english));
  }
}

}  // namespace beacon::service
