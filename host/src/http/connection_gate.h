// ConnectionGate: the web server's acceptor. One thread accepts connections
// on the listening socket and holds each one, without a worker, until its
// complete request head (request line and headers, up to the blank line) has
// arrived in the kernel's receive buffer; only then is the connection handed
// to `hand_off` (the server queues it for a worker thread). A new connection
// without a complete head after `header_timeout`, or a kept-alive one parked
// between requests (park()) without its next head after `keepalive_timeout`,
// is closed. So idle, silent or slow (byte-by-byte) clients cost a file
// descriptor each, never a worker.
//
// With a TLS context (HTTPS), each accepted connection is a TlsConnection and
// the gate does on its own thread, without blocking, what a worker would
// otherwise wait for: the TLS handshake, then reading the decrypted request
// head into the connection's buffer (it cannot peek: the kernel holds only
// ciphertext). header_timeout bounds handshake and head together, so a client
// that stalls its handshake or trickles its head costs a descriptor, never a
// worker, as on plain HTTP. A plain HTTP client on the TLS port is handed over
// as it is (the worker redirects it). The cost is the handshake's CPU on the
// one gate thread, in turn with the other connections: measured
// (bench/tls/handshake_cpu.py, RSA 2048, TLS 1.3, loaded 2-core machine) the
// server spends 2.8-2.9 ms of CPU per new HTTPS connection with one GET /login
// against 0.60 ms on plain HTTP, so ~2.3 ms of handshake, a bound of some 400
// new TLS connections a second; kept-alive connections do not repeat it.
//
// start() and stop() from one thread; park() from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <list>
#include <mutex>
#include <thread>
#include <vector>

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

typedef struct ssl_ctx_st SSL_CTX;

namespace beacon::http {

class TlsConnection;

class ConnectionGate {
 public:
  // Called on the gate's thread with each connection whose head has come;
  // it must not block (Poco::Net::TCPServerDispatcher::enqueue).
  using HandOff = std::function<void(const Poco::Net::StreamSocket&)>;
  // `tls`: the server's TLS context (it must outlive the gate), or nullptr for plain HTTP.
  ConnectionGate(const Poco::Net::ServerSocket& listening, HandOff hand_off, std::chrono::milliseconds header_timeout,
                 std::chrono::milliseconds keepalive_timeout, SSL_CTX* tls = nullptr);
  ~ConnectionGate();
  ConnectionGate(const ConnectionGate&) = delete;
  ConnectionGate& operator=(const ConnectionGate&) = delete;

  // Starts the acceptor thread. Throws Poco::SystemException when its wake-up pipe cannot be made.
  void start();
  // Stops accepting and closes every connection waiting here; returns once the thread has ended.
  void stop();
  // A served connection kept alive: waits here for its next request head.
  // Closed at once when the gate is stopped.
  void park(const Poco::Net::StreamSocket& socket);

  // A request head is complete in `bytes` (it holds the blank line after the headers).
  static bool headComplete(const char* bytes, std::size_t size);

 private:
  struct Waiting {
    Poco::Net::StreamSocket socket;
    std::chrono::steady_clock::time_point deadline;
    int seen = 0;          // bytes waiting at the last look
    bool partial = false;  // part of a head has come: looked at on each tick, not polled
    TlsConnection* tls = nullptr;  // the socket's impl on a TLS listener
  };
  void run();
  void accept();
  // True when `w` is done here: handed to a worker, or closed.
  bool look(Waiting& w, bool readable);
  // look() for a TLS connection: handshake, then decrypted head bytes.
  bool lookTls(Waiting& w);
  void handOff(Waiting& w);
  void wake();

  Poco::Net::ServerSocket listening_;
  HandOff hand_off_;
  const std::chrono::milliseconds header_timeout_;
  const std::chrono::milliseconds keepalive_timeout_;
  SSL_CTX* tls_;
  std::list<Waiting> waiting_;  // only the gate's thread touches it
  std::mutex parked_mutex_;
  std::vector<Poco::Net::StreamSocket> parked_;  // guarded by parked_mutex_
  bool stopped_ = false;                         // guarded by parked_mutex_
  std::atomic<bool> stopping_{false};
  int wake_pipe_[2] = {-1, -1};
  std::thread thread_;
};

}  // namespace beacon::http
