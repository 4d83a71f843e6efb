// HTTPS served by beacon itself (web.tls_certificate / web.tls_key), over
// real TLS sockets with a self-signed certificate for 127.0.0.1 that the suite
// makes with the openssl command: pages over HTTPS with
// Strict-Transport-Security and Secure cookies; plain HTTP on the port
// redirected to https://; and the connection gate's guarantees kept on TLS:
// idle sockets, stalled handshakes and handshaken clients trickling their
// head wait in the acceptor (never in a worker) and are closed after
// web.header_timeout_s; kept-alive TLS connections wait there between
// requests. Also the settings' checks at start-up.
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <thread>
#include <vector>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Util/MapConfiguration.h>

#include "host/http/raw_http.h"
#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

using std::chrono::milliseconds;

std::string inDir(const std::string& dir, const std::string& name) { return Poco::Path(dir).append(name).toString(); }

// A self-signed certificate (and its key) for 127.0.0.1 in `dir`; false when openssl failed.
bool makeCertificate(const std::string& dir, const std::string& name) {
  const std::string command = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1"
                              " -addext subjectAltName=IP:127.0.0.1 -keyout '" +
                              inDir(dir, name + ".key") + "' -out '" + inDir(dir, name + ".crt") +
                              "' >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

class TlsTest : public WebFixture {
 public:
  static void SetUpTestSuite() {
    WebFixture::SetUpTestSuite();
    certificate_ok_ = makeCertificate(dir_, "server");
  }

 protected:
  void SetUp() override { ASSERT_TRUE(certificate_ok_) << "openssl could not make the test certificate"; }

  static std::string certificate() { return inDir(dir_, "server.crt"); }
  static std::string key() { return inDir(dir_, "server.key"); }

  std::unique_ptr<WebServer> startServer(int header_timeout_s, int keepalive_timeout_s, int threads = 2) {
    WebConfig web;
    web.host = "127.0.0.1";
    web.port = 0;
    web.threads = threads;
    web.header_timeout_s = header_timeout_s;
    web.keepalive_timeout_s = keepalive_timeout_s;
    web.password_iterations = 1000;
    web.attachments_dir = Poco::Path(dir_).append("attachments").toString();
    web.tls_certificate = certificate();
    web.tls_key = key();
    auto server = std::make_unique<WebServer>(*app_, web);
    server->start();
    return server;
  }
  // A client context that trusts the test certificate (and checks the host name against it).
  static Poco::Net::Context::Ptr clientContext() {
    static Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::CLIENT_USE, "", "", certificate(), Poco::Net::Context::VERIFY_RELAXED);
    return context;
  }
  // GET `path` through a fresh HTTPS session that gives up after `timeout`; status 0 when none came.
  static int httpsGet(std::uint16_t port, const std::string& path, Poco::Timespan timeout,
                      Poco::Net::HTTPResponse* out = nullptr) {
    try {
      Poco::Net::HTTPSClientSession session("127.0.0.1", port, clientContext());
      session.setTimeout(timeout);
      Poco::Net::HTTPRequest req("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
      session.sendRequest(req);
      Poco::Net::HTTPResponse resp;
      const int status = receiveReply(session, resp).status;
      if (out) *out = resp;
      return status;
    } catch (const Poco::Exception&) {
      return 0;
    }
  }
  // A TLS connection whose handshake is complete.
  static Poco::Net::SecureStreamSocket tlsConnect(std::uint16_t port) {
    Poco::Net::SecureStreamSocket s(Poco::Net::SocketAddress("127.0.0.1", port), clientContext());
    s.setReceiveTimeout(Poco::Timespan(5, 0));
    s.completeHandshake();
    return s;
  }
  static std::string rawGet(const std::string& path, bool close = false) {
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n";
  }

  inline static bool certificate_ok_ = false;
};

TEST_F(TlsTest, ServesPagesOverHttpsWithHstsAndSecureCookies) {
  auto server = startServer(5, 5);
  EXPECT_EQ(server->url().rfind("https://127.0.0.1:", 0), 0u) << server->url();
  Poco::Net::HTTPResponse resp;
  ASSERT_EQ(httpsGet(server->port(), "/login", Poco::Timespan(5, 0), &resp), 200);
  EXPECT_EQ(resp.get("Strict-Transport-Security", ""), "max-age=31536000");
  std::vector<Poco::Net::HTTPCookie> cookies;
  resp.getCookies(cookies);
  ASSERT_FALSE(cookies.empty());
  for (const auto& c : cookies) EXPECT_TRUE(c.getSecure()) << c.getName() << " is not Secure";
}

TEST_F(TlsTest, KeptAliveTlsConnectionServesRequestsAndPipelinesThenClosesWhenIdle) {
  auto server = startServer(5, 1, 1);
  Poco::Net::SecureStreamSocket s = tlsConnect(server->port());
  for (int i = 0; i < 3; ++i) {
    rawSend(s, rawGet("/login"));
    RawResponse r = rawReadOne(s);
    EXPECT_EQ(r.status, 200) << "request " << i;
    EXPECT_FALSE(r.closes());
    std::this_thread::sleep_for(milliseconds(300));
  }
  rawSend(s, rawGet("/login") + rawGet("/nope") + rawGet("/login"));
  RawRead piped = rawReadAll(s, Poco::Timespan(1, 0));
  ASSERT_EQ(piped.responses.size(), 3u);
  EXPECT_EQ(piped.responses[0].status, 200);
  EXPECT_EQ(piped.responses[1].status, 404);
  EXPECT_EQ(piped.responses[2].status, 200);
  const auto closed = rawTimeToClose(s, milliseconds(5000));
  EXPECT_LT(closed.count(), 3000);
}

TEST_F(TlsTest, PlainHttpOnTheHttpsPortIsRedirected) {
  auto server = startServer(5, 5);
  const std::string host = "127.0.0.1:" + std::to_string(server->port());
  Poco::Net::StreamSocket get = rawConnect(server->port());
  rawSend(get, "GET /drills?org=xinmi HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
  RawResponse r = rawReadOne(get);
  EXPECT_EQ(r.status, 301);
  EXPECT_EQ(r.headers["location"], "https://" + host + "/drills?org=xinmi");
  EXPECT_TRUE(r.closes());
  Poco::Net::StreamSocket post = rawConnect(server->port());
  rawSend(post, "POST /login HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 3\r\n\r\na=b");
  r = rawReadOne(post);
  EXPECT_EQ(r.status, 308);
  EXPECT_EQ(r.headers["location"], "https://" + host + "/login");
  Poco::Net::StreamSocket no_host = rawConnect(server->port());
  rawSend(no_host, "GET / HTTP/1.0\r\n\r\n");
  EXPECT_EQ(rawReadOne(no_host).status, 400);
  // And HTTPS still works after them.
  EXPECT_EQ(httpsGet(server->port(), "/login", Poco::Timespan(5, 0)), 200);
}

TEST_F(TlsTest, IdleSocketsStalledHandshakesAndPartialHeadsDoNotHoldTheWorkers) {
  auto server = startServer(3, 3, 2);
  std::vector<Poco::Net::StreamSocket> idle;
  for (int i = 0; i < 20; ++i) idle.push_back(rawConnect(server->port()));
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(httpsGet(server->port(), "/login", Poco::Timespan(1, 0)), 200) << "request " << i;
  }
  // The first bytes of a TLS record (a ClientHello that never comes whole).
  std::vector<Poco::Net::StreamSocket> stalled;
  for (int i = 0; i < 20; ++i) {
    stalled.push_back(rawConnect(server->port()));
    rawSend(stalled.back(), std::string("\x16\x03\x01\x02\x00\x01", 6));
  }
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(httpsGet(server->port(), "/login", Poco::Timespan(1, 0)), 200) << "request " << i;
  }
  // Handshake done, then part of a request head.
  std::vector<Poco::Net::SecureStreamSocket> partial;
  for (int i = 0; i < 20; ++i) {
    partial.push_back(tlsConnect(server->port()));
    rawSend(partial.back(), "GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  }
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(httpsGet(server->port(), "/login", Poco::Timespan(1, 0)), 200) << "request " << i;
  }
  // Each partial head, completed, is answered.
  for (auto& s : partial) {
    rawSend(s, "Connection: close\r\n\r\n");
    EXPECT_EQ(rawReadOne(s).status, 200);
  }
}

TEST_F(TlsTest, TlsClientsWithoutACompleteHeadAreClosedAfterTheHeaderTimeout) {
  auto server = startServer(1, 5);
  Poco::Net::StreamSocket stalled = rawConnect(server->port());
  rawSend(stalled, std::string("\x16\x03\x01\x02\x00\x01", 6));
  Poco::Net::SecureStreamSocket trickle = tlsConnect(server->port());
  const auto start = std::chrono::steady_clock::now();
  rawSend(trickle, "GET /login HTTP/1.1\r\n");
  // A header line every 300 ms never completes the head: closed all the same.
  std::thread slow([&] {
    for (int i = 0; i < 10; ++i) {
      std::this_thread::sleep_for(milliseconds(300));
      try {
        rawSend(trickle, "X-Slow: " + std::to_string(i) + "\r\n");
      } catch (const Poco::Exception&) {
        return;
      }
    }
  });
  const auto stalled_closed = rawTimeToClose(stalled, milliseconds(6000));
  EXPECT_GE(stalled_closed.count(), 800);
  EXPECT_LT(stalled_closed.count(), 3000);
  RawRead trickled = rawReadAll(trickle, Poco::Timespan(6, 0));
  const auto trickle_closed = std::chrono::steady_clock::now() - start;
  slow.join();
  EXPECT_TRUE(trickled.closed);
  EXPECT_TRUE(trickled.responses.empty());
  EXPECT_LT(std::chrono::duration_cast<milliseconds>(trickle_closed).count(), 3000);
}

TEST_F(TlsTest, KeptAliveIdleTlsConnectionsDoNotHoldTheWorker) {
  auto server = startServer(5, 5, 1);
  std::vector<Poco::Net::SecureStreamSocket> kept;
  for (int i = 0; i < 10; ++i) {
    kept.push_back(tlsConnect(server->port()));
    rawSend(kept.back(), rawGet("/login"));
    EXPECT_EQ(rawReadOne(kept.back()).status, 200);
  }
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(httpsGet(server->port(), "/login", Poco::Timespan(1, 0)), 200) << "request " << i;
  }
  for (auto& s : kept) {
    rawSend(s, rawGet("/login", true));
    RawResponse r = rawReadOne(s);
    EXPECT_EQ(r.status, 200);
    EXPECT_TRUE(r.closes());
  }
}

// The settings, checked when the configuration is loaded (beacon serve stops there, naming the key).
class TlsSettingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = Poco::TemporaryFile::tempName();
    Poco::File(dir_).createDirectories();
    ASSERT_TRUE(makeCertificate(dir_, "a"));
    ASSERT_TRUE(makeCertificate(dir_, "b"));
  }
  void TearDown() override { Poco::File(dir_).remove(true); }
  sdk::Result<WebConfig> load(const std::map<std::string, std::string>& settings) {
    Poco::AutoPtr<Poco::Util::MapConfiguration> config = new Poco::Util::MapConfiguration;
    for (const auto& [k, v] : settings) config->setString(k, v);
    return WebConfig::load(*config);
  }
  std::string dir_;
};

TEST_F(TlsSettingsTest, CertificateAndKeyAreCheckedAtStartUpNamingTheSetting) {
  const std::string crt = inDir(dir_, "a.crt");
  const std::string key = inDir(dir_, "a.key");
  auto good = load({{"web.tls_certificate", crt}, {"web.tls_key", key}});
  ASSERT_TRUE(good.isOk()) << good.status().describe();
  EXPECT_TRUE(good.value().tlsEnabled());
  EXPECT_TRUE(good.value().secure_cookies);
  EXPECT_FALSE(load({}).value().tlsEnabled());

  auto field = [&](const std::map<std::string, std::string>& settings) {
    auto r = load(settings);
    return r.isOk() ? std::string("(accepted)") : r.status().field();
  };
  EXPECT_EQ(field({{"web.tls_certificate", crt}}), "web.tls_key");
  EXPECT_EQ(field({{"web.tls_key", key}}), "web.tls_certificate");
  EXPECT_EQ(field({{"web.tls_certificate", inDir(dir_, "missing.crt")}, {"web.tls_key", key}}),
            "web.tls_certificate");
  EXPECT_EQ(field({{"web.tls_certificate", key}, {"web.tls_key", key}}), "web.tls_certificate");  // not a certificate
  EXPECT_EQ(field({{"web.tls_certificate", crt}, {"web.tls_key", crt}}), "web.tls_key");          // not a key
  EXPECT_EQ(field({{"web.tls_certificate", crt}, {"web.tls_key", inDir(dir_, "b.key")}}), "web.tls_key");  // another's
}

}  // namespace
}  // namespace beacon::http::testing
