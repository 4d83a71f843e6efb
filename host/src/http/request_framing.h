// Request framing, against request smuggling: where a request's body ends
// must be unambiguous, and a body the handler did not read must not be
// parsed as the next request on the connection. framingProblem() names what
// is wrong with a request head; drainBody() reads what is left of a body so
// the connection can carry another request. Free functions over the
// caller's request; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPServerRequest.h>

namespace beacon::http {

struct FramingProblem {
  int status = 400;  // 400, or 411 for a body-carrying method with no length
  std::string message;
};

// Two different Content-Length values, a Content-Length that is not a whole
// number, Content-Length together with Transfer-Encoding, a transfer coding
// other than "chunked", or a POST/PUT/PATCH with neither; nullopt when the
// framing is sound.
std::optional<FramingProblem> framingProblem(const Poco::Net::HTTPRequest& request);

// Reads and discards the rest of the request body, at most `limit` bytes.
// True when the body has been read to its end (the connection may carry
// another request); false when the framing is bad, more than `limit` bytes
// are left or the body cannot be read (the connection must close).
bool drainBody(Poco::Net::HTTPServerRequest& request, std::size_t limit);

}  // namespace beacon::http
