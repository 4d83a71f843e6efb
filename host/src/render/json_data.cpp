#include "render/json_data.h"

#include <cstdio>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

namespace beacon::render {

using kainjow::mustache::data;

data toMustacheData(const Poco::Dynamic::Var& value) { return toMustacheData(value, nullptr); }

data toMustacheData(const Poco::Dynamic::Var& value, TextFilter text) {
  if (value.isEmpty()) return data{std::string()};
  if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
    const auto object = value.extract<Poco::JSON::Object::Ptr>();
    data out{data::type::object};
    if (!object) return out;
    for (const auto& name : object->getNames())
      out.set(name, toMustacheData(object->get(name), text));
    return out;
  }
  if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
    const auto array = value.extract<Poco::JSON::Array::Ptr>();
    data out{data::type::list};
    if (!array) return out;
    for (std::size_t i = 0; i < array->size(); ++i)
      out.push_back(toMustacheData(array->get(static_cast<unsigned>(i)), text));
    return out;
  }
  if (value.type() == typeid(bool)) return data{value.extract<bool>()};
  if (value.isNumeric() && !value.isInteger()) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", value.convert<double>());
    return data{std::string(buf)};
  }
  if (text && value.isString()) return data{text(value.convert<std::string>())};
  return data{value.convert<std::string>()};
}

}  // namespace beacon::render
