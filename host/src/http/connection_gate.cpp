#include "http/connection_gate.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iterator>

#include <Poco/Exception.h>

#include "http/tls_connection.h"

namespace beacon::http {

namespace {

// Heads larger than this are handed to a worker as they are (Poco's header
// limits then apply): a client that has sent this much is not idle.
constexpr int kMaxHeadBytes = 64 * 1024;
// How often connections with part of a head are looked at again (they stay
// readable, so they are not polled).
constexpr std::chrono::milliseconds kPartialTick(25);
constexpr int kAcceptsPerWake = 64;

}  // namespace

ConnectionGate::ConnectionGate(const Poco::Net::ServerSocket& listening, HandOff hand_off,
                               std::chrono::milliseconds header_timeout, std::chrono::milliseconds keepalive_timeout,
                               SSL_CTX* tls)
    : listening_(listening),
      hand_off_(std::move(hand_off)),
      header_timeout_(header_timeout),
      keepalive_timeout_(keepalive_timeout),
      tls_(tls) {}

ConnectionGate::~ConnectionGate() {
  stop();
  for (int fd : wake_pipe_) {
    if (fd >= 0) ::close(fd);
  }
}

bool ConnectionGate::headComplete(const char* bytes, std::size_t size) {
  for (std::size_t i = 0; i + 1 < size; ++i) {
    if (bytes[i] != '\n') continue;
    if (bytes[i + 1] == '\n') return true;
    if (i + 2 < size && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') return true;
  }
  return false;
}

void ConnectionGate::start() {
  if (::pipe2(wake_pipe_, O_NONBLOCK | O_CLOEXEC) != 0) {
    throw Poco::SystemException(std::string("cannot create the acceptor's pipe: ") + std::strerror(errno));
  }
  listening_.setBlocking(false);
  thread_ = std::thread([this] { run(); });
}

void ConnectionGate::stop() {
  {
    std::lock_guard<std::mutex> lock(parked_mutex_);
    if (stopped_) return;
    stopped_ = true;
    parked_.clear();
  }
  stopping_ = true;
  wake();
  if (thread_.joinable()) thread_.join();
  try {
    listening_.close();
  } catch (const Poco::Exception&) {
  }
}

void ConnectionGate::park(const Poco::Net::StreamSocket& socket) {
  {
    std::lock_guard<std::mutex> lock(parked_mutex_);
    if (stopped_) return;  // the last reference goes: closed
    parked_.push_back(socket);
  }
  wake();
}

void ConnectionGate::wake() {
  if (wake_pipe_[1] < 0) return;
  const char byte = 1;
  [[maybe_unused]] const ssize_t n = ::write(wake_pipe_[1], &byte, 1);  // a full pipe already wakes
}

void ConnectionGate::accept() {
  for (int i = 0; tls_ != nullptr && i < kAcceptsPerWake; ++i) {
    // Non-blocking while here: the gate drives the handshake (lookTls).
    const int fd = ::accept4(listening_.impl()->sockfd(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return;  // none waiting (EAGAIN), or none can be taken now (EMFILE): as below
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    try {
      auto* tls = new TlsConnection(fd, tls_);
      waiting_.push_back(Waiting{Poco::Net::StreamSocket(tls), std::chrono::steady_clock::now() + header_timeout_});
      waiting_.back().tls = tls;
    } catch (...) {
      return;  // no TLS session could be made (memory): the descriptor went with the connection
    }
  }
  for (int i = 0; tls_ == nullptr && i < kAcceptsPerWake; ++i) {
    Poco::Net::StreamSocket socket;
    try {
      socket = listening_.acceptConnection();
      socket.setBlocking(true);
      socket.setNoDelay(true);
    } catch (const Poco::Exception&) {
      // No more waiting connections (EAGAIN), or none can be taken now
      // (EMFILE): they stay in the listen queue until the next wake.
      return;
    }
    waiting_.push_back(Waiting{socket, std::chrono::steady_clock::now() + header_timeout_});
  }
}

void ConnectionGate::handOff(Waiting& w) {
  // Queued for a worker, or refused (queue full): then closed with its last reference.
  try {
    if (w.tls != nullptr) w.socket.setBlocking(true);
    hand_off_(w.socket);
  } catch (...) {
  }
}

bool ConnectionGate::lookTls(Waiting& w) {
  const TlsConnection::Progress progress = w.tls->advance(kMaxHeadBytes);
  if (progress == TlsConnection::Progress::Plain) return false;  // look() goes on as for plain HTTP
  const std::string& got = w.tls->unread();
  if (got.size() >= static_cast<std::size_t>(kMaxHeadBytes) || headComplete(got.data(), got.size())) {
    handOff(w);
    return true;
  }
  // A client that has gone shows as Closed (end of stream), not as "readable, nothing to read".
  return progress == TlsConnection::Progress::Closed;
}

bool ConnectionGate::look(Waiting& w, bool readable) {
  if (w.tls != nullptr && !w.tls->plaintext()) {
    if (lookTls(w)) return true;
    if (!w.tls->plaintext()) return false;
  }
  int available = 0;
  try {
    available = w.socket.available();
  } catch (const Poco::Exception&) {
    return true;
  }
  if (available <= 0) return readable;  // readable with nothing to read: the client has gone
  if (available == w.seen) return false;
  w.seen = available;
  static thread_local std::vector<char> peeked(kMaxHeadBytes);
  const int got = static_cast<int>(
      ::recv(w.socket.impl()->sockfd(), peeked.data(), static_cast<std::size_t>(std::min(available, kMaxHeadBytes)),
             MSG_PEEK | MSG_DONTWAIT));
  if (got <= 0) return got == 0 || (errno != EAGAIN && errno != EINTR);
  if (got >= kMaxHeadBytes || headComplete(peeked.data(), static_cast<std::size_t>(got))) {
    handOff(w);
    return true;
  }
  w.partial = true;
  return false;
}

void ConnectionGate::run() {
  std::vector<pollfd> fds;
  std::vector<std::list<Waiting>::iterator> polled;
  std::vector<std::list<Waiting>::iterator> returned;
  while (!stopping_) {
    const auto now = std::chrono::steady_clock::now();
    {
      std::lock_guard<std::mutex> lock(parked_mutex_);
      for (auto& socket : parked_) {
        waiting_.push_back(Waiting{socket, now + keepalive_timeout_});
        // On a TLS listener every connection is a TlsConnection (accept()).
        if (tls_ != nullptr) {
          waiting_.back().tls = static_cast<TlsConnection*>(socket.impl());
          returned.push_back(std::prev(waiting_.end()));
        }
      }
      parked_.clear();
    }
    // A parked TLS connection may already hold its next head (decrypted, or
    // in OpenSSL's buffer), which no poll would show: looked at now.
    for (auto it : returned) {
      it->socket.setBlocking(false);
      if (look(*it, false)) waiting_.erase(it);
    }
    returned.clear();
    fds.assign({pollfd{wake_pipe_[0], POLLIN, 0}, pollfd{listening_.impl()->sockfd(), POLLIN, 0}});
    polled.clear();
    auto next = now + std::chrono::seconds(1);
    bool any_partial = false;
    for (auto it = waiting_.begin(); it != waiting_.end(); ++it) {
      next = std::min(next, it->deadline);
      if (it->partial) {
        any_partial = true;
        continue;
      }
      const bool out = it->tls != nullptr && it->tls->wantsWrite();
      fds.push_back(pollfd{it->socket.impl()->sockfd(), static_cast<short>(out ? POLLOUT : POLLIN), 0});
      polled.push_back(it);
    }
    if (any_partial) next = std::min(next, now + kPartialTick);
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - now).count();
    const int ready = ::poll(fds.data(), fds.size(), static_cast<int>(std::max<long long>(wait, 0) + 1));
    if (ready < 0 && errno != EINTR) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (fds[0].revents != 0) {
      char drain[64];
      while (::read(wake_pipe_[0], drain, sizeof drain) > 0) {
      }
    }
    if (stopping_) break;
    if (fds[1].revents != 0) accept();
    for (std::size_t i = 0; i < polled.size(); ++i) {
      if (fds[i + 2].revents != 0 && look(*polled[i], true)) waiting_.erase(polled[i]);
    }
    const auto after = std::chrono::steady_clock::now();
    for (auto it = waiting_.begin(); it != waiting_.end();) {
      if ((it->partial && look(*it, false)) || it->deadline <= after) {
        it = waiting_.erase(it);  // handed over, gone, or out of time: closed with its last reference
      } else {
        ++it;
      }
    }
  }
  waiting_.clear();
}

}  // namespace beacon::http
