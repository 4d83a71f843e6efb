// json_body_fuzzer: the API's JSON body reader on arbitrary bytes: the
// parser the server uses (http::parseJsonObjectBody, Poco::JSON) and then
// every typed reader of http::JsonFields on every key of the object, and on
// the nested objects the create endpoints read (version, fields). The
// contract checked: bad input is an HttpError (400 from the parser, 422
// naming the field from a reader); any other exception would be a 500.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <typeinfo>
#include <vector>

#include <Poco/Exception.h>
#include <Poco/JSON/Stringifier.h>

#include "http/http_error.h"
#include "http/json_body.h"
#include "http/json_fields.h"

using namespace beacon;

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "json_body_fuzzer: %s\n", what.c_str());
  std::abort();
}

// Runs one reader of `field` (its qualified name); an HttpError must be a 422
// naming that field (or, for values(), one of its keys: "fields.hazard").
template <typename F>
void read(const std::string& field, F&& reader) {
  try {
    reader();
  } catch (const http::HttpError& e) {
    if (e.status() != 422 || e.field().rfind(field, 0) != 0) {
      fail("reader of \"" + field + "\" threw HttpError " + std::to_string(e.status()) + " field \"" +
           e.field() + "\"");
    }
  } catch (const Poco::Exception& e) {
    fail("reader of " + field + " threw " + e.displayText());
  } catch (const std::exception& e) {
    fail("reader of " + field + " threw " + std::string(typeid(e).name()) + ": " + e.what());
  }
}

void readAll(const Poco::JSON::Object::Ptr& object, const std::string& prefix, int depth) {
  const http::JsonFields f(object, prefix);
  std::vector<std::string> names = object->getNames();
  // The field names the endpoints read, present or not.
  for (const char* n : {"code", "title", "domain", "category", "org_id", "plan_id", "version", "date",
                        "participants", "evacuees", "major", "fields", "issued", "verdict", "source_id"}) {
    names.push_back(n);
  }
  for (const auto& name : names) {
    const std::string field = prefix + name;
    read(field, [&] { (void)f.has(name); });
    read(field, [&] { (void)f.text(name, "fallback"); });
    read(field, [&] { (void)f.integer(name, -1); });
    read(field, [&] { (void)f.id(name); });
    read(field, [&] { (void)f.boolean(name, false); });
    read(field, [&] { (void)f.date(name); });
    read(field, [&] { (void)f.values(name); });
    Poco::JSON::Object::Ptr inner;
    read(field, [&] { inner = f.object(name); });
    if (inner && depth < 3) readAll(inner, prefix + name + ".", depth + 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  Poco::JSON::Object::Ptr object;
  try {
    object = http::parseJsonObjectBody(text);
  } catch (const http::HttpError& e) {
    if (e.status() != 400) fail("the body parser threw HttpError " + std::to_string(e.status()));
    return 0;
  } catch (const Poco::Exception& e) {
    fail("the body parser threw " + e.displayText());
  } catch (const std::exception& e) {
    fail(std::string("the body parser threw ") + typeid(e).name() + ": " + e.what());
  }
  if (object.isNull()) fail("the body parser returned no object");
  readAll(object, "", 0);
  return 0;
}
