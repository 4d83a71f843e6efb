// StorageError: the store could not do what was asked for a reason that is
// not the request's fault: the database stayed locked past the busy timeout,
// an I/O error, a full disk, a read-only or corrupt file, no memory. Such a
// failure is never reported as a validation error: services rethrow it, the
// web dispatcher answers 503 with Retry-After (code storage_unavailable) and
// the CLI exits with kStorageFailureExitCode; both log it. Bad SQL and broken
// constraints are not storage failures (retrying would not help); they keep
// their own handling. Immutable; thread-safe.
#pragma once

#include <stdexcept>
#include <string>

#include <Poco/Exception.h>

#include "beacon/sdk/status.h"

namespace beacon::store {

// The CLI's exit code for a storage failure (0 ok, 1 bad input, 2 usage).
constexpr int kStorageFailureExitCode = 3;

class StorageError : public std::runtime_error {
 public:
  explicit StorageError(const std::string& message) : std::runtime_error(message) {}
};

// Whether `e`, thrown by Poco::Data, means the storage is unavailable (busy,
// locked, I/O, full, read-only, corrupt, out of memory, not connected). On
// PostgreSQL also: the connection lost, the server shutting down, and a
// transaction it aborted for a serialization failure, a deadlock or the lock
// timeout (classified by SQLSTATE; see storage_error.cpp).
bool isStorageFailure(const Poco::Exception& e);

// Whether `e` is a unique-constraint violation (a conflict with a stored row;
// never a storage failure), on either backend.
bool isUniqueViolation(const Poco::Exception& e);

// Whether `e` means the database file cannot be opened at all (a storage
// failure too, but one that start-up reports as a bad beacon.database).
bool isCannotOpen(const Poco::Exception& e);

// The failed Status saying `message` for `e`: Unavailable for a storage
// failure, Conflict for a unique-constraint violation, Internal otherwise
// (bad SQL, another broken constraint: retrying would not help).
sdk::Status failureStatus(const Poco::Exception& e, const std::string& message);

// Throws StorageError("<context>: <e>") when isStorageFailure(e); returns otherwise.
void throwIfStorageFailure(const Poco::Exception& e, const std::string& context);

}  // namespace beacon::store
