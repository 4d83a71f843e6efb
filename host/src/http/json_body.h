// parseJsonObjectBody: how the API reads a request body as JSON (Poco's
// parser, default depth limit): the one object the create and update
// endpoints take, or a 400. Stateless; thread-safe.
#pragma once

#include <string>

#include <Poco/JSON/Object.h>

namespace beacon::http {

// The body as a JSON object. Throws HttpError 400 when it is empty, malformed
// or not an object (an array, a string, a number...).
Poco::JSON::Object::Ptr parseJsonObjectBody(const std::string& text);

}  // namespace beacon::http
