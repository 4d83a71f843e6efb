#include "http/tls_connection.h"

#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <Poco/Exception.h>
#include <Poco/Net/NetException.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

namespace beacon::http {

namespace {

constexpr char kTlsHandshakeRecord = 0x16;

std::string sslErrorText() {
  const unsigned long code = ERR_get_error();
  if (code == 0) return std::strerror(errno);
  char text[256];
  ERR_error_string_n(code, text, sizeof text);
  ERR_clear_error();
  return text;
}

}  // namespace

TlsConnection::TlsConnection(poco_socket_t fd, SSL_CTX* context) : Poco::Net::StreamSocketImpl(fd) {
  ssl_ = SSL_new(context);
  if (ssl_ == nullptr) throw Poco::Net::NetException("cannot create a TLS session: " + sslErrorText());
  SSL_set_fd(ssl_, fd);
  SSL_set_accept_state(ssl_);
}

TlsConnection::~TlsConnection() {
  close();
  SSL_free(ssl_);
}

TlsConnection::Progress TlsConnection::advance(std::size_t limit) {
  wants_write_ = false;
  if (!decided_) {
    char first = 0;
    const ssize_t n = ::recv(sockfd(), &first, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n == 0) return Progress::Closed;
    if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? Progress::Waiting : Progress::Closed;
    decided_ = true;
    plain_ = first != kTlsHandshakeRecord;
  }
  if (plain_) return Progress::Plain;
  ERR_clear_error();
  if (!handshaken_) {
    const int rc = SSL_do_handshake(ssl_);
    if (rc != 1) {
      const int error = SSL_get_error(ssl_, rc);
      ERR_clear_error();
      if (error == SSL_ERROR_WANT_READ) return Progress::Waiting;
      if (error == SSL_ERROR_WANT_WRITE) {
        wants_write_ = true;
        return Progress::Waiting;
      }
      return Progress::Closed;
    }
    handshaken_ = true;
  }
  char chunk[16 * 1024];
  while (unread_.size() < limit) {
    const int want = static_cast<int>(std::min(sizeof chunk, limit - unread_.size()));
    const int n = SSL_read(ssl_, chunk, want);
    if (n > 0) {
      unread_.append(chunk, static_cast<std::size_t>(n));
      continue;
    }
    const int error = SSL_get_error(ssl_, n);
    ERR_clear_error();
    if (error == SSL_ERROR_WANT_READ) return Progress::Ready;
    if (error == SSL_ERROR_WANT_WRITE) {
      wants_write_ = true;
      return Progress::Ready;
    }
    return Progress::Closed;
  }
  return Progress::Ready;
}

void TlsConnection::fail(int rc, const char* what) {
  const int error = SSL_get_error(ssl_, rc);
  if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
    ERR_clear_error();
    throw Poco::TimeoutException(std::string("TLS ") + what + " timed out");
  }
  throw Poco::Net::NetException(std::string("TLS ") + what + ": " + sslErrorText());
}

int TlsConnection::receiveBytes(void* buffer, int length, int flags) {
  if (plain_) return Poco::Net::StreamSocketImpl::receiveBytes(buffer, length, flags);
  if (length <= 0) return 0;
  if (!unread_.empty()) {
    const std::size_t n = std::min(unread_.size(), static_cast<std::size_t>(length));
    std::memcpy(buffer, unread_.data(), n);
    unread_.erase(0, n);
    return static_cast<int>(n);
  }
  if (!handshaken_) throw Poco::Net::NetException("TLS read before the handshake");
  ERR_clear_error();
  const int n = SSL_read(ssl_, buffer, length);
  if (n > 0) return n;
  const int error = SSL_get_error(ssl_, n);
  // The client closed: with close_notify, or (as browsers often do) without.
  if (error == SSL_ERROR_ZERO_RETURN || (error == SSL_ERROR_SYSCALL && ERR_peek_error() == 0 && errno == 0)) {
    ERR_clear_error();
    return 0;
  }
  fail(n, "read");
}

int TlsConnection::sendBytes(const void* buffer, int length, int flags) {
  if (plain_) return Poco::Net::StreamSocketImpl::sendBytes(buffer, length, flags);
  if (length <= 0) return 0;
  if (!handshaken_) throw Poco::Net::NetException("TLS write before the handshake");
  ERR_clear_error();
  // Without SSL_MODE_ENABLE_PARTIAL_WRITE, SSL_write sends all of it or fails.
  const int n = SSL_write(ssl_, buffer, length);
  if (n > 0) return n;
  fail(n, "write");
}

int TlsConnection::available() {
  if (plain_) return Poco::Net::StreamSocketImpl::available();
  return static_cast<int>(unread_.size()) + (handshaken_ ? SSL_pending(ssl_) : 0);
}

void TlsConnection::sendCloseNotify() {
  if (plain_ || !handshaken_ || !initialized()) return;
  ERR_clear_error();
  SSL_shutdown(ssl_);  // best effort: the client may be gone
  ERR_clear_error();
  handshaken_ = false;
}

void TlsConnection::shutdown() {
  sendCloseNotify();
  Poco::Net::StreamSocketImpl::shutdown();
}

void TlsConnection::close() {
  sendCloseNotify();
  Poco::Net::StreamSocketImpl::close();
}

}  // namespace beacon::http
