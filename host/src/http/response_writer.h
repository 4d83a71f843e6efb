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
// It reaches the socket through Poco's HTTPServerRequestImpl (a dynamic_cast;
// any other request falls back to Poco's stream): the one place that does.
// Kept on this figure: a 22 KB answer on a bare Poco server, 4
// keep-alive clients, 33,447 answers/s and 51 us CPU each against 18,393/s
// and 86 us with the library's one-shot HTTPServerResponse::sendBuffer
// (headers and body sent apart) and 17,582/s with response.send() << body:
// 1.82x (bench_response_write, 2 shared cores, load 9, 2026-12-03:
// `cmake --build build -j2 --target bench_response_write && build/bin/bench_response_write`).
// End to end the one figure there is, the cached drill list under wrk with
// the older per-worker pragma check, went 11,824/s -> 15,609/s (1.32x,
// bench/wrk/README.md); a run against sendBuffer in the whole server is
// still to do (bench/README.md, "Library shortcuts").
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
