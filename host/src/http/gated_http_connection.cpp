#include "http/gated_http_connection.h"

#include <memory>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/NetException.h>
#include <Poco/Timestamp.h>

#include "http/request_framing.h"

namespace beacon::http {

namespace {

// A bare answer for a request head Poco could not parse; the connection closes.
void sendBareError(Poco::Net::HTTPServerSession& session, Poco::Net::HTTPResponse::HTTPStatus status) {
  try {
    Poco::Net::HTTPServerResponseImpl response(session);
    response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
    response.setStatusAndReason(status);
    response.setKeepAlive(false);
    response.setContentLength(0);
    response.send();
  } catch (...) {
  }
  session.setKeepAlive(false);
}

}  // namespace

GatedHttpConnection::GatedHttpConnection(const Poco::Net::StreamSocket& socket,
                                         Poco::Net::HTTPServerParams::Ptr params,
                                         Poco::Net::HTTPRequestHandlerFactory::Ptr handlers, ConnectionGate& gate,
                                         std::size_t drain_limit)
    : Poco::Net::TCPServerConnection(socket),
      params_(std::move(params)),
      handlers_(std::move(handlers)),
      gate_(gate),
      drain_limit_(drain_limit) {}

void GatedHttpConnection::run() {
  try {
    socket().setReceiveTimeout(params_->getTimeout());
    socket().setSendTimeout(params_->getTimeout());
    Session session(socket(), params_);
    bool open = serveOne(session);
    // Requests already read into the session's buffer cannot go back to the
    // gate: they are served here.
    while (open && session.hasBufferedBytes()) open = serveOne(session);
    if (open) gate_.park(session.detachSocket());
  } catch (...) {
    // The socket closes with the session.
  }
}

bool GatedHttpConnection::serveOne(Session& session) {
  try {
    Poco::Net::HTTPServerResponseImpl response(session);
    Poco::Net::HTTPServerRequestImpl request(response, session, params_.get());
    response.setDate(Poco::Timestamp());
    response.setVersion(request.getVersion());
    response.setKeepAlive(params_->getKeepAlive() && request.getKeepAlive() && session.canKeepAlive());
    if (!params_->getSoftwareVersion().empty()) response.set("Server", params_->getSoftwareVersion());
    std::unique_ptr<Poco::Net::HTTPRequestHandler> handler(handlers_->createRequestHandler(request));
    if (!handler) {
      sendBareError(session, Poco::Net::HTTPResponse::HTTP_NOT_IMPLEMENTED);
      return false;
    }
    if (request.getExpectContinue() && response.getStatus() == Poco::Net::HTTPResponse::HTTP_OK) {
      response.sendContinue();
    }
    handler->handleRequest(request, response);
    // The answer is out; a body the handler left unread is read now (or the
    // connection closes), so it is never taken for the next request.
    return params_->getKeepAlive() && response.getKeepAlive() && session.canKeepAlive() &&
           drainBody(request, drain_limit_);
  } catch (const Poco::Net::NoMessageException&) {
    return false;  // the client closed, or sent nothing more
  } catch (const Poco::Net::MessageException&) {
    sendBareError(session, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST);
  } catch (const Poco::SyntaxException&) {
    sendBareError(session, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST);
  } catch (...) {
    // A network error or timeout: nothing more can be said on this connection.
  }
  return false;
}

}  // namespace beacon::http
