#include "http/response_sender.h"

#include <sstream>

#include <Poco/JSON/Stringifier.h>

#include "http/content_policy.h"
#include "http/response_writer.h"

namespace beacon::http {

void ResponseSender::send(int status, const std::string& content_type, const std::string& text) {
  if (sent()) return;
  response_.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response_.setContentType(content_type);
  response_.setContentLength(static_cast<std::streamsize>(text.size()));
  response_.set("X-Content-Type-Options", "nosniff");
  status_ = status;
  bytes_ = text.size();
  if (keep_) kept_ = CachedResponse{content_type, text};
  writeResponse(request_, response_, text);  // HEAD: headers only
}

void ResponseSender::sendJson(int status, const Poco::Dynamic::Var& value) {
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(value, out, 0, -1, Poco::JSON_PRESERVE_KEY_ORDER);
  send(status, "application/json; charset=utf-8", out.str());
}

void ResponseSender::sendHtml(int status, const std::string& html) {
  response_.set("Cache-Control", "no-store");
  response_.set("Content-Security-Policy", kPagePolicy);
  send(status, "text/html; charset=utf-8", html);
}

void ResponseSender::redirect(const std::string& location) {
  if (sent()) return;
  response_.set("Location", location);
  send(303, "text/plain; charset=utf-8", "see " + location + "\n");
}

}  // namespace beacon::http
