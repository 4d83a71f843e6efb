// Byte-level HTTP/1.1 over a Poco::Net::StreamSocket for the connection and
// request-framing tests: send exact bytes (pipelines, partial heads, bodies
// that are themselves requests) and read back every response the server
// sends, in order, until it closes the connection or goes quiet.
// Header-only test support; each function works on the caller's socket.
#pragma once

#include <cctype>
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/Timespan.h>

namespace beacon::http::testing {

struct RawResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  bool closes() const {
    auto it = headers.find("connection");
    return it != headers.end() && Poco::icompare(it->second, "close") == 0;
  }
};

struct RawRead {
  std::vector<RawResponse> responses;
  bool closed = false;  // the server closed (or reset) the connection
};

inline Poco::Net::StreamSocket rawConnect(std::uint16_t port) {
  Poco::Net::StreamSocket s;
  s.connect(Poco::Net::SocketAddress("127.0.0.1", port), Poco::Timespan(5, 0));
  return s;
}

inline void rawSend(Poco::Net::StreamSocket& s, const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const int n = s.sendBytes(bytes.data() + sent, static_cast<int>(bytes.size() - sent));
    if (n <= 0) throw Poco::IOException("send failed");
    sent += static_cast<std::size_t>(n);
  }
}

// Parses one complete response off the front of `buffer` (false when more
// bytes are needed). A response without Content-Length runs to the close.
inline bool takeResponse(std::string& buffer, bool closed, RawResponse& out) {
  const auto end = buffer.find("\r\n\r\n");
  if (end == std::string::npos) return false;
  RawResponse r;
  std::size_t line_end = buffer.find("\r\n");
  const std::string status_line = buffer.substr(0, line_end);
  if (status_line.size() >= 12) r.status = std::atoi(status_line.substr(9, 3).c_str());
  std::size_t at = line_end + 2;
  while (at < end) {
    const std::size_t eol = buffer.find("\r\n", at);
    const std::string line = buffer.substr(at, eol - at);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      r.headers[name] = value;
    }
    at = eol + 2;
  }
  const std::size_t body_at = end + 4;
  auto length = r.headers.find("content-length");
  if (length == r.headers.end()) {
    if (!closed) return false;
    r.body = buffer.substr(body_at);
    buffer.clear();
  } else {
    const std::size_t n = static_cast<std::size_t>(Poco::NumberParser::parseUnsigned64(length->second));
    if (buffer.size() < body_at + n) return false;
    r.body = buffer.substr(body_at, n);
    buffer.erase(0, body_at + n);
  }
  out = std::move(r);
  return true;
}

// Every response until the server closes the connection or sends nothing for `quiet`.
inline RawRead rawReadAll(Poco::Net::StreamSocket& s, Poco::Timespan quiet = Poco::Timespan(2, 0)) {
  RawRead result;
  std::string buffer;
  char chunk[8192];
  s.setReceiveTimeout(quiet);
  for (;;) {
    int n = 0;
    try {
      n = s.receiveBytes(chunk, sizeof chunk);
    } catch (const Poco::TimeoutException&) {
      break;
    } catch (const Poco::Net::NetException&) {
      n = 0;
    }
    if (n <= 0) {
      result.closed = true;
      break;
    }
    buffer.append(chunk, static_cast<std::size_t>(n));
    RawResponse r;
    while (takeResponse(buffer, false, r)) result.responses.push_back(std::move(r));
  }
  RawResponse r;
  while (takeResponse(buffer, result.closed, r)) result.responses.push_back(std::move(r));
  return result;
}

// Reads one response (waits up to `timeout`); status 0 when none came.
inline RawResponse rawReadOne(Poco::Net::StreamSocket& s, Poco::Timespan timeout = Poco::Timespan(5, 0)) {
  std::string buffer;
  char chunk[8192];
  s.setReceiveTimeout(timeout);
  RawResponse r;
  for (;;) {
    int n = 0;
    try {
      n = s.receiveBytes(chunk, sizeof chunk);
    } catch (const Poco::Exception&) {
      return r;
    }
    if (n <= 0) {
      takeResponse(buffer, true, r);
      return r;
    }
    buffer.append(chunk, static_cast<std::size_t>(n));
    if (takeResponse(buffer, false, r)) return r;
  }
}

// How long until the server closes the connection, reading and discarding
// anything it sends; `limit` when it is still open then.
inline std::chrono::milliseconds rawTimeToClose(Poco::Net::StreamSocket& s, std::chrono::milliseconds limit) {
  const auto start = std::chrono::steady_clock::now();
  char chunk[4096];
  for (;;) {
    const auto spent = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    if (spent >= limit) return limit;
    s.setReceiveTimeout(Poco::Timespan((limit - spent).count() * 1000));
    int n = 0;
    try {
      n = s.receiveBytes(chunk, sizeof chunk);
    } catch (const Poco::TimeoutException&) {
      return limit;
    } catch (const Poco::Exception&) {
      n = 0;
    }
    if (n <= 0) {
      return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    }
  }
}

}  // namespace beacon::http::testing
