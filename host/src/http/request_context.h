// RequestContext: one request as the handlers see it, a thin facade over its parts, each its own
// concept and file: RequestParameters (path, query and route parameters), the language
// (request_language.h), RequestCaller (the user, session, policy and refusals), RequestBody
// (raw, JSON, form with its CSRF check, uploaded files), ResponseSender (the answer, its status
// and bytes for the access log, the copy kept for the ResponseCache) and PageRenderer (templates
// inside the page layout). It keeps the parts' methods under their old names, adds the thread's
// Database and sendError (the one step that needs several parts); new code may take only the
// part it needs (parameters(), caller(), requestBody(), sender(), pages()).
// Lives on one worker thread for one request; not shared.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>
#include <kainjow/mustache.hpp>

#include "http/page_renderer.h"
#include "http/request_body.h"
#include "http/request_caller.h"
#include "http/request_parameters.h"
#include "http/response_cache.h"
#include "http/response_sender.h"
#include "http/uploaded_file.h"
#include "http/web_state.h"

namespace beacon::http {

class RequestContext {
 public:
  RequestContext(WebState& state, Poco::Net::HTTPServerRequest& request,
                 Poco::Net::HTTPServerResponse& response);
  RequestContext(const RequestContext&) = delete;
  RequestContext& operator=(const RequestContext&) = delete;

  WebState& state;
  Poco::Net::HTTPServerRequest& request;
  Poco::Net::HTTPServerResponse& response;

 private:
  // Declared before the references below, which are bound to their members.
  RequestParameters parameters_;
  bool english_;
  RequestCaller caller_;
  RequestBody body_;
  ResponseSender sender_;
  PageRenderer pages_;

 public:
  RequestParameters& parameters() { return parameters_; }
  RequestCaller& caller() { return caller_; }
  RequestBody& requestBody() { return body_; }
  ResponseSender& sender() { return sender_; }
  PageRenderer& pages() { return pages_; }

  const std::string& path() const { return parameters_.path(); }
  bool isApi() const { return parameters_.isApi(); }
  bool english() const { return english_; }
  store::Database& db() { return state.pool.forThisThread(); }

  // RequestParameters.
  std::map<std::string, std::string>& params;
  std::string param(const std::string& name) const { return parameters_.param(name); }
  sdk::RecordId idParam(const std::string& name) const { return parameters_.idParam(name); }
  const Poco::URI::QueryParameters& queryParameters() const {
    return parameters_.queryParameters();
  }
  bool hasQuery(const std::string& name) const { return parameters_.hasQuery(name); }
  std::string query(const std::string& name, const std::string& fallback = "") const {
    return parameters_.query(name, fallback);
  }
  sdk::Date queryDate(const std::string& name) const { return parameters_.queryDate(name); }
  int queryInt(const std::string& name, int fallback, int min, int max) const {
    return parameters_.queryInt(name, fallback, min, max);
  }

  // RequestCaller (authentication filled in by the dispatcher).
  std::optional<auth::User>& user;
  std::optional<auth::Session>& session;
  bool& via_token;
  const auth::User& requireUser() { return caller_.requireUser(); }
  auth::AccessPolicy& policy() { return caller_.policy(); }
  store::OrganisationRepository& organisations() { return caller_.organisations(); }
  store::Actor actor() const { return caller_.actor(); }
  void requireRead(sdk::RecordId org_id) { caller_.requireRead(org_id); }
  void requireWrite(sdk::RecordId org_id) { caller_.requireWrite(org_id); }
  std::string csrfToken() const { return caller_.csrfToken(); }

  // RequestBody.
  const std::string& body() { return body_.body(); }
  Poco::JSON::Object::Ptr jsonBody() { return body_.jsonBody(); }
  const Poco::Net::HTMLForm& form() { return body_.form(); }
  std::string formValue(const std::string& name, const std::string& fallback = "") {
    return body_.formValue(name, fallback);
  }
  const std::vector<UploadedFile>& files() { return body_.files(); }

  // ResponseSender.
  void send(int status, const std::string& content_type, const std::string& text) {
    sender_.send(status, content_type, text);
  }
  void sendJson(int status, const Poco::Dynamic::Var& value) { sender_.sendJson(status, value); }
  void sendHtml(int status, const std::string& html) { sender_.sendHtml(status, html); }
  void redirect(const std::string& location) { sender_.redirect(location); }
  void keepResponse() { sender_.keepResponse(); }
  std::optional<CachedResponse> takeKept() { return sender_.takeKept(); }
  bool sent() const { return sender_.sent(); }
  int status() const { return sender_.status(); }
  std::size_t bytesSent() const { return sender_.bytesSent(); }

  // {"error": {...}} for the API (or an Accept: application/json client), an error page otherwise;
  // the message in the request's language, naming the field by its label.
  void sendError(int status, const std::string& code, const std::string& message,
                 const std::string& field);

  // PageRenderer.
  std::string renderPage(const std::string& name, kainjow::mustache::data data,
                         const std::string& title) {
    return pages_.renderPage(name, std::move(data), title);
  }
  void sendPage(int status, const std::string& name, kainjow::mustache::data data,
                const std::string& title) {
    pages_.sendPage(status, name, std::move(data), title);
  }
  void keepPage() { pages_.keepPage(); }
  void sendKeptPage(const CachedResponse& kept) { pages_.sendKeptPage(kept); }
};

}  // namespace beacon::http
