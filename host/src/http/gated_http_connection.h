// GatedHttpConnection: what a worker thread does with a connection that the
// ConnectionGate handed over (its request head has arrived): serves that
// request through the RequestHandlerFactory as Poco's HTTPServerConnection
// does, then any further requests already read into its buffer (a
// pipeline), and parks a kept-alive connection back in the gate, so the
// worker is free while the client is idle. After each response it reads what
// is left of the request body (request_framing.h), at most `drain_limit`
// bytes, or else closes the connection: an unread body is never parsed as the
// next request. On the HTTPS port a connection that speaks plain HTTP
// (TlsConnection::plaintext()) is answered with a redirect to https:// and
// closed. No exception leaves run(). One per connection turn, on one
// worker thread.
#pragma once

#include <cstddef>

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include "http/connection_gate.h"

namespace beacon::http {

class GatedHttpConnection : public Poco::Net::TCPServerConnection {
 public:
  GatedHttpConnection(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
                      Poco::Net::HTTPRequestHandlerFactory::Ptr handlers, ConnectionGate& gate,
                      std::size_t drain_limit);
  void run() override;

 private:
  // HTTPServerSession, telling whether bytes of a next request are already buffered.
  class Session : public Poco::Net::HTTPServerSession {
   public:
    using Poco::Net::HTTPServerSession::HTTPServerSession;
    bool hasBufferedBytes() const { return buffered() > 0; }
  };
  // Serves one request; true when the connection stays open for another.
  bool serveOne(Session& session);

  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers_;
  ConnectionGate& gate_;
  std::size_t drain_limit_;
};

class GatedHttpConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
 public:
  GatedHttpConnectionFactory(Poco::Net::HTTPServerParams::Ptr params,
                             Poco::Net::HTTPRequestHandlerFactory::Ptr handlers, ConnectionGate& gate,
                             std::size_t drain_limit)
      : params_(std::move(params)), handlers_(std::move(handlers)), gate_(gate), drain_limit_(drain_limit) {}
  Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override {
    return new GatedHttpConnection(socket, params_, handlers_, gate_, drain_limit_);
  }

 private:
  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers_;
  ConnectionGate& gate_;
  std::size_t drain_limit_;
};

}  // namespace beacon::http
