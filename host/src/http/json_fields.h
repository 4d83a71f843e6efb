// JsonFields: typed reading of a request's JSON object for the API's create
// and update endpoints. A value of the wrong type is a 422 naming the field;
// absent optional values fall back. Reads one object on one thread; not
// shared.
#pragma once

#include <string>

#include <Poco/JSON/Object.h>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"

namespace beacon::http {

class JsonFields {
 public:
  explicit JsonFields(Poco::JSON::Object::Ptr object, std::string prefix = "")
      : object_(std::move(object)), prefix_(std::move(prefix)) {}
  bool has(const std::string& name) const;
  std::string text(const std::string& name, const std::string& fallback = "") const;
  // Whole numbers only (a JSON number, or a string of digits).
  int integer(const std::string& name, int fallback) const;
  sdk::RecordId id(const std::string& name) const;
  bool boolean(const std::string& name, bool fallback) const;
  // "YYYY-MM-DD"; unset when absent or empty.
  sdk::Date date(const std::string& name) const;
  // A flat object of scalars as field values (strings, numbers, booleans as 1/0).
  sdk::FieldValues values(const std::string& name) const;
  Poco::JSON::Object::Ptr object(const std::string& name) const;

 private:
  std::string qualified(const std::string& name) const { return prefix_ + name; }
  Poco::JSON::Object::Ptr object_;
  std::string prefix_;
};

}  // namespace beacon::http
