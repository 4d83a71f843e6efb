// Status and Result<T>: errors as values at the plugin boundary (LevelDB's
// Status, Abseil's StatusOr). A failed Status names the offending field when
// there is one, so the CLI, importer and API can report it. Immutable values;
// safe to share between threads.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "beacon/sdk/export.h"

namespace beacon::sdk {

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status ok() { return Status(); }
  static Status invalid(std::string field, std::string message) {
    return Status(std::move(field), std::move(message));
  }
  static Status error(std::string message) { return Status(std::string(), std::move(message)); }

  bool isOk() const { return !failed_; }
  const std::string& field() const { return field_; }
  const std::string& message() const { return message_; }
  // "field: message", or just the message when no field is named.
  std::string describe() const { return field_.empty() ? message_ : field_ + ": " + message_; }

 private:
  Status(std::string field, std::string message)
      : failed_(true), field_(std::move(field)), message_(std::move(message)) {}
  bool failed_ = false;
  std::string field_;
  std::string message_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT
  bool isOk() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  const T& value() const { return *value_; }
  T& value() { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace beacon::sdk
