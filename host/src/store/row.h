// Row: typed access to one row of a Poco::Data::RecordSet, treating NULL as
// empty/zero, plus the binding helpers the repositories share (a RecordId 0
// binds as NULL). Not thread-safe (follows its RecordSet).
#pragma once

#include <cstddef>
#include <string>

#include <Poco/Data/RecordSet.h>
#include <Poco/Nullable.h>
#include <Poco/Types.h>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"

namespace beacon::store {

class Row {
 public:
  Row(const Poco::Data::RecordSet& rs, std::size_t row) : rs_(rs), row_(row) {}
  std::string text(std::size_t col) const;
  Poco::Int64 int64(std::size_t col) const;
  int integer(std::size_t col) const { return static_cast<int>(int64(col)); }
  bool boolean(std::size_t col) const { return int64(col) != 0; }
  sdk::Date date(std::size_t col) const;

 private:
  const Poco::Data::RecordSet& rs_;
  std::size_t row_;
};

inline Poco::Nullable<Poco::Int64> nullableId(sdk::RecordId id) {
  return id == 0 ? Poco::Nullable<Poco::Int64>() : Poco::Nullable<Poco::Int64>(id);
}

// Current UTC time as ISO 8601, the form every created_at and audit time uses.
std::string isoTimestampNow();

}  // namespace beacon::store
