#include "http/request_context.h"

#include <limits>
#include <algorithm>
#include <climits>
#include <set>
#include <sstream>

#include <Poco/File.h>
#include <Poco/String.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>

#include "auth/secure_random.h"
#include "http/content_policy.h"
#include "http/form_body.h"
#include "http/http_error.h"
#include "http/json_body.h"
#include "http/label_language.h"

#include "http/notification_feed.h"
#include "http/page_marks.h"
#include "http/page_support.h"
#include "http/page_text.h"
#include "http/redirect_target.h"
#include "http/refusal_text.h"
#include "http/response_writer.h"
#include "http/strict_number.h"
#include "http/upload_spool.h"
#include "service/text_limits.h"

namespace beacon::http {

namespace {

std::string readBounded(std::istream& in, std::size_t limit) {
  std::string out;
  char buffer[8192];
  while (in) {
    in.read(buffer, sizeof buffer);
    const auto n = static_cast<std::size_t>(in.gcount());
    if (n == 0) break;
    if (out.size() + n > limit) {
      throw HttpError::tooLarge("the request body is larger than " + std::to_string(limit) + " bytes");
    }
    out.append(buffer, n);
  }
  return out;
}

// The language switch's link: the page shown (a GET's path and query; after a form's POST, the
// page the form was on, by Referer, since the POST's own path may take no GET) with lang=`lang`
// in place of any lang parameter.
std::string languageSwitchHref(const Poco::Net::HTTPRequest& req, const std::string& path,
                               const Poco::URI::QueryParameters& query, const std::string& lang) {
  Poco::URI target;
  target.setPath(path);
  Poco::URI::QueryParameters params = query;
  if (req.getMethod() != "GET" && req.getMethod() != "HEAD" && req.has("Referer")) {
    try {
      const Poco::URI from(req.get("Referer"));
      target = Poco::URI();
      target.setPath(sameSiteRedirect(from.getPath()));
      params = from.getQueryParameters();
    } catch (const Poco::Exception&) {
      target.setPath("/");
      params.clear();
    }
  }
  for (const auto& [k, v] : params) {
    if (k != "lang") target.addQueryParameter(k, v);
  }
  target.addQueryParameter("lang", lang);
  return target.toString();
}

}  // namespace

RequestContext::RequestContext(WebState& s, Poco::Net::HTTPServerRequest& req,
                               Poco::Net::HTTPServerResponse& resp)
    : state(s), request(req), response(resp) {
  Poco::URI uri;
  try {
    uri = Poco::URI(req.getURI());
    path_ = uri.getPath();
    query_ = uri.getQueryParameters();
  } catch (const Poco::Exception&) {
    path_ = "/";
  }
  is_api_ = path_ == "/api" || path_.rfind("/api/", 0) == 0;
  Poco::Net::NameValueCollection cookies;
  req.getCookies(cookies);
  english_ = cookies.get("beacon_lang", "zh") == "en";
  // An API client with neither the cookie nor ?lang= may ask by Accept-Language (its first tag).
  if (is_api_ && !cookies.has("beacon_lang") && req.has("Accept-Language")) {
    std::string first = Poco::toLower(req.get("Accept-Language"));
    first = Poco::trim(first.substr(0, first.find_first_of(",;")));
    english_ = first == "en" || first.rfind("en-", 0) == 0;
  }
  for (const auto& [k, v] : query_) {
    if (k != "lang" || (v != "en" && v != "zh")) continue;
    english_ = v == "en";
    Poco::Net::HTTPCookie cookie("beacon_lang", v);
    cookie.setPath("/");
    cookie.setMaxAge(365 * 24 * 3600);
    cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_LAX);
    resp.addCookie(cookie);
  }
}

RequestContext::~RequestContext() {
  for (const auto& f : files_) {
    if (f.temp_path.empty()) continue;
    try {
      Poco::File file(f.temp_path);
      if (file.exists()) file.remove();  // not taken by AttachmentStore::addUpload
    } catch (...) {
    }
  }
}

store::Database& RequestContext::db() { return state.pool.forThisThread(); }

std::string RequestContext::param(const std::string& name) const {
  auto it = params.find(name);
  return it == params.end() ? "" : it->second;
}

sdk::RecordId RequestContext::idParam(const std::string& name) const {
  const auto id = parseWholeNumber(param(name), 1, std::numeric_limits<sdk::RecordId>::max());
  if (!id) throw HttpError::notFound("\"" + param(name) + "\" is not a record id");
  return *id;
}

bool RequestContext::hasQuery(const std::string& name) const {
  for (const auto& [k, v] : query_) {
    if (k == name) return true;
  }
  return false;
}

std::string RequestContext::query(const std::string& name, const std::string& fallback) const {
  for (const auto& [k, v] : query_) {
    if (k == name) return v;
  }
  return fallback;
}

sdk::Date RequestContext::queryDate(const std::string& name) const {
  const std::string text = query(name);
  if (text.empty()) return {};
  auto d = sdk::Date::parse(text);
  if (!d) throw HttpError::badRequest("\"" + text + "\" is not a date (YYYY-MM-DD)", name);
  return *d;
}

int RequestContext::queryInt(const std::string& name, int fallback, int min, int max) const {
  const std::string text = query(name);
  if (text.empty()) return fallback;
  const auto v = parseWholeNumber(text, min, max);
  if (!v) {
    throw HttpError::badRequest("\"" + text + "\" must be a whole number from " + std::to_string(min) +
                                    " to " + std::to_string(max),
                                name);
  }
  return static_cast<int>(*v);
}

const auth::User& RequestContext::requireUser() {
  if (!user) throw HttpError::unauthenticated();
  return *user;
}

store::OrganisationRepository& RequestContext::organisations() {
  if (!orgs_) orgs_ = std::make_unique<store::OrganisationRepository>(db().session());
  return *orgs_;
}

auth::AccessPolicy& RequestContext::policy() {
  if (!policy_) {
    // Subtrees from the organisation tree the server keeps (WriteVersions), brought up to date first.
    policy_ = std::make_unique<auth::AccessPolicy>(
        organisations(), [this](sdk::RecordId root) -> std::optional<std::set<sdk::RecordId>> {
          const auto tree = state.versions.tree(db().session(), state.cache);
          if (!tree->find(root)) return std::nullopt;
          const auto ids = tree->subtree(root);
          return std::set<sdk::RecordId>(ids.begin(), ids.end());
        });
  }
  return *policy_;
}

store::Actor RequestContext::actor() const { return store::Actor{user ? user->username : "anonymous"}; }

void RequestContext::requireRead(sdk::RecordId org_id) {
  if (!policy().canRead(requireUser(), org_id)) {
    throw HttpError::forbidden(pageWord("refuse_record_outside_scope", english_));
  }
}

void RequestContext::requireWrite(sdk::RecordId org_id) {
  if (!policy().canWrite(requireUser(), org_id)) {
    throw HttpError::forbidden(pageWord("refuse_may_not_change_records", english_));
  }
}

const std::string& RequestContext::body() {
  if (!body_) {
    // An upload route (a ledger file sent as the raw body) takes web.max_upload_bytes, as the
    // dispatcher's Content-Length check does.
    const RouteMatch match = state.router.match(request.getMethod(), path_);
    const bool upload = match.route && match.route->upload;
    body_ = readBounded(request.stream(),
                        upload ? state.config.max_upload_bytes : state.config.max_body_bytes);
  }
  return *body_;
}

Poco::JSON::Object::Ptr RequestContext::jsonBody() { return parseJsonObjectBody(body()); }

void RequestContext::readForm() {
  form_ = std::make_unique<Poco::Net::HTMLForm>();
  try {
    if (request.getMethod() == "POST" && isMultipartForm(request.getContentType())) {
      loadFormBody(request, request.stream(), state.config.max_upload_bytes, state.config.attachments_dir, *form_,
                   files_);
    } else if (request.getMethod() == "POST") {
      std::istringstream in(body());
      loadFormBody(request, in, state.config.max_body_bytes, state.config.attachments_dir, *form_, files_);
    }
    // Then the query's fields, except a csrf_token: the CSRF token below comes
    // from the body (or the X-CSRF-Token header), never from the query string,
    // which leaks into logs and Referer headers.
    Poco::Net::HTMLForm query_fields;
    query_fields.setFieldLimit(kFormFieldLimit);
    query_fields.load(Poco::Net::HTTPRequest(Poco::Net::HTTPRequest::HTTP_GET, request.getURI()));
    for (const auto& [name, value] : query_fields) {
      if (name != "csrf_token") form_->add(name, value);
    }
  } catch (const HttpError&) {
    throw;
  } catch (const Poco::Exception& e) {
    throw HttpError::badRequest("malformed form: " + e.message());
  }
  const std::string token = request.get("X-CSRF-Token", form_->get("csrf_token", ""));
  if (request.getMethod() == "POST" && session && !via_token && !auth::SessionStore::verifyCsrf(*session, token)) {
    throw HttpError(403, "csrf_failed", pageWord("refuse_form_token_stale", english_));
  }
}

const Poco::Net::HTMLForm& RequestContext::form() {
  if (!form_) readForm();
  return *form_;
}

std::string RequestContext::formValue(const std::string& name, const std::string& fallback) {
  return form().get(name, fallback);
}

const std::vector<UploadedFile>& RequestContext::files() {
  form();
  return files_;
}

void RequestContext::send(int status, const std::string& content_type, const std::string& text) {
  if (sent()) return;
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response.setContentType(content_type);
  response.setContentLength(static_cast<std::streamsize>(text.size()));
  response.set("X-Content-Type-Options", "nosniff");
  status_ = status;
  bytes_ = text.size();
  if (keep_) kept_ = CachedResponse{content_type, text};
  writeResponse(request, response, text);  // HEAD: headers only
}

void RequestContext::sendJson(int status, const Poco::Dynamic::Var& value) {
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(value, out, 0, -1, Poco::JSON_PRESERVE_KEY_ORDER);
  send(status, "application/json; charset=utf-8", out.str());
}

void RequestContext::sendHtml(int status, const std::string& html) {
  response.set("Cache-Control", "no-store");
  response.set("Content-Security-Policy", kPagePolicy);
  send(status, "text/html; charset=utf-8", html);
}

void RequestContext::redirect(const std::string& location) {
  if (sent()) return;
  response.set("Location", location);
  send(303, "text/plain; charset=utf-8", "see " + location + "\n");
}

void RequestContext::sendError(int status, const std::string& code, const std::string& message,
                               const std::string& field) {
  // The message in the request's language, naming the field by its label (the API's
  // "field" keeps the machine name).
  const std::string sentence =
      refusalSentence(state.app.plugins(), field, service::localisedMessage(message, english_), english_);
  if (is_api_ || request.get("Accept", "").find("application/json") == 0) {
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

namespace {

// The pages' words in one language, built once (read-only afterwards).
const kainjow::mustache::data& pageWords(bool english) {
  static const kainjow::mustache::data kZh = pageText(false);
  static const kainjow::mustache::data kEn = pageText(true);
  return english ? kEn : kZh;
}

}  // namespace

std::string RequestContext::renderContent(const std::string& name, kainjow::mustache::data data, bool marked) {
  data.set("t", pageWords(english_));
  data.set("csrf_token", marked ? page_marks::csrf() : csrfToken());
  // Each form's one-time submission token (IdempotentPost): a fresh value wherever it is used.
  if (marked) {
    data.set("submit_token", page_marks::submit());
  } else {
    data.set("submit_token", kainjow::mustache::lambda{[](const std::string&) { return auth::randomHex(16); }});
  }
  data.set("lang", languageCode(english_));
  auto body_html = state.app.templates().render("web/" + name, data);
  if (!body_html.isOk()) throw std::runtime_error("template web/" + name + ": " + body_html.status().message());
  return body_html.value();
}

std::string RequestContext::inLayout(const std::string& content, const std::string& title) {
  kainjow::mustache::data layout;
  layout.set("t", pageWords(english_));
  layout.set("title", title);
  layout.set("body", content);
  layout.set("csrf_token", csrfToken());
  layout.set("html_lang", pageWord("lang_tag", english_));
  layout.set("other_lang", languageCode(!english_));
  layout.set("lang_href", languageSwitchHref(request, path_, query_, languageCode(!english_)));
  layout.set("other_lang_label",
             pageWord("language_name", !english_));  // the other language, in its own words
  layout.set("path", path_);
  if (path_ == "/search") layout.set("search_q", query("q"));
  if (user) {
    kainjow::mustache::data u;
    u.set("username", user->username);
    const std::string display_name = user->display_name.empty() ? user->username : user->display_name;
    const std::string role = labelIn(user->role, english_);
    u.set("display_name", display_name);
    u.set("role", role);
    u.set("badge", userBadge(display_name, role));
    if (const std::size_t n = newNotificationCount(*this); n > 0) {
      u.set("notification_count", std::to_string(n));
    }
    layout.set("user", u);
  }
  auto page = state.app.templates().render("web/layout.html", layout);
  if (!page.isOk()) throw std::runtime_error("template web/layout.html: " + page.status().message());
  return page.value();
}

std::string RequestContext::renderPage(const std::string& name, kainjow::mustache::data data,
                                       const std::string& title) {
  return inLayout(renderContent(name, std::move(data), false), title);
}

void RequestContext::sendPage(int status, const std::string& name, kainjow::mustache::data data,
                              const std::string& title) {
  if (!keep_page_) {
    sendHtml(status, renderPage(name, std::move(data), title));
    return;
  }
  std::string content = renderContent(name, std::move(data), true);
  const std::string page = inLayout(page_marks::fill(content, csrfToken()), title);
  kept_ = CachedResponse{"text/html; charset=utf-8", std::move(content), title};
  sendHtml(status, page);
}

void RequestContext::sendKeptPage(const CachedResponse& kept) {
  sendHtml(200, inLayout(page_marks::fill(kept.body, csrfToken()), kept.title));
}

}  // namespace beacon::http
