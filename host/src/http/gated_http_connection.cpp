#include "http/gated_http_connection.h"

#include <cctype>
#include <memory>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/NetException.h>
#include <Poco/Timestamp.h>

#include "http/request_framing.h"
#include "http/tls_connection.h"

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

// A Host header fit to put in a Location: a name or address and a port, nothing else.
bool plainHost(const std::string& host) {
  if (host.empty() || host.size() > 255) return false;
  for (unsigned char c : host) {
    if (!std::isalnum(c) && c != '.' && c != '-' && c != ':' && c != '[' && c != ']') return false;
  }
  return true;
}

// Plain HTTP sent to the HTTPS port: 301 (GET, HEAD) or 308 (other methods,
// which keeps the method) to the same URL over https://, then closed; a
// request without a usable Host gets 400. No handler runs.
void redirectToHttps(Poco::Net::HTTPServerSession& session, Poco::Net::HTTPServerParams* params) {
  try {
    Poco::Net::HTTPServerResponseImpl response(session);
    Poco::Net::HTTPServerRequestImpl request(response, session, params);
    response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
    response.setKeepAlive(false);
    const std::string host = request.getHost();
    const std::string uri = request.getURI();
    if (!plainHost(host) || uri.empty() || uri.front() != '/') {
      response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST);
    } else {
      const std::string& method = request.getMethod();
      response.setStatusAndReason(method == "GET" || method == "HEAD"
                                      ? Poco::Net::HTTPResponse::HTTP_MOVED_PERMANENTLY
                                      : Poco::Net::HTTPResponse::HTTP_PERMANENT_REDIRECT);
      response.set("Location", "https://" + host + uri);
    }
    response.setContentLength(0);
    response.send();
  } catch (...) {
    sendBareError(session, Poco::Net::HTTPResponse::HTTP_BAD_REQUEST);
  }
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
    if (auto* tls = dynamic_cast<TlsConnection*>(socket().impl()); tls != nullptr && tls->plaintext()) {
      redirectToHttps(session, params_.get());
      return;
    }
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
