#include "http/json_fields.h"

#include <limits>
#include <optional>

#include "beacon/sdk/field_spec.h"
#include "http/http_error.h"
#include "http/strict_number.h"

namespace beacon::http {

namespace {

// A JSON integer, or a string of digits (strictly), as a 64-bit value;
// nullopt for anything else, a number past the 64-bit range included.
std::optional<Poco::Int64> wholeNumber(const Poco::Dynamic::Var& v) {
  if (v.isInteger() && !v.isBoolean()) {
    try {
      return v.convert<Poco::Int64>();
    } catch (const Poco::Exception&) {
      return std::nullopt;
    }
  }
  if (v.isString()) {
    return parseWholeNumber(v.convert<std::string>(), std::numeric_limits<Poco::Int64>::min(),
                            std::numeric_limits<Poco::Int64>::max());
  }
  return std::nullopt;
}

}  // namespace

bool JsonFields::has(const std::string& name) const {
  return object_->has(name) && !object_->isNull(name);
}

std::string JsonFields::text(const std::string& name, const std::string& fallback) const {
  if (!has(name)) return fallback;
  const Poco::Dynamic::Var v = object_->get(name);
  if (!v.isString() && !v.isNumeric()) throw HttpError::invalid(qualified(name), "must be a string");
  return v.convert<std::string>();
}

int JsonFields::integer(const std::string& name, int fallback) const {
  if (!has(name)) return fallback;
  const Poco::Dynamic::Var v = object_->get(name);
  const auto wide = wholeNumber(v);
  if (!wide) throw HttpError::invalid(qualified(name), "must be a whole number");
  if (*wide < -1000000000 || *wide > 1000000000) throw HttpError::invalid(qualified(name), "is out of range");
  return static_cast<int>(*wide);
}

sdk::RecordId JsonFields::id(const std::string& name) const {
  if (!has(name)) return 0;
  const Poco::Dynamic::Var v = object_->get(name);
  const auto out = wholeNumber(v);
  if (!out || *out < 0) throw HttpError::invalid(qualified(name), "must be a record id");
  return *out;
}

bool JsonFields::boolean(const std::string& name, bool fallback) const {
  if (!has(name)) return fallback;
  const Poco::Dynamic::Var v = object_->get(name);
  if (v.isBoolean()) return v.convert<bool>();
  bool out = false;
  if (v.isString() && sdk::parseBoolean(v.convert<std::string>(), out)) return out;
  if (v.isInteger()) {
    const auto n = wholeNumber(v);
    if (n && (*n == 0 || *n == 1)) return *n == 1;
  }
  throw HttpError::invalid(qualified(name), "must be true or false");
}

sdk::Date JsonFields::date(const std::string& name) const {
  const std::string t = text(name);
  if (t.empty()) return {};
  auto d = sdk::Date::parse(t);
  if (!d) throw HttpError::invalid(qualified(name), "\"" + t + "\" is not a date (YYYY-MM-DD)");
  return *d;
}

sdk::FieldValues JsonFields::values(const std::string& name) const {
  sdk::FieldValues out;
  if (!has(name)) return out;
  const Poco::Dynamic::Var v = object_->get(name);
  if (v.type() != typeid(Poco::JSON::Object::Ptr)) throw HttpError::invalid(qualified(name), "must be an object");
  auto obj = v.extract<Poco::JSON::Object::Ptr>();
  for (const auto& key : obj->getNames()) {
    if (obj->isNull(key)) continue;
    const Poco::Dynamic::Var item = obj->get(key);
    if (item.isBoolean()) {
      out[key] = item.convert<bool>() ? "1" : "0";
    } else if (item.isString() || item.isNumeric()) {
      out[key] = item.convert<std::string>();
    } else {
      throw HttpError::invalid(qualified(name + "." + key), "must be a string, number or boolean");
    }
  }
  return out;
}

Poco::JSON::Object::Ptr JsonFields::object(const std::string& name) const {
  if (!has(name)) return nullptr;
  const Poco::Dynamic::Var v = object_->get(name);
  if (v.type() != typeid(Poco::JSON::Object::Ptr)) throw HttpError::invalid(qualified(name), "must be an object");
  return v.extract<Poco::JSON::Object::Ptr>();
}

}  // namespace beacon::http
