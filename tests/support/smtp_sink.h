// SmtpSink: a minimal SMTP server for tests, listening on 127.0.0.1 (an ephemeral port) in a
// thread of its own from construction to destruction. It answers EHLO/HELO, AUTH LOGIN (any
// credentials, recorded), MAIL FROM, RCPT TO, DATA and QUIT, one connection at a time, and keeps
// each message received: envelope sender, recipients and the raw message (dot-unstuffed).
// failNext(n) makes the next n messages fail at the end of DATA (554). Thread-safe.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <Poco/Net/ServerSocket.h>

namespace beacon::testing {

struct SinkMessage {
  std::string from;
  std::vector<std::string> to;
  std::string data;      // the message as sent (headers, blank line, body)
  std::string username;  // AUTH LOGIN's, decoded ("" without AUTH)
  std::string password;
};

class SmtpSink {
 public:
  SmtpSink();
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  int port() const { return port_; }
  std::vector<SinkMessage> messages() const;
  void failNext(int n) { fail_next_ = n; }

 private:
  void serve();
  void session(Poco::Net::StreamSocket& socket);

  Poco::Net::ServerSocket server_;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> fail_next_{0};
  mutable std::mutex mutex_;
  std::vector<SinkMessage> messages_;
  std::thread thread_;
};

// The body of a received single-part message, its Content-Transfer-Encoding (base64 or
// quoted-printable) decoded, and its Subject with its RFC 2047 B or Q words decoded (UTF-8; the
// bytes of each word on their own, so a word that splits a character shows as broken text).
std::string sinkBody(const SinkMessage& m);
std::string sinkSubject(const SinkMessage& m);

}  // namespace beacon::testing
