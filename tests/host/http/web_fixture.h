// WebFixture: one in-process Beacon web server per test suite, on an
// ephemeral port over a temporary database holding the demo city (loaded
// with the real plugins from the build tree) and five accounts:
// admin, town (城关镇 staff), village (城关镇 xinmi.chengguan.04 staff),
// other (米村镇 xinmi.micun.05 staff) and viewer. Requests go over a real
// socket with Poco::Net::HTTPClientSession. The session clock can be moved
// forward by hand (advance()). Header-only (the test binary builds *_test.cpp
// files only). Tests in a suite share the database, so they
// assert on differences, not absolute counts. The database is a SQLite file, or a
// PostgreSQL database of its own when BEACON_TEST_DB_URI names one, each a copy of one
// template holding the demo city and the accounts (support/template_database.h).
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <string>

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>
#include <gtest/gtest.h>

#include "app/app_context.h"
#include "http/web_server.h"
#include <sstream>

#include <Poco/File.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Util/MapConfiguration.h>

#include "auth/account_service.h"
#include "auth/api_token_store.h"
#include "auth/user_repository.h"
#include "build_paths.h"
#include "demo/xinmi_demo.h"
#include "http/request_context.h"
#include "store/organisation_repository.h"
#include "support/template_database.h"
#include "support/test_database.h"

namespace beacon::http::testing {

struct Reply {
  int status = 0;
  std::string body;
  std::string content_type;
  std::map<std::string, std::string> headers;
  std::string cookie;  // beacon_session value set by the response, if any
  Poco::JSON::Object::Ptr json() const;
  std::string errorField() const;
  std::string errorCode() const;
};

struct Login {
  std::string cookie;
  std::string csrf;
};

// The login page's pre-session CSRF token: the beacon_login cookie GET /login
// set and the form's hidden csrf_token (equal when the page is well formed).
struct LoginForm {
  std::string cookie;
  std::string token;
  // The Cookie header that sends it back.
  std::string cookieHeader() const { return std::string("beacon_login=") + cookie; }
};

class WebFixture : public ::testing::Test {
 public:
  static void SetUpTestSuite();
  static void TearDownTestSuite();

 protected:
  // Writes the demo city and the accounts into the suites' template at `uri`.
  static void buildTemplate(const std::string& uri);
  static Reply request(const std::string& method, const std::string& path, const std::string& body = "",
                       const std::string& content_type = "", const std::map<std::string, std::string>& headers = {});
  // Logs in through POST /api/v1/session.
  static Login login(const std::string& username);
  // GET /login: the token pair its login form carries.
  static LoginForm loginForm();
  static Reply get(const Login& who, const std::string& path);
  // JSON write with the session cookie and CSRF header.
  static Reply send(const Login& who, const std::string& method, const std::string& path, const std::string& json);
  // `fields` as an application/x-www-form-urlencoded body.
  static std::string formBody(const std::map<std::string, std::string>& fields);
  // A form POST with `who`'s session cookie and, unless `fields` names one, its CSRF token.
  static Reply postForm(const Login& who, const std::string& path, std::map<std::string, std::string> fields);
  // The same with no CSRF token at all (a forged cross-site form).
  static Reply postFormWithoutToken(const Login& who, const std::string& path,
                                    const std::map<std::string, std::string>& fields);
  // The same as multipart/form-data, with one file when `file_field` is given (a JPEG).
  static Reply postMultipart(const Login& who, const std::string& path, std::map<std::string, std::string> fields,
                             const std::string& file_field = "", const std::string& filename = "",
                             const std::string& data = "");
  static bool has(const Reply& r, const std::string& text) { return r.body.find(text) != std::string::npos; }
  static std::string apiToken(const std::string& username);
  static void advance(std::chrono::seconds by) { offset_seconds_ += by.count(); }
  static sdk::RecordId orgId(const std::string& code);
  static int count(const std::string& sql);

  inline static std::unique_ptr<beacon::testing::TemplateDatabase> database_;
  inline static std::unique_ptr<app::AppContext> app_;
  inline static std::unique_ptr<WebServer> server_;
  inline static std::string dir_;
  inline static std::atomic<long> offset_seconds_{0};
  inline static const char* const kPassword = "test-password-1";
};

// A multipart/form-data body; returns the Content-Type with its boundary.
std::string multipartBody(const std::map<std::string, std::string>& fields, const std::string& file_field,
                          const std::string& filename, const std::string& file_type, const std::string& data,
                          std::string& body);

}  // namespace beacon::http::testing

namespace beacon::http::testing {


inline Poco::JSON::Object::Ptr Reply::json() const {
  Poco::JSON::Parser parser;
  return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
}

inline std::string Reply::errorField() const { return json()->getObject("error")->getValue<std::string>("field"); }
inline std::string Reply::errorCode() const { return json()->getObject("error")->getValue<std::string>("code"); }

// The demo city and the accounts, written once into the suites' template (TemplateDatabase).
inline void WebFixture::buildTemplate(const std::string& uri) {
  Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
  config->setString("beacon.database", uri);
  config->setString("beacon.plugins", BEACON_DEFAULT_PLUGIN_DIR);
  auto opened = app::AppContext::open(*config, true);
  if (!opened.isOk()) throw std::runtime_error(opened.status().describe());
  std::unique_ptr<app::AppContext> app = std::move(opened.value());
  store::Actor actor{"test"};
  auto loaded = demo::loadDemo(app->db(), app->plugins(), "xinmi-2023", actor);
  if (!loaded.isOk()) throw std::runtime_error(loaded.describe());
  auth::PasswordHasher hasher(1000);
  auth::AccountService accounts(app->db(), hasher);
  for (const auto& [name, role, org] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"admin", "admin", ""},
           {"town", "org_staff", "xinmi.chengguan"},
           {"village", "village_staff", "xinmi.chengguan.04"},
           {"other", "village_staff", "xinmi.micun.05"},
           {"viewer", "viewer", ""},
           {"locked", "village_staff", "xinmi.chengguan.04"}}) {
    auto created = accounts.create({name, name, role, org, kPassword}, actor);
    if (!created.isOk()) throw std::runtime_error(created.status().describe());
  }
}

inline void WebFixture::SetUpTestSuite() {
  dir_ = Poco::TemporaryFile::tempName();
  Poco::File(dir_).createDirectories();
  Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
  database_ = std::make_unique<beacon::testing::TemplateDatabase>(
      "web_demo", Poco::Path(dir_).append("web.db").toString(), buildTemplate);
  config->setString("beacon.database", database_->uri());
  config->setString("beacon.plugins", BEACON_DEFAULT_PLUGIN_DIR);
  auto opened = app::AppContext::open(*config, true);
  ASSERT_TRUE(opened.isOk()) << opened.status().describe();
  app_ = std::move(opened.value());
  WebConfig web;
  web.host = "127.0.0.1";
  web.port = 0;
  web.threads = 4;
  web.password_iterations = 1000;
  web.attachments_dir = Poco::Path(dir_).append("attachments").toString();
  server_ = std::make_unique<WebServer>(*app_, web, [] {
    return std::chrono::system_clock::now() + std::chrono::seconds(offset_seconds_.load());
  });
  server_->router().add("GET", "/api/v1/test/throw", [](RequestContext&) { throw std::runtime_error("boom"); });
  server_->router().add("GET", "/test/throw", [](RequestContext&) { throw std::logic_error("page boom"); });
  server_->start();
}

inline void WebFixture::TearDownTestSuite() {
  server_.reset();
  app_.reset();
  database_.reset();
  try {
    Poco::File(dir_).remove(true);
  } catch (...) {
  }
}

inline Reply receiveReply(Poco::Net::HTTPClientSession& session, Poco::Net::HTTPResponse& resp) {
  std::istream& in = session.receiveResponse(resp);
  Reply r;
  r.status = resp.getStatus();
  Poco::StreamCopier::copyToString(in, r.body);
  r.content_type = resp.getContentType();
  for (const auto& [k, v] : resp) r.headers[k] = v;
  return r;
}

inline Reply WebFixture::request(const std::string& method, const std::string& path, const std::string& body,
                          const std::string& content_type, const std::map<std::string, std::string>& headers) {
  Poco::Net::HTTPClientSession session("127.0.0.1", server_->port());
  session.setTimeout(Poco::Timespan(20, 0));
  Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [k, v] : headers) req.set(k, v);
  if (!body.empty() || method == "POST" || method == "PATCH") {
    req.setContentLength(static_cast<std::streamsize>(body.size()));
    if (!content_type.empty()) req.setContentType(content_type);
  }
  std::ostream& out = session.sendRequest(req);
  out << body;
  Poco::Net::HTTPResponse resp;
  Reply r = receiveReply(session, resp);
  std::vector<Poco::Net::HTTPCookie> cookies;
  resp.getCookies(cookies);
  for (const auto& c : cookies) {
    if (c.getName() == "beacon_session") r.cookie = c.getValue();
  }
  return r;
}

inline Login WebFixture::login(const std::string& username) {
  Reply r = request("POST", "/api/v1/session",
                    "{\"username\":\"" + username + "\",\"password\":\"" + kPassword + "\"}", "application/json");
  EXPECT_EQ(r.status, 200) << r.body;
  Login l;
  l.cookie = r.cookie;
  if (r.status == 200) l.csrf = r.json()->getValue<std::string>("csrf_token");
  return l;
}

inline LoginForm WebFixture::loginForm() {
  Poco::Net::HTTPClientSession session("127.0.0.1", server_->port());
  session.setTimeout(Poco::Timespan(20, 0));
  Poco::Net::HTTPRequest req("GET", "/login", Poco::Net::HTTPMessage::HTTP_1_1);
  session.sendRequest(req);
  Poco::Net::HTTPResponse resp;
  Reply r = receiveReply(session, resp);
  EXPECT_EQ(r.status, 200) << r.body;
  LoginForm form;
  std::vector<Poco::Net::HTTPCookie> cookies;
  resp.getCookies(cookies);
  for (const auto& c : cookies) {
    if (c.getName() == "beacon_login") form.cookie = c.getValue();
  }
  const std::string marker = "name=\"csrf_token\" value=\"";
  const auto at = r.body.find(marker);
  if (at != std::string::npos) {
    const auto start = at + marker.size();
    form.token = r.body.substr(start, r.body.find('"', start) - start);
  }
  return form;
}

inline Reply WebFixture::get(const Login& who, const std::string& path) {
  return request("GET", path, "", "", {{"Cookie", "beacon_session=" + who.cookie}});
}

inline Reply WebFixture::send(const Login& who, const std::string& method, const std::string& path,
                       const std::string& json) {
  return request(method, path, json, "application/json",
                 {{"Cookie", "beacon_session=" + who.cookie}, {"X-CSRF-Token", who.csrf}});
}

inline std::string WebFixture::formBody(const std::map<std::string, std::string>& fields) {
  std::string body;
  for (const auto& [k, v] : fields) {
    std::string key, value;
    Poco::URI::encode(k, "&=+;?#/ ", key);
    Poco::URI::encode(v, "&=+;?#/ ", value);
    body += (body.empty() ? "" : "&") + key + "=" + value;
  }
  return body;
}

inline Reply WebFixture::postForm(const Login& who, const std::string& path,
                                  std::map<std::string, std::string> fields) {
  fields.emplace("csrf_token", who.csrf);
  return request("POST", path, formBody(fields), "application/x-www-form-urlencoded",
                 {{"Cookie", "beacon_session=" + who.cookie}});
}

inline Reply WebFixture::postFormWithoutToken(const Login& who, const std::string& path,
                                              const std::map<std::string, std::string>& fields) {
  return request("POST", path, formBody(fields), "application/x-www-form-urlencoded",
                 {{"Cookie", "beacon_session=" + who.cookie}});
}

inline Reply WebFixture::postMultipart(const Login& who, const std::string& path,
                                       std::map<std::string, std::string> fields, const std::string& file_field,
                                       const std::string& filename, const std::string& data) {
  fields.emplace("csrf_token", who.csrf);
  std::string body;
  const std::string type = multipartBody(fields, file_field, filename, "image/jpeg", data, body);
  return request("POST", path, body, type, {{"Cookie", "beacon_session=" + who.cookie}});
}

inline std::string WebFixture::apiToken(const std::string& username) {
  auto user = auth::UserRepository(app_->db().session()).findByUsername(username);
  return auth::ApiTokenStore(app_->db().session()).create(*user, "test", store::Actor{"test"}).secret;
}

inline sdk::RecordId WebFixture::orgId(const std::string& code) {
  return store::OrganisationRepository(app_->db().session()).findByCode(code)->id;
}

inline int WebFixture::count(const std::string& sql) {
  int n = 0;
  app_->db().session() << sql, Poco::Data::Keywords::into(n), Poco::Data::Keywords::now;
  return n;
}

inline std::string multipartBody(const std::map<std::string, std::string>& fields, const std::string& file_field,
                          const std::string& filename, const std::string& file_type, const std::string& data,
                          std::string& body) {
  const std::string boundary = "----beacon-test-boundary-7f3a";
  std::ostringstream out;
  for (const auto& [k, v] : fields) {
    out << "--" << boundary << "\r\nContent-Disposition: form-data; name=\"" << k << "\"\r\n\r\n" << v << "\r\n";
  }
  if (!file_field.empty()) {
    out << "--" << boundary << "\r\nContent-Disposition: form-data; name=\"" << file_field << "\"; filename=\""
        << filename << "\"\r\nContent-Type: " << file_type << "\r\n\r\n"
        << data << "\r\n";
  }
  out << "--" << boundary << "--\r\n";
  body = out.str();
  return "multipart/form-data; boundary=" + boundary;
}

}  // namespace beacon::http::testing
