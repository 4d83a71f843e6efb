// bench_response_write: one Poco HTTPServer on 127.0.0.1 answering a 22 KB
// body three ways, chosen by path, and keep-alive clients (raw sockets, one
// thread each) asking for it in alternating rounds of the same run:
//   /shortcut  headers and body in one send on the socket of Poco's internal
//              HTTPServerRequestImpl (what http::writeResponse did until
//              2026-12-03, kept here to compare);
//   /buffer    HTTPServerResponse::sendBuffer (the library's one-shot path);
//   /stream    response.send() << body (Poco's response stream).
// Prints answers/s (wall) and the process's CPU time (user+sys, server and
// clients together) per answer, the median of the rounds.
//
//   bench_response_write [BODY_BYTES=22000] [CLIENTS=4] [ROUNDS=5] [SECONDS_PER_ROUND=2]
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

namespace {

std::string g_body;

// The removed shortcut: the status line and headers as Poco writes them, then the body, in one
// send (as long as the socket takes it all).
void oneSend(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
             const std::string& body) {
  auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
  if (!impl) {
    response.send() << body;
    return;
  }
  std::ostringstream head;
  response.write(head);
  const std::string out = head.str() + body;
  Poco::Net::StreamSocket& socket = impl->socket();
  const char* next = out.data();
  std::size_t left = out.size();
  while (left > 0) {
    const int n = socket.sendBytes(next, static_cast<int>(left));
    if (n <= 0) return;
    next += n;
    left -= static_cast<std::size_t>(n);
  }
}

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    response.setContentType("application/json; charset=utf-8");
    response.set("X-Content-Type-Options", "nosniff");
    const std::string& uri = request.getURI();
    if (uri == "/shortcut") {
      response.setContentLength(static_cast<std::streamsize>(g_body.size()));
      oneSend(request, response, g_body);
    } else if (uri == "/buffer") {
      response.sendBuffer(g_body.data(), g_body.size());
    } else {
      response.setContentLength(static_cast<std::streamsize>(g_body.size()));
      response.send() << g_body;
    }
  }
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new Handler;
  }
};

// Reads one response (headers, then Content-Length bytes); false on error.
bool readResponse(Poco::Net::StreamSocket& s, std::string& buf) {
  buf.clear();
  char chunk[65536];
  std::size_t header_end = std::string::npos;
  std::size_t need = 0;
  for (;;) {
    const int n = s.receiveBytes(chunk, sizeof chunk);
    if (n <= 0) return false;
    buf.append(chunk, static_cast<std::size_t>(n));
    if (header_end == std::string::npos) {
      header_end = buf.find("\r\n\r\n");
      if (header_end == std::string::npos) continue;
      const std::size_t cl = buf.find("Content-Length: ");
      if (cl == std::string::npos || cl > header_end) return false;
      need = header_end + 4 + std::strtoul(buf.c_str() + cl + 16, nullptr, 10);
    }
    if (buf.size() >= need) return buf.size() == need;
  }
}

double cpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

struct Round {
  double per_second;
  double cpu_us;
};

Round run(int port, const std::string& path, int clients, double seconds) {
  std::atomic<bool> stop{false};
  std::atomic<long> answers{0};
  std::atomic<long> failures{0};
  const std::string request = "GET " + path + " HTTP/1.1\r\nHost: bench\r\n\r\n";
  const double cpu0 = cpuSeconds();
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&] {
      Poco::Net::StreamSocket s;
      s.connect(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)));
      s.setNoDelay(true);
      std::string buf;
      while (!stop.load(std::memory_order_relaxed)) {
        s.sendBytes(request.data(), static_cast<int>(request.size()));
        if (!readResponse(s, buf)) {
          ++failures;
          break;
        }
        ++answers;
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& t : threads) t.join();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double cpu = cpuSeconds() - cpu0;
  if (failures) std::fprintf(stderr, "%s: %ld failed\n", path.c_str(), failures.load());
  return {answers / wall, answers ? cpu * 1e6 / answers : 0};
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t bytes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 22000;
  const int clients = argc > 2 ? std::atoi(argv[2]) : 4;
  const int rounds = argc > 3 ? std::atoi(argv[3]) : 5;
  const double seconds = argc > 4 ? std::atof(argv[4]) : 2.0;
  g_body.assign(bytes, 'x');
  for (std::size_t i = 0; i < bytes; i += 64) g_body[i] = '\n';

  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(clients);
  params->setMaxQueued(64);
  params->setKeepAlive(true);
  params->setMaxKeepAliveRequests(0);
  Poco::Net::HTTPServer server(new Factory, socket, params);
  server.start();
  const int port = socket.address().port();

  const std::vector<std::string> paths = {"/shortcut", "/buffer", "/stream"};
  std::vector<std::vector<double>> rate(paths.size()), cpu(paths.size());
  for (int r = 0; r < rounds; ++r) {
    for (std::size_t p = 0; p < paths.size(); ++p) {
      const Round x = run(port, paths[p], clients, seconds);
      rate[p].push_back(x.per_second);
      cpu[p].push_back(x.cpu_us);
    }
  }
  server.stop();
  std::printf("body %zu bytes, %d keep-alive clients, %d rounds of %.1f s each\n", bytes, clients,
              rounds, seconds);
  for (std::size_t p = 0; p < paths.size(); ++p) {
    std::printf("%-10s %9.0f answers/s  %7.1f us CPU per answer\n", paths[p].c_str(),
                median(rate[p]), median(cpu[p]));
  }
  std::printf("shortcut vs sendBuffer: %.2fx answers/s, %.2fx CPU per answer\n",
              median(rate[0]) / median(rate[1]), median(cpu[1]) / median(cpu[0]));
  return 0;
}
