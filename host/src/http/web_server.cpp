#include "http/web_server.h"

#include <csignal>

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include "http/gated_http_connection.h"
#include "http/request_dispatcher.h"
#include "http/routes.h"
#include "http/tls_context.h"
#include "store/sqlite_memory_statistics.h"

namespace beacon::http {

namespace {
// Before any database opens, so at static initialisation (see the header).
[[maybe_unused]] const bool kSqliteMemstatusOff = store::switchOffSqliteMemoryStatistics();
// Cookies are Secure whenever the server itself speaks HTTPS.
WebConfig withTlsCookies(WebConfig config) {
  if (config.tlsEnabled()) config.secure_cookies = true;
  return config;
}

}  // namespace

WebServer::WebServer(HostContext& app, const WebConfig& config, auth::WallClock clock)
    : state_(std::make_unique<WebState>(app, withTlsCookies(config), std::move(clock))),
      threads_("beacon-http", 2, config.threads + 2, 60) {
  addAllRoutes(state_->router);
}

WebServer::~WebServer() { stop(); }

void WebServer::start() {
  if (state_->config.tlsEnabled()) {
    auto tls = makeTlsContext(state_->config.tls_certificate, state_->config.tls_key);
    if (!tls.isOk()) throw Poco::InvalidArgumentException(tls.status().describe());
    tls_ = tls.value();
    // OpenSSL writes with write(2): a client gone mid-answer must not end the process.
    std::signal(SIGPIPE, SIG_IGN);
  }
  Poco::Net::ServerSocket socket;
  socket.bind(Poco::Net::SocketAddress(state_->config.host, static_cast<Poco::UInt16>(state_->config.port)), true);
  socket.listen(state_->config.queue > 64 ? 64 : state_->config.queue);
  port_ = socket.address().port();
  const WebConfig& config = state_->config;
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(config.threads);
  params->setMaxQueued(config.queue);
  params->setKeepAlive(true);
  // Non-zero, or HTTPServerSession::canKeepAlive() says no. Requests are
  // counted per worker turn (GatedHttpConnection), so this does not bound a
  // connection's requests; web.keepalive_timeout_s bounds its idle time.
  params->setMaxKeepAliveRequests(1000);
  params->setServerName("beacon");
  // Each read of a request body waits at most this long (heads are complete before a worker sees them).
  params->setTimeout(Poco::Timespan(config.header_timeout_s, 0));
  gate_ = std::make_unique<ConnectionGate>(
      socket, [this](const Poco::Net::StreamSocket& ready) { dispatcher_->enqueue(ready); },
      std::chrono::seconds(config.header_timeout_s), std::chrono::seconds(config.keepalive_timeout_s),
      tls_ ? tls_->sslContext() : nullptr);
  // An unread body of up to web.max_body_bytes is read after the answer; a longer one closes the connection.
  dispatcher_ = new Poco::Net::TCPServerDispatcher(
      new GatedHttpConnectionFactory(params, new DispatcherFactory(*state_), *gate_, config.max_body_bytes), threads_,
      params);
  gate_->start();
}

void WebServer::stop() {
  if (!dispatcher_) return;
  gate_->stop();  // no new connections; waiting ones closed
  dispatcher_->stop();
  threads_.joinAll();
  dispatcher_->release();
  dispatcher_ = nullptr;
  gate_.reset();
}

std::string WebServer::url() const {
  const std::string host = state_->config.host == "0.0.0.0" ? "127.0.0.1" : state_->config.host;
  return (state_->config.tlsEnabled() ? "https://" : "http://") + host + ":" + std::to_string(port_);
}

}  // namespace beacon::http
