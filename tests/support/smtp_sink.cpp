#include "support/smtp_sink.h"

#include <sstream>

#include <Poco/Base64Decoder.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/String.h>

namespace beacon::testing {

namespace {

std::string base64Decode(const std::string& text) {
  std::istringstream in(text);
  Poco::Base64Decoder decoder(in);
  std::string out;
  char c;
  while (decoder.get(c)) out.push_back(c);
  return out;
}

// Reads one CRLF-terminated line (without the CRLF); false when the peer closed.
bool readLine(Poco::Net::StreamSocket& socket, std::string& buffer, std::string& line) {
  for (;;) {
    const auto end = buffer.find("\r\n");
    if (end != std::string::npos) {
      line = buffer.substr(0, end);
      buffer.erase(0, end + 2);
      return true;
    }
    char chunk[4096];
    const int n = socket.receiveBytes(chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
}

void reply(Poco::Net::StreamSocket& socket, const std::string& text) {
  const std::string line = text + "\r\n";
  socket.sendBytes(line.data(), static_cast<int>(line.size()));
}

std::string addressOf(const std::string& arg) {
  const auto open = arg.find('<');
  const auto close = arg.find('>');
  if (open == std::string::npos || close == std::string::npos) return Poco::trim(arg);
  return arg.substr(open + 1, close - open - 1);
}

std::string decodeQ(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_') {
      out.push_back(' ');
    } else if (text[i] == '=' && i + 2 < text.size()) {
      out.push_back(static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

// Whether `bytes` is UTF-8 made of whole characters only.
bool wholeUtf8(const std::string& bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    const std::size_t n = lead < 0x80    ? 1
                          : lead >= 0xF0 ? 4
                          : lead >= 0xE0 ? 3
                          : lead >= 0xC0 ? 2
                                         : 0;
    if (n == 0 || i + n > bytes.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

std::string decodeQuotedPrintable(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '=' && i + 2 < text.size() && text[i + 1] == '\r' && text[i + 2] == '\n') {
      i += 2;
    } else if (text[i] == '=' && i + 1 < text.size() && text[i + 1] == '\n') {
      i += 1;
    } else if (text[i] == '=' && i + 2 < text.size()) {
      out.push_back(static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

}  // namespace

SmtpSink::SmtpSink() : server_(Poco::Net::SocketAddress("127.0.0.1", 0)) {
  port_ = server_.address().port();
  thread_ = std::thread([this] { serve(); });
}

SmtpSink::~SmtpSink() {
  stopping_ = true;
  try {
    Poco::Net::StreamSocket wake;
    wake.connect(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port_)));
  } catch (...) {
  }
  thread_.join();
}

std::vector<SinkMessage> SmtpSink::messages() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return messages_;
}

void SmtpSink::serve() {
  while (!stopping_) {
    try {
      Poco::Net::StreamSocket socket = server_.acceptConnection();
      if (stopping_) break;
      socket.setReceiveTimeout(Poco::Timespan(10, 0));
      session(socket);
    } catch (...) {
    }
  }
}

void SmtpSink::session(Poco::Net::StreamSocket& socket) {
  std::string buffer, line;
  SinkMessage m;
  reply(socket, "220 sink.test ESMTP");
  while (readLine(socket, buffer, line)) {
    const std::string verb = Poco::toUpper(line.substr(0, line.find(' ')));
    if (verb == "EHLO") {
      reply(socket, "250-sink.test");
      reply(socket, "250 AUTH LOGIN");
    } else if (verb == "HELO" || verb == "RSET" || verb == "NOOP") {
      reply(socket, "250 OK");
    } else if (verb == "AUTH") {
      reply(socket, "334 VXNlcm5hbWU6");
      if (!readLine(socket, buffer, line)) return;
      m.username = base64Decode(line);
      reply(socket, "334 UGFzc3dvcmQ6");
      if (!readLine(socket, buffer, line)) return;
      m.password = base64Decode(line);
      reply(socket, "235 2.7.0 Authentication successful");
    } else if (verb == "MAIL") {
      m.from = addressOf(line.substr(line.find(':') + 1));
      reply(socket, "250 OK");
    } else if (verb == "RCPT") {
      m.to.push_back(addressOf(line.substr(line.find(':') + 1)));
      reply(socket, "250 OK");
    } else if (verb == "DATA") {
      reply(socket, "354 End data with <CR><LF>.<CR><LF>");
      std::string data;
      while (readLine(socket, buffer, line) && line != ".") {
        if (!line.empty() && line[0] == '.') line.erase(0, 1);
        data += line + "\r\n";
      }
      if (fail_next_ > 0) {
        --fail_next_;
        reply(socket, "554 5.0.0 Transaction failed (test sink)");
      } else {
        m.data = data;
        {
          std::lock_guard<std::mutex> lock(mutex_);
          messages_.push_back(m);
        }
        reply(socket, "250 OK queued");
      }
      m.to.clear();
    } else if (verb == "QUIT") {
      reply(socket, "221 Bye");
      return;
    } else {
      reply(socket, "502 Command not implemented");
    }
  }
}

std::string sinkSubject(const SinkMessage& m) {
  // The raw header, unfolded by hand: Poco's MessageHeader decodes encoded words itself and keeps
  // the folding space between them, which would hide how the words were written.
  const std::string head = "\r\n" + m.data.substr(0, m.data.find("\r\n\r\n"));
  const auto at_subject = head.find("\r\nSubject: ");
  if (at_subject == std::string::npos) return "";
  std::string raw;
  for (std::size_t at = at_subject + 11; at < head.size();) {
    const auto end = head.find("\r\n", at);
    raw += head.substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (end == std::string::npos || end + 2 >= head.size() ||
        (head[end + 2] != ' ' && head[end + 2] != '\t'))
      break;
    at = end + 2;
  }
  std::string out;
  std::size_t at = 0;
  bool after_word = false;
  while (at < raw.size()) {
    const auto start = raw.find("=?", at);
    const std::string between =
        raw.substr(at, start == std::string::npos ? std::string::npos : start - at);
    // RFC 2047 §6.2: white space between two encoded words is not part of the text.
    if (!(after_word && Poco::trim(between).empty() && start != std::string::npos)) out += between;
    if (start == std::string::npos) break;
    const auto q1 = raw.find('?', start + 2);
    const auto q2 = raw.find('?', q1 + 1);
    const auto end = raw.find("?=", q2 + 1);
    if (q1 == std::string::npos || q2 == std::string::npos || end == std::string::npos) {
      out += raw.substr(start);
      break;
    }
    const std::string enc = Poco::toUpper(raw.substr(q1 + 1, q2 - q1 - 1));
    const std::string text = raw.substr(q2 + 1, end - q2 - 1);
    const std::string word = enc == "B" ? base64Decode(text) : decodeQ(text);
    out += wholeUtf8(word) ? word : "\xEF\xBF\xBD";  // U+FFFD, as a strict reader shows it
    at = end + 2;
    after_word = true;
  }
  return Poco::trim(out);
}

std::string sinkBody(const SinkMessage& m) {
  std::istringstream in(m.data);
  Poco::Net::MessageHeader header;
  header.read(in);
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (body.rfind("\r\n", 0) == 0) body.erase(0, 2);
  const std::string encoding = Poco::toLower(header.get("Content-Transfer-Encoding", ""));
  if (encoding == "base64") return base64Decode(body);
  if (encoding == "quoted-printable") return decodeQuotedPrintable(body);
  return body;
}

}  // namespace beacon::testing
