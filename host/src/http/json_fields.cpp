#include "http/json_fields.h"

#include <limits>
#include <optional>

#include <Poco/NumberParser.h>

#include "beacon/sdk/field_spec.h"
#include "http/http_error.h"

namespace beacon::http {

namespace {

// A JSON whole number as an Int64; nullopt for other values and for numbers
// beyond Int64 (Poco parses those as UInt64, and convert<Int64> would throw).
std::optional<Poco::Int64> wholeNumber(const Poco::Dynamic::Var& v) {
  if (!v.isInteger() || v.isBoolean()) return std::nullopt;
  if (v.isSigned()) return v.convert<Poco::Int64>();
  const Poco::UInt64 u = v.convert<Poco::UInt64>();
  if (u > static_cast<Poco::UInt64>(std::numeric_limits<Poco::Int64>::max())) return std::nullopt;
  return static_cast<Poco::Int64>(u);
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
  int out = 0;
  if (v.isInteger() && !v.isBoolean()) {
    const auto wide = wholeNumber(v);
    if (!wide || *wide < -1000000000 || *wide > 1000000000) {
      throw HttpError::invalid(qualified(name), "is out of range");
    }
    return static_cast<int>(*wide);
  }
  if (v.isString() && Poco::NumberParser::tryParse(v.convert<std::string>(), out)) return out;
  throw HttpError::invalid(qualified(name), "must be a whole number");
}

sdk::RecordId JsonFields::id(const std::string& name) const {
  if (!has(name)) return 0;
  const Poco::Dynamic::Var v = object_->get(name);
  Poco::Int64 out = 0;
  if (v.isInteger() && !v.isBoolean()) {
    const auto wide = wholeNumber(v);
    if (!wide) throw HttpError::invalid(qualified(name), "must be a record id");
    out = *wide;
  } else if (!v.isString() || !Poco::NumberParser::tryParse64(v.convert<std::string>(), out)) {
    throw HttpError::invalid(qualified(name), "must be a record id");
  }
  if (out < 0) throw HttpError::invalid(qualified(name), "must be a record id");
  return out;
}

bool JsonFields::boolean(const std::string& name, bool fallback) const {
  if (!has(name)) return fallback;
  const Poco::Dynamic::Var v = object_->get(name);
  if (v.isBoolean()) return v.convert<bool>();
  bool out = false;
  if (v.isString() && sdk::parseBoolean(v.convert<std::string>(), out)) return out;
  const auto n = wholeNumber(v);
  if (n && (*n == 0 || *n == 1)) return *n == 1;
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
