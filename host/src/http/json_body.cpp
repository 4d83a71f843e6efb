#include "http/json_body.h"

#include <Poco/JSON/Parser.h>

#include "http/http_error.h"

namespace beacon::http {

Poco::JSON::Object::Ptr parseJsonObjectBody(const std::string& text) {
  if (text.empty()) throw HttpError::badRequest("a JSON object body is required");
  try {
    Poco::JSON::Parser parser;
    Poco::Dynamic::Var v = parser.parse(text);
    if (v.type() != typeid(Poco::JSON::Object::Ptr)) {
      throw HttpError::badRequest("the body must be a JSON object");
    }
    return v.extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception& e) {
    throw HttpError::badRequest("malformed JSON: " + e.message());
  }
}

}  // namespace beacon::http
