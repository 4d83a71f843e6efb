// RequestContext: one request as the handlers see it: the thread's
// Database, the logged-in user (session cookie or API bearer token) and
// their access policy, path and query parameters, the language, the body
// (size-limited, parsed as JSON or a form, multipart included) and the
// response helpers, which count the status and bytes for the access log.
// Lives on one worker thread for one request; not shared.
#pragma once

#include <functional>
#include <map>
#include <memory>
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

#include "auth/access_policy.h"
#include "auth/session_store.h"
#include "auth/user.h"
#include "beacon/sdk/date.h"
#include "http/response_cache.h"
#include "http/uploaded_file.h"
#include "http/web_state.h"
#include "store/audit_log.h"
#include "store/organisation_repository.h"

namespace beacon::http {

class RequestContext {
 public:
  RequestContext(WebState& state, Poco::Net::HTTPServerRequest& request,
                 Poco::Net::HTTPServerResponse& response);
  ~RequestContext();

  WebState& state;
  Poco::Net::HTTPServerRequest& request;
  Poco::Net::HTTPServerResponse& response;

  const std::string& path() const { return path_; }
  bool isApi() const { return is_api_; }
  bool english() const { return english_; }
  void setEnglish(bool english) { english_ = english; }
  store::Database& db();

  // Path parameters captured by the route ({id}).
  std::map<std::string, std::string> params;
  std::string param(const std::string& name) const;
  // A positive record id from the path; 404 when it is not one.
  sdk::RecordId idParam(const std::string& name) const;
  const Poco::URI::QueryParameters& queryParameters() const { return query_; }
  bool hasQuery(const std::string& name) const;
  std::string query(const std::string& name, const std::string& fallback = "") const;
  // Query parameter as a date (400 naming it when malformed; unset when absent).
  sdk::Date queryDate(const std::string& name) const;
  // Query parameter as an integer in [min, max] (400 naming it otherwise).
  int queryInt(const std::string& name, int fallback, int min, int max) const;

  // Authentication, filled in by the dispatcher.
  std::optional<auth::User> user;
  std::optional<auth::Session> session;
  bool via_token = false;
  // The user, or 401.
  const auth::User& requireUser();
  auth::AccessPolicy& policy();
  store::OrganisationRepository& organisations();
  store::Actor actor() const;
  // 403 unless the user may read / write records of `org_id`.
  void requireRead(sdk::RecordId org_id);
  void requireWrite(sdk::RecordId org_id);
  std::string csrfToken() const { return session ? session->csrf_token : ""; }

  // The raw body, at most web.max_body_bytes (413 beyond).
  const std::string& body();
  // The body as a JSON object; 400 when it is not one.
  Poco::JSON::Object::Ptr jsonBody();
  // The form fields of a urlencoded or multipart body (and the query).
  // Checks the CSRF token of a session-authenticated POST (403 on mismatch).
  const Poco::Net::HTMLForm& form();
  std::string formValue(const std::string& name, const std::string& fallback = "");
  // The file parts of a multipart form, spooled to temporary files (removed when the request ends).
  const std::vector<UploadedFile>& files();

  // Responses.
  void send(int status, const std::string& content_type, const std::string& body);
  void sendJson(int status, const Poco::Dynamic::Var& value);
  void sendHtml(int status, const std::string& html);
  void redirect(const std::string& location);
  // {"error": {...}} for the API, an error page otherwise.
  void sendError(int status, const std::string& code, const std::string& message, const std::string& field);
  // From now on, send() also keeps a copy of what it sends (for the
  // ResponseCache); takeKept() hands it over (nullopt before send()).
  void keepResponse() { keep_ = true; }
  // From now on, sendPage() keeps the page's content with PageMarks stand-ins and its title
  // (what sendKeptPage() serves again); takeKept() hands it over.
  void keepPage() { keep_page_ = true; }
  std::optional<CachedResponse> takeKept() { return std::move(kept_); }
  bool sent() const { return status_ != 0; }
  int status() const { return status_; }
  std::size_t bytesSent() const { return bytes_; }

  // Renders templates/web/<name> inside the page layout (title, navigation,
  // language switch, CSRF token).
  std::string renderPage(const std::string& name, kainjow::mustache::data data, const std::string& title);
  void sendPage(int status, const std::string& name, kainjow::mustache::data data, const std::string& title);
  // A page kept by keepPage(), its stand-ins filled for this request, inside the layout (200).
  void sendKeptPage(const CachedResponse& kept);

 private:
  void readForm();
  // templates/web/<name>; with `marked`, PageMarks stand-ins for the CSRF and submit tokens.
  std::string renderContent(const std::string& name, kainjow::mustache::data data, bool marked);
  std::string inLayout(const std::string& content, const std::string& title);
  std::string path_;
  bool is_api_ = false;
  bool english_ = false;
  Poco::URI::QueryParameters query_;
  std::optional<std::string> body_;
  std::unique_ptr<Poco::Net::HTMLForm> form_;
  std::vector<UploadedFile> files_;
  std::unique_ptr<auth::AccessPolicy> policy_;
  std::unique_ptr<store::OrganisationRepository> orgs_;
  int status_ = 0;
  std::size_t bytes_ = 0;
  bool keep_ = false;
  bool keep_page_ = false;
  std::optional<CachedResponse> kept_;
};

}  // namespace beacon::http
