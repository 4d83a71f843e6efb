#include "http/request_context.h"

#include <Poco/JSON/Object.h>

#include "http/notification_feed.h"
#include "http/refusal_text.h"
#include "http/request_language.h"
#include "service/text_limits.h"

namespace beacon::http {

RequestContext::RequestContext(WebState& s, Poco::Net::HTTPServerRequest& req,
                               Poco::Net::HTTPServerResponse& resp)
    : state(s),
      request(req),
      response(resp),
      parameters_(req.getURI()),
      english_(answersInEnglish(req, parameters_, resp)),
      caller_(s, english_),
      body_(s, req, parameters_.path(), caller_, english_),
      sender_(req, resp),
      pages_(s.app, req, parameters_, caller_, sender_, english_,
             [this] { return newNotificationCount(*this); }),
      params(parameters_.params),
      user(caller_.user),
      session(caller_.session),
      via_token(caller_.via_token) {}

void RequestContext::sendError(int status, const std::string& code, const std::string& message,
                               const std::string& field) {
  const std::string sentence =
      refusalSentence(state.app.plugins(), field, service::localisedMessage(message, english_), english_);
  if (isApi() || request.get("Accept", "").find("application/json") == 0) {
    Poco::JSON::Object::Ptr error = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    error->set("code", code);
    error->set("message", sentence);
    error->set("field", field);
    Poco::JSON::Object::Ptr wrapper = new Poco::JSON::Object();
    wrapper->set("error", error);
    sendJson(status, wrapper);
    return;
  }
  kainjow::mustache::data d;
  d.set("status", std::to_string(status));
  d.set("code", code);
  d.set("message", sentence);
  d.set("field", field);
  std::string html;
  try {
    html = renderPage("error.html", d, std::to_string(status));
  } catch (...) {
    html.clear();
  }
  if (html.empty()) html = "<!doctype html><title>" + std::to_string(status) + "</title><p>" + code + "</p>";
  sendHtml(status, html);
}

}  // namespace beacon::http
