// ConnectionGate: the web server's acceptor. One thread accepts connections
// on the listening socket and holds each one, without a worker, until its
// complete request head (request line and headers, up to the blank line) has
// arrived in the kernel's receive buffer; only then is the connection handed
// to `hand_off` (the server queues it for a worker thread). A new connection
// without a complete head after `header_timeout`, or a kept-alive one parked
// between requests (park()) without its next head after `keepalive_timeout`,
// is closed. So idle, silent or slow (byte-by-byte) clients cost a file
// descriptor each, never a worker. start() and stop() from one thread;
// park() from any thread.
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

namespace beacon::http {

class ConnectionGate {
 public:
  // Called on the gate's thread with each connection whose head has come;
  // it must not block (Poco::Net::TCPServerDispatcher::enqueue).
  using HandOff = std::function<void(const Poco::Net::StreamSocket&)>;
  ConnectionGate(const Poco::Net::ServerSocket& listening, HandOff hand_off, std::chrono::milliseconds header_timeout,
                 std::chrono::milliseconds keepalive_timeout);
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
  };
  void run();
  void accept();
  // True when `w` is done here: handed to a worker, or closed.
  bool look(Waiting& w, bool readable);
  void wake();

  Poco::Net::ServerSocket listening_;
  HandOff hand_off_;
  const std::chrono::milliseconds header_timeout_;
  const std::chrono::milliseconds keepalive_timeout_;
  std::list<Waiting> waiting_;  // only the gate's thread touches it
  std::mutex parked_mutex_;
  std::vector<Poco::Net::StreamSocket> parked_;  // guarded by parked_mutex_
  bool stopped_ = false;                         // guarded by parked_mutex_
  std::atomic<bool> stopping_{false};
  int wake_pipe_[2] = {-1, -1};
  std::thread thread_;
};

}  // namespace beacon::http
