#include "http/response_writer.h"

#include <algorithm>
#include <climits>
#include <ostream>
#include <streambuf>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/StreamSocket.h>

namespace beacon::http {

namespace {

// A streambuf appending to a string (no std::ostringstream allocation per response).
class AppendBuf : public std::streambuf {
 public:
  explicit AppendBuf(std::string& out) : out_(out) {}

 protected:
  int_type overflow(int_type c) override {
    if (c != traits_type::eof()) out_ += static_cast<char>(c);
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    out_.append(s, static_cast<std::size_t>(n));
    return n;
  }

 private:
  std::string& out_;
};

}  // namespace

void writeResponse(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                   const std::string& body) {
  auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
  if (!impl) {
    response.send() << body;
    return;
  }
  thread_local std::string buffer;
  buffer.clear();
  {
    AppendBuf sink(buffer);
    std::ostream head(&sink);
    response.write(head);
  }
  buffer += body;
  try {
    Poco::Net::StreamSocket& socket = impl->socket();
    const char* next = buffer.data();
    std::size_t left = buffer.size();
    while (left > 0) {
      const int n = socket.sendBytes(next, static_cast<int>(std::min<std::size_t>(left, INT_MAX)));
      if (n <= 0) throw Poco::IOException("the connection accepted no more bytes");
      next += n;
      left -= static_cast<std::size_t>(n);
    }
  } catch (const Poco::Exception&) {
    response.setKeepAlive(false);
  }
  if (buffer.capacity() > (1u << 20))
    std::string().swap(buffer);  // do not keep a large upload's worth
}

}  // namespace beacon::http
