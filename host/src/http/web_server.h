// WebServer: Beacon's HTTP server on a listening socket (port 0 picks an
// ephemeral port; port() tells which). A ConnectionGate accepts connections
// and hands each one to a worker of its own thread pool (Poco's
// TCPServerDispatcher running GatedHttpConnection) only once a complete
// request head has arrived, so idle clients hold no worker; every request
// goes through RequestDispatcher over the shared WebState and the routes of
// routes.h. With web.tls_certificate / web.tls_key it serves HTTPS itself
// (the gate completes each TLS handshake; plain HTTP on that port is
// redirected to https://), sets Secure cookies and sends
// Strict-Transport-Security. Start and stop from one thread; the destructor stops the server
// and waits for the workers before the state they use goes away.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <Poco/Net/Context.h>
#include <Poco/Net/TCPServerDispatcher.h>
#include <Poco/ThreadPool.h>

#include "auth/wall_clock.h"
#include "http/connection_gate.h"
#include "http/host_context.h"
#include "http/web_config.h"
#include "http/web_state.h"

namespace beacon::http {

class WebServer {
 public:
  // `clock` drives session expiry and login lockouts (tests pass a manual one).
  WebServer(HostContext& app, const WebConfig& config, auth::WallClock clock = auth::systemClock());
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  // Extra routes (tests) must be added before start().
  Router& router() { return state_->router; }
  WebState& state() { return *state_; }
  // Binds and starts serving (HTTPS when config.tlsEnabled()). Throws
  // Poco::Exception when the address cannot be bound, or (naming the
  // setting) the TLS certificate or key cannot be loaded.
  void start();
  // Stops accepting, waits for in-flight requests (up to a few seconds).
  void stop();
  std::uint16_t port() const { return port_; }
  // "http://host:port", or "https://host:port"
  std::string url() const;

 private:
  std::unique_ptr<WebState> state_;
  Poco::ThreadPool threads_;
  Poco::Net::TCPServerDispatcher* dispatcher_ = nullptr;  // reference-counted: release()d by stop()
  Poco::Net::Context::Ptr tls_;  // HTTPS: the certificate and key, shared by every connection
  std::unique_ptr<ConnectionGate> gate_;
  std::uint16_t port_ = 0;
};

}  // namespace beacon::http
