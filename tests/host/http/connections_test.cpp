// Idle and slow connections do not stop the server: connections that have
// sent no complete request head wait in the acceptor, not in a worker, and
// are closed after web.header_timeout_s; kept-alive connections wait there
// too between requests and are closed after web.keepalive_timeout_s. Each
// test runs its own small server (two workers, short timeouts) over the
// suite's demo database.
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>

#include "host/http/raw_http.h"
#include "host/http/web_fixture.h"

namespace beacon::http::testing {
namespace {

using std::chrono::milliseconds;

class ConnectionsTest : public WebFixture {
 protected:
  std::unique_ptr<WebServer> startServer(int header_timeout_s, int keepalive_timeout_s, int threads = 2) {
    WebConfig web;
    web.host = "127.0.0.1";
    web.port = 0;
    web.threads = threads;
    web.header_timeout_s = header_timeout_s;
    web.keepalive_timeout_s = keepalive_timeout_s;
    web.password_iterations = 1000;
    web.attachments_dir = Poco::Path(dir_).append("attachments").toString();
    auto server = std::make_unique<WebServer>(*app_, web);
    server->start();
    return server;
  }
  // GET /login through a fresh client session that gives up after `timeout`.
  static int getLogin(std::uint16_t port, Poco::Timespan timeout) {
    try {
      Poco::Net::HTTPClientSession session("127.0.0.1", port);
      session.setTimeout(timeout);
      Poco::Net::HTTPRequest req("GET", "/login", Poco::Net::HTTPMessage::HTTP_1_1);
      session.sendRequest(req);
      Poco::Net::HTTPResponse resp;
      return receiveReply(session, resp).status;
    } catch (const Poco::Exception&) {
      return 0;
    }
  }
  static std::string rawGet(const std::string& path, bool close = false) {
    return "GET " + path + " HTTP/1.1\r\nHost: test\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n";
  }
};

TEST_F(ConnectionsTest, IdleSocketsDoNotHoldTheWorkers) {
  auto server = startServer(3, 3, 2);
  std::vector<Poco::Net::StreamSocket> idle;
  for (int i = 0; i < 20; ++i) idle.push_back(rawConnect(server->port()));
  // Ten idle sockets held all eight workers for 60 s; here 20 hold two workers.
  // Each request must be answered long before the idle sockets time out.
  for (int i = 0; i < 10; ++i) EXPECT_EQ(getLogin(server->port(), Poco::Timespan(1, 0)), 200) << "request " << i;
  // The same with connections that have sent only part of a request head.
  std::vector<Poco::Net::StreamSocket> partial;
  for (int i = 0; i < 20; ++i) {
    partial.push_back(rawConnect(server->port()));
    rawSend(partial.back(), "GET /login HTTP/1.1\r\nHost: test\r\n");
  }
  for (int i = 0; i < 10; ++i) EXPECT_EQ(getLogin(server->port(), Poco::Timespan(1, 0)), 200) << "request " << i;
}

TEST_F(ConnectionsTest, ConnectionWithoutACompleteHeadIsClosedAfterTheHeaderTimeout) {
  auto server = startServer(1, 5);
  Poco::Net::StreamSocket silent = rawConnect(server->port());
  Poco::Net::StreamSocket trickle = rawConnect(server->port());
  rawSend(trickle, "GET /login HTTP/1.1\r\n");
  const auto start = std::chrono::steady_clock::now();
  // A client sending a header line every 300 ms never completes its head: closed all the same.
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
  const auto silent_closed = rawTimeToClose(silent, milliseconds(6000));
  EXPECT_GE(silent_closed.count(), 800);
  EXPECT_LT(silent_closed.count(), 3000);
  RawRead trickled = rawReadAll(trickle, Poco::Timespan(6, 0));
  const auto trickle_closed = std::chrono::steady_clock::now() - start;
  slow.join();
  EXPECT_TRUE(trickled.closed);
  EXPECT_TRUE(trickled.responses.empty());
  EXPECT_LT(std::chrono::duration_cast<milliseconds>(trickle_closed).count(), 3000);
}

TEST_F(ConnectionsTest, KeptAliveConnectionServesRequestsThenClosesWhenIdle) {
  auto server = startServer(5, 1, 1);
  Poco::Net::StreamSocket s = rawConnect(server->port());
  for (int i = 0; i < 3; ++i) {
    rawSend(s, rawGet("/login"));
    RawResponse r = rawReadOne(s);
    EXPECT_EQ(r.status, 200) << "request " << i;
    EXPECT_FALSE(r.closes());
    std::this_thread::sleep_for(milliseconds(300));
  }
  // Pipelined: three requests in one write, three answers in order.
  rawSend(s, rawGet("/login") + rawGet("/nope") + rawGet("/login"));
  RawRead piped = rawReadAll(s, Poco::Timespan(1, 0));
  ASSERT_EQ(piped.responses.size(), 3u);
  EXPECT_EQ(piped.responses[0].status, 200);
  EXPECT_EQ(piped.responses[1].status, 404);
  EXPECT_EQ(piped.responses[2].status, 200);
  const auto closed = rawTimeToClose(s, milliseconds(5000));
  EXPECT_LT(closed.count(), 3000);
}

TEST_F(ConnectionsTest, KeptAliveIdleConnectionsDoNotHoldTheWorker) {
  auto server = startServer(5, 5, 1);
  std::vector<Poco::Net::StreamSocket> kept;
  for (int i = 0; i < 10; ++i) {
    kept.push_back(rawConnect(server->port()));
    rawSend(kept.back(), rawGet("/login"));
    EXPECT_EQ(rawReadOne(kept.back()).status, 200);
  }
  // Ten connections now idle between requests; the one worker still answers others.
  for (int i = 0; i < 5; ++i) EXPECT_EQ(getLogin(server->port(), Poco::Timespan(1, 0)), 200) << "request " << i;
  // And the kept connections still work.
  for (auto& s : kept) {
    rawSend(s, rawGet("/login", true));
    RawResponse r = rawReadOne(s);
    EXPECT_EQ(r.status, 200);
    EXPECT_TRUE(r.closes());
  }
}

}  // namespace
}  // namespace beacon::http::testing
