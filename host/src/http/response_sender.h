// ResponseSender: the one answer to a request: send() sets the status, type and length (and
// X-Content-Type-Options) and writes it in one go (writeResponse; HEAD: headers only); JSON,
// HTML pages (no-store, the page Content-Security-Policy) and 303 redirects on top. A second
// send is ignored. It counts the status and bytes for the access log, and for the
// ResponseCache can keep a copy of what it sent (keepResponse) or a page's content that
// PageRenderer hands it (keep). Per request, on its worker thread; not shared.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include <Poco/Dynamic/Var.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "http/response_cache.h"

namespace beacon::http {

class ResponseSender {
 public:
  ResponseSender(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
      : request_(request), response_(response) {}
  ResponseSender(const ResponseSender&) = delete;
  ResponseSender& operator=(const ResponseSender&) = delete;

  void send(int status, const std::string& content_type, const std::string& body);
  void sendJson(int status, const Poco::Dynamic::Var& value);
  void sendHtml(int status, const std::string& html);
  void redirect(const std::string& location);

  // From now on, send() also keeps a copy of what it sends (for the
  // ResponseCache); takeKept() hands it over (nullopt before send()).
  void keepResponse() { keep_ = true; }
  // Keeps `kept` as what takeKept() hands over (a page's content, PageRenderer::sendPage).
  void keep(CachedResponse kept) { kept_ = std::move(kept); }
  std::optional<CachedResponse> takeKept() { return std::move(kept_); }

  bool sent() const { return status_ != 0; }
  int status() const { return status_; }
  std::size_t bytesSent() const { return bytes_; }

 private:
  Poco::Net::HTTPServerRequest& request_;
  Poco::Net::HTTPServerResponse& response_;
  int status_ = 0;
  std::size_t bytes_ = 0;
  bool keep_ = false;
  std::optional<CachedResponse> kept_;
};

}  // namespace beacon::http
