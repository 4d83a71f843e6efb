// writeResponse: sends a complete HTTP response, the status line and headers
// exactly as Poco writes them (HTTPResponse::write) followed by the body,
// with one send on the connection's socket when the socket takes it all
// (it keeps sending until everything is out). Poco's response stream sends
// through a 4 KB buffer: a 22 KB drill list went out in six sends, each one
// waking the client, which under load cost more than building the answer.
// Poco's HTTPServerResponse::sent() stays false afterwards; callers track
// that themselves (RequestContext::sent()). A send that fails (client gone,
// send timeout) marks the response not keep-alive, so Poco closes the
// connection, and is otherwise ignored, as Poco's stream ignores it.
// Thread-safe for distinct requests (a reused per-thread buffer).
#pragma once

#include <string>

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace beacon::http {

// REQUIRES: the response's headers are complete, including Content-Length;
// nothing has been sent for this request yet. `body` is empty for HEAD.
void writeResponse(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                   const std::string& body);

}  // namespace beacon::http
