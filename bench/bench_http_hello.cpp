// bench_http_hello: the baseline for bench/wrk/run.sh. A bare Poco::Net::HTTPServer whose
// one handler answers every request with "hello", configured exactly as http::WebServer
// (thread pool 2..threads+2, maxThreads = threads, maxQueued, keep-alive, 1,000 requests
// per connection), so the difference to `beacon serve` is the application's own work.
//
// usage: bench_http_hello [--listen HOST:PORT (127.0.0.1:0)] [--threads N (8)] [--queue N (256)]
// Prints "listening on http://HOST:PORT" and serves until SIGTERM or SIGINT.
#include <signal.h>

#include <cstdlib>
#include <limits>
#include <iostream>
#include <string>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>

namespace {

class HelloHandler : public Poco::Net::HTTPRequestHandler {
 public:
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    request.stream().ignore(std::numeric_limits<std::streamsize>::max());
    static const std::string kBody = "hello\n";
    response.setContentType("text/plain; charset=utf-8");
    response.setContentLength(static_cast<std::streamsize>(kBody.size()));
    response.send() << kBody;
  }
};

class HelloFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new HelloHandler;
  }
};

int usage(const std::string& why) {
  std::cerr << "bench_http_hello: " << why << "\n"
            << "usage: bench_http_hello [--listen HOST:PORT] [--threads N] [--queue N]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string listen = "127.0.0.1:0";
  int threads = 8;
  int queue = 256;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return usage(arg + ": missing value");
    const std::string value = argv[++i];
    if (arg == "--listen") {
      listen = value;
    } else if (arg == "--threads" || arg == "--queue") {
      char* end = nullptr;
      const long n = std::strtol(value.c_str(), &end, 10);
      if (end == value.c_str() || *end != '\0' || n < 1 || n > 100000) return usage(arg + ": not a count: " + value);
      (arg == "--threads" ? threads : queue) = static_cast<int>(n);
    } else {
      return usage("unknown option " + arg);
    }
  }

  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  Poco::ThreadPool pool("hello-http", 2, threads + 2, 60);
  Poco::Net::ServerSocket socket;
  try {
    socket.bind(Poco::Net::SocketAddress(listen), true);
  } catch (const Poco::Exception& e) {
    return usage("--listen " + listen + ": " + e.displayText());
  }
  socket.listen(queue > 64 ? 64 : queue);
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(threads);
  params->setMaxQueued(queue);
  params->setKeepAlive(true);
  params->setMaxKeepAliveRequests(1000);
  params->setServerName("hello");
  Poco::Net::HTTPServer server(new HelloFactory, pool, socket, params);
  server.start();
  std::cout << "listening on http://" << socket.address().toString() << std::endl;
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  server.stopAll(true);
  pool.joinAll();
  return 0;
}
