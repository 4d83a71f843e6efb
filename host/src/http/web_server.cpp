#include "http/web_server.h"

#include <sqlite3.h>

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include "http/request_dispatcher.h"
#include "http/routes.h"

namespace beacon::http {

namespace {
// SQLite's memory statistics take one process-wide mutex on every allocation,
// which the server's workers (one Database each) then contend for. Switched
// off before any database opens: sqlite3_config is refused after
// initialisation, so this runs at static initialisation.
[[maybe_unused]] const int kSqliteMemstatusOff = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}  // namespace

WebServer::WebServer(app::AppContext& app, const WebConfig& config, auth::Clock clock)
    : state_(std::make_unique<WebState>(app, config, std::move(clock))),
      threads_("beacon-http", 2, config.threads + 2, 60) {
  addAllRoutes(state_->router);
}

WebServer::~WebServer() { stop(); }

void WebServer::start() {
  Poco::Net::ServerSocket socket;
  socket.bind(Poco::Net::SocketAddress(state_->config.host, static_cast<Poco::UInt16>(state_->config.port)), true);
  socket.listen(state_->config.queue > 64 ? 64 : state_->config.queue);
  port_ = socket.address().port();
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(state_->config.threads);
  params->setMaxQueued(state_->config.queue);
  params->setKeepAlive(true);
  params->setMaxKeepAliveRequests(1000);
  params->setServerName("beacon");
  server_ = std::make_unique<Poco::Net::HTTPServer>(new DispatcherFactory(*state_), threads_, socket, params);
  server_->start();
}

void WebServer::stop() {
  if (!server_) return;
  server_->stopAll(true);
  threads_.joinAll();
  server_.reset();
}

std::string WebServer::url() const {
  const std::string host = state_->config.host == "0.0.0.0" ? "127.0.0.1" : state_->config.host;
  return "http://" + host + ":" + std::to_string(port_);
}

}  // namespace beacon::http
