// WebServer: Beacon's HTTP server: a Poco HTTPServer with its own worker
// thread pool on a listening socket (port 0 picks an ephemeral port; port()
// tells which), dispatching every request through RequestDispatcher over
// the shared WebState and the routes of routes.h. Start and stop from one
// thread; the destructor stops the server and waits for the workers before
// the state they use goes away.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include "app/app_context.h"
#include "auth/clock.h"
#include "http/web_config.h"
#include "http/web_state.h"

namespace beacon::http {

class WebServer {
 public:
  // `clock` drives session expiry and login lockouts (tests pass a manual one).
  WebServer(app::AppContext& app, const WebConfig& config, auth::Clock clock = auth::steadyClock());
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  // Extra routes (tests) must be added before start().
  Router& router() { return state_->router; }
  WebState& state() { return *state_; }
  // Binds and starts serving. Throws Poco::Exception when the address cannot be bound.
  void start();
  // Stops accepting, waits for in-flight requests (up to a few seconds).
  void stop();
  std::uint16_t port() const { return port_; }
  // "http://host:port"
  std::string url() const;

 private:
  std::unique_ptr<WebState> state_;
  Poco::ThreadPool threads_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  std::uint16_t port_ = 0;
};

}  // namespace beacon::http
