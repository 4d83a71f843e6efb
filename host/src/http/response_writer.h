// writeResponse: sends a complete HTTP response through Poco's one-shot
// HTTPServerResponse::sendBuffer (status line, headers, then the body; no
// body for HEAD, with the GET's Content-Length). A send that fails (client
// gone, send timeout) marks the response not keep-alive, so Poco closes the
// connection, and is otherwise ignored, as Poco's stream ignores it.
// It replaces a shortcut that wrote headers and body with one send on the
// socket of Poco's internal HTTPServerRequestImpl: that was 1.82x sendBuffer
// on a bare server (bench_response_write) but only 1.15-1.35x end to end on
// the cached drill list (22,346 and 23,504 req/s, 0.040-0.042 CPU s per 1k,
// against 16,604 and 20,468 req/s, 0.047-0.049 with sendBuffer; two rounds
// each, alternating, load 8-12, 2026-12-03: `DURATION=6s bench/wrk/run.sh DIR`
// with DIR/bin/beacon built either way), under the 1.5x a shortcut must
// show (bench/README.md, "Library shortcuts").
// Thread-safe for distinct requests.
#pragma once

#include <string>

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace beacon::http {

// REQUIRES: the response's headers are complete but for Content-Length,
// which is set to body.size(); nothing has been sent for this request yet.
// For HEAD, `body` is the GET's body (it sets Content-Length and is not sent).
void writeResponse(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                   const std::string& body);

}  // namespace beacon::http
