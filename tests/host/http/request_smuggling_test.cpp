// A request the server answers before reading its body (404, 401, 403 for
// CSRF or scope, 405, 303 to the login page, 413) must not leave that body
// on the connection to be parsed as the next request: the body below is
// itself a complete GET /api/v1/me with the admin's API token, and it must
// never run. The server reads the body (and the connection carries on) or
// answers with Connection: close. Ambiguous framing (two Content-Lengths,
// Content-Length with Transfer-Encoding) gets 400 and a close. Raw sockets,
// so the exact bytes on the wire are under the test's control.
#include <string>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>

#include "host/http/raw_http.h"
#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class RequestSmugglingTest : public WebFixture {
 protected:
  static void SetUpTestSuite() {
    WebFixture::SetUpTestSuite();
    admin_token_ = apiToken("admin");
    village_token_ = apiToken("village");
  }
  // The smuggled request: it would answer 200 with the admin's identity.
  static std::string smuggled() {
    return "GET /api/v1/me HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer " + admin_token_ + "\r\n\r\n";
  }
  static std::string post(const std::string& path, const std::string& headers, const std::string& body) {
    return "POST " + path + " HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n" + headers +
           "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  }
  static std::string finalRequest() { return "GET /login HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"; }
  static RawRead exchange(const std::string& bytes) {
    Poco::Net::StreamSocket s = rawConnect(server_->port());
    rawSend(s, bytes);
    return rawReadAll(s, Poco::Timespan(5, 0));
  }
  static bool leaksAdmin(const RawRead& read) {
    for (const auto& r : read.responses) {
      if (r.body.find("\"username\":\"admin\"") != std::string::npos) return true;
    }
    return false;
  }
  // The refused request, then the final one: exactly one answer to each, and the body never runs.
  static void expectOneAnswerEach(const std::string& refused, int status) {
    RawRead read = exchange(refused + finalRequest());
    EXPECT_FALSE(leaksAdmin(read)) << "the body ran as a request after " << status;
    ASSERT_FALSE(read.responses.empty()) << status;
    EXPECT_EQ(read.responses[0].status, status);
    ASSERT_EQ(read.responses.size(), 2u) << "after " << status;
    EXPECT_FALSE(read.responses[0].closes());
    EXPECT_EQ(read.responses[1].status, 200);
    EXPECT_TRUE(read.closed);
  }
  // Ambiguous or oversized: one answer, Connection: close, nothing more.
  static void expectAnswerAndClose(const std::string& refused, int status) {
    RawRead read = exchange(refused + finalRequest());
    EXPECT_FALSE(leaksAdmin(read)) << "the body ran as a request after " << status;
    ASSERT_EQ(read.responses.size(), 1u) << "after " << status;
    EXPECT_EQ(read.responses[0].status, status);
    EXPECT_TRUE(read.responses[0].closes());
    EXPECT_TRUE(read.closed);
  }
  inline static std::string admin_token_;
  inline static std::string village_token_;
};

TEST_F(RequestSmugglingTest, BodyOfAnEarlyAnswerNeverRunsAsARequest) {
  expectOneAnswerEach(post("/nope", "", smuggled()), 404);
  expectOneAnswerEach(post("/api/v1/drills", "", smuggled()), 401);
  expectOneAnswerEach(post("/api/v1/me", "Authorization: Bearer " + village_token_ + "\r\n", smuggled()), 405);
  const int plan = count("SELECT id FROM plans WHERE owner_org_id = (SELECT id FROM organisations WHERE code = 'xinmi')"
                         " ORDER BY id LIMIT 1");
  expectOneAnswerEach(post("/api/v1/plans/" + std::to_string(plan) + "/reviews",
                           "Authorization: Bearer " + village_token_ + "\r\n", smuggled()),
                      403);
  Login town = login("town");
  expectOneAnswerEach(post("/api/v1/drills", "Cookie: beacon_session=" + town.cookie + "\r\n", smuggled()), 403);
  expectOneAnswerEach(post("/drills/new", "", smuggled()), 303);
}

TEST_F(RequestSmugglingTest, OversizedBodyIsAnsweredAndTheConnectionClosed) {
  std::string body = smuggled();
  body += std::string(70 * 1024, ' ');  // past web.max_body_bytes (64 KiB)
  expectAnswerAndClose(post("/api/v1/drills", "Authorization: Bearer " + village_token_ + "\r\n", body), 413);
  // A refused upload too large to read through (20 MB limit, 64 KiB drained): closed, not read on.
  std::string upload = smuggled() + std::string(200 * 1024, 'x');
  RawRead read = exchange("POST /drills/new HTTP/1.1\r\nHost: test\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                          "Content-Length: " + std::to_string(upload.size()) + "\r\n\r\n" + upload + finalRequest());
  EXPECT_FALSE(leaksAdmin(read));
  ASSERT_EQ(read.responses.size(), 1u);
  EXPECT_EQ(read.responses[0].status, 303);
  EXPECT_TRUE(read.responses[0].closes());
}

TEST_F(RequestSmugglingTest, AmbiguousFramingIsRefusedAndClosed) {
  const std::string body = smuggled();
  expectAnswerAndClose("POST /nope HTTP/1.1\r\nHost: test\r\nContent-Length: 0\r\nContent-Length: " +
                           std::to_string(body.size()) + "\r\n\r\n" + body,
                       400);
  expectAnswerAndClose("POST /api/v1/session HTTP/1.1\r\nHost: test\r\nContent-Length: " +
                           std::to_string(body.size() + 5) + "\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + body,
                       400);
  expectAnswerAndClose("POST /nope HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n" + body,
                       400);
  expectAnswerAndClose("POST /api/v1/session HTTP/1.1\r\nHost: test\r\n\r\n" + body, 411);
}

TEST_F(RequestSmugglingTest, ChunkedBodyOfARefusedRequestIsReadThrough) {
  const std::string body = smuggled();
  char size[16];
  std::snprintf(size, sizeof size, "%zx", body.size());
  expectOneAnswerEach("POST /nope HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n" + std::string(size) +
                          "\r\n" + body + "\r\n0\r\n\r\n",
                      404);
}

TEST_F(RequestSmugglingTest, ClientKeepsItsConnectionAfterACsrfRefusal) {
  Login town = login("town");
  Poco::Net::HTTPClientSession session("127.0.0.1", server_->port());
  session.setTimeout(Poco::Timespan(5, 0));
  session.setKeepAlive(true);
  Poco::Net::HTTPRequest post("POST", "/api/v1/drills", Poco::Net::HTTPMessage::HTTP_1_1);
  post.set("Cookie", "beacon_session=" + town.cookie);
  post.setContentType("application/json");
  const std::string json = R"({"drill_type":"flood.evacuation","org":"xinmi.chengguan","date":"2024-05-01"})";
  post.setContentLength(static_cast<std::streamsize>(json.size()));
  session.sendRequest(post) << json;
  Poco::Net::HTTPResponse refused;
  Reply first = receiveReply(session, refused);
  EXPECT_EQ(first.status, 403) << first.body;
  EXPECT_TRUE(refused.getKeepAlive());
  Poco::Net::HTTPRequest get("GET", "/api/v1/me", Poco::Net::HTTPMessage::HTTP_1_1);
  get.set("Cookie", "beacon_session=" + town.cookie);
  session.sendRequest(get);
  Poco::Net::HTTPResponse answered;
  Reply me = receiveReply(session, answered);
  EXPECT_EQ(me.status, 200) << me.body;
  EXPECT_NE(me.body.find("\"username\":\"town\""), std::string::npos) << me.body;
}

}  // namespace
}  // namespace beacon::http::testing
