// writeResponse (through RequestContext::send): a large answer arrives whole,
// HEAD gets the GET's headers and no body, and the keep-alive connection
// goes on serving after both.
#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/StreamCopier.h>

#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

class ResponseWriterTest : public WebFixture {};

TEST_F(ResponseWriterTest, LargeAnswerHeadAndKeepAliveOnOneConnection) {
  const std::string token = apiToken("admin");
  Poco::Net::HTTPClientSession session("127.0.0.1", server_->port());
  session.setTimeout(Poco::Timespan(20, 0));
  session.setKeepAlive(true);
  auto exchange = [&](const std::string& method, const std::string& path, std::string& body) {
    Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    req.setKeepAlive(true);
    req.set("Authorization", "Bearer " + token);
    session.sendRequest(req);
    Poco::Net::HTTPResponse resp;
    std::istream& in = session.receiveResponse(resp);
    body.clear();
    Poco::StreamCopier::copyToString(in, body);
    return resp;
  };
  std::string big;
  for (int round = 0; round < 3; ++round) {  // a miss, then hits
    auto resp = exchange("GET", "/api/v1/drills?limit=500", big);
    ASSERT_EQ(resp.getStatus(), 200);
    EXPECT_TRUE(resp.getKeepAlive());
    EXPECT_EQ(static_cast<std::size_t>(resp.getContentLength64()), big.size());
    EXPECT_GT(big.size(), 100u * 1024);
    Poco::JSON::Parser parser;
    EXPECT_EQ(parser.parse(big).extract<Poco::JSON::Object::Ptr>()->getArray("items")->size(),
              500u);
  }
  std::string none;
  auto head = exchange("HEAD", "/api/v1/drills?limit=500", none);
  EXPECT_EQ(head.getStatus(), 200);
  EXPECT_EQ(static_cast<std::size_t>(head.getContentLength64()), big.size());
  EXPECT_TRUE(none.empty());
  std::string me;
  auto after = exchange("GET", "/api/v1/me", me);
  EXPECT_EQ(after.getStatus(), 200);
  EXPECT_NE(me.find("\"admin\""), std::string::npos);
}

}  // namespace
}  // namespace beacon::http::testing
