// Status and Result<T>: errors as values at the plugin boundary (LevelDB's
// Status, Abseil's StatusOr). A failed Status carries a StatusCode saying what
// kind of failure it is (the host maps it once to an HTTP status and once to a
// CLI exit code) and names the offending field when there is one, so the CLI,
// importer and API can report it. Immutable values; safe to share between
// threads.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

#include "beacon/sdk/export.h"

namespace beacon::sdk {

enum class StatusCode {
  Ok,
  InvalidArgument,   // the request or record is wrong; the field says where
  NotFound,          // the record or thing named does not exist
  Conflict,          // refused by the record's state (a plan's stage, a voided record, a duplicate)
  PermissionDenied,  // outside the caller's scope or rights
  Unavailable,       // the storage is busy or failing; trying again may succeed
  Internal,          // a failure that is nobody's input (a bug, a plugin that threw, a broken file)
};

// "invalid_argument", "not_found", ...: stable, for logs and tests.
BEACON_SDK_API const char* toId(StatusCode);

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status ok() { return Status(); }
  static Status invalid(std::string field, std::string message) {
    return Status(StatusCode::InvalidArgument, std::move(field), std::move(message));
  }
  static Status notFound(std::string message) {
    return notFound(std::string(), std::move(message));
  }
  static Status notFound(std::string field, std::string message) {
    return Status(StatusCode::NotFound, std::move(field), std::move(message));
  }
  static Status conflict(std::string message) {
    return conflict(std::string(), std::move(message));
  }
  static Status conflict(std::string field, std::string message) {
    return Status(StatusCode::Conflict, std::move(field), std::move(message));
  }
  static Status permissionDenied(std::string message) {
    return Status(StatusCode::PermissionDenied, std::string(), std::move(message));
  }
  static Status unavailable(std::string message) {
    return Status(StatusCode::Unavailable, std::string(), std::move(message));
  }
  static Status internal(std::string message) {
    return Status(StatusCode::Internal, std::string(), std::move(message));
  }
  // The SDK 3 spelling of internal(): a failure with no better code.
  static Status error(std::string message) { return internal(std::move(message)); }

  bool isOk() const { return code_ == StatusCode::Ok; }
  StatusCode code() const { return code_; }
  const std::string& field() const { return field_; }
  const std::string& message() const { return message_; }
  // "field: message", or just the message when no field is named.
  std::string describe() const { return field_.empty() ? message_ : field_ + ": " + message_; }

 private:
  Status(StatusCode code, std::string field, std::string message)
      : code_(code), field_(std::move(field)), message_(std::move(message)) {}
  StatusCode code_ = StatusCode::Ok;
  std::string field_;
  std::string message_;
};

// Either a T or the failed Status saying why not. REQUIRES for value(): isOk();
// reading the value of a failed Result aborts the process in every build,
// naming the status, rather than reading an empty optional.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    if (status_.isOk())
      status_ = Status::internal("a Result was made from an ok Status with no value");
  }
  bool isOk() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  const T& value() const {
    requireValue();
    return *value_;
  }
  T& value() {
    requireValue();
    return *value_;
  }

 private:
  void requireValue() const {
    if (value_.has_value()) return;
    std::fprintf(stderr, "beacon: Result::value() called on an error (%s): %s\n",
                 toId(status_.code()), status_.describe().c_str());
    std::abort();
  }
  std::optional<T> value_;
  Status status_;
};

}  // namespace beacon::sdk
