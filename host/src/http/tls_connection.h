// TlsConnection: one accepted connection of a TLS listener, as a Poco
// StreamSocketImpl over an OpenSSL SSL object, so Poco's HTTP session code
// reads and writes it like a plain socket. The ConnectionGate drives it
// without blocking (advance()): it tells a TLS client from a plain HTTP one by
// the first byte (a TLS record of type handshake, 0x16), completes the TLS
// handshake and reads the decrypted bytes of the next request head into the
// connection's own buffer; receiveBytes() then returns those bytes first.
// A plain HTTP client on the TLS port keeps a plain socket (plaintext()) and
// is answered with a redirect to https:// by the worker. On a worker thread
// the socket is blocking with Poco's send and receive timeouts; a timeout
// throws Poco::TimeoutException as a plain socket does. Used by one thread at
// a time (the gate, then one worker, then the gate again).
#pragma once

#include <string>

#include <Poco/Net/StreamSocketImpl.h>

typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;

namespace beacon::http {

class TlsConnection : public Poco::Net::StreamSocketImpl {
 public:
  // Takes ownership of the accepted, non-blocking socket `fd`; `context` must outlive it.
  TlsConnection(poco_socket_t fd, SSL_CTX* context);

  enum class Progress {
    Waiting,  // more bytes must come from the client; poll for `wantsWrite()` ? POLLOUT : POLLIN
    Ready,    // the handshake is done and decrypted bytes are buffered (see unread())
    Plain,    // the client speaks plain HTTP: its bytes are still in the socket
    Closed,   // the client closed the connection, or the TLS handshake failed
  };
  // Non-blocking: moves the handshake on, then reads whatever decrypted
  // bytes have arrived (at most `limit` buffered in all). Call from the gate
  // while the socket is non-blocking.
  Progress advance(std::size_t limit);
  bool wantsWrite() const { return wants_write_; }
  bool plaintext() const { return plain_; }
  // Decrypted bytes read by advance() that no receiveBytes() has taken yet.
  const std::string& unread() const { return unread_; }

  int receiveBytes(void* buffer, int length, int flags = 0) override;
  int sendBytes(const void* buffer, int length, int flags = 0) override;
  int available() override;
  void shutdown() override;
  void close() override;
  bool secure() const override { return !plain_; }

 protected:
  ~TlsConnection() override;

 private:
  // Throws the Poco exception for a failed SSL call `rc` (after a timeout: Poco::TimeoutException).
  [[noreturn]] void fail(int rc, const char* what);
  // Sends the TLS close_notify once, best effort.
  void sendCloseNotify();

  SSL* ssl_ = nullptr;
  bool decided_ = false;   // the first byte has been seen
  bool plain_ = false;     // ... and it was not a TLS handshake record
  bool handshaken_ = false;
  bool wants_write_ = false;
  std::string unread_;
};

}  // namespace beacon::http
