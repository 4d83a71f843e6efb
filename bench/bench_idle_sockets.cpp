// bench_idle_sockets: a normal client's requests to a running `beacon serve`
// while N idle TCP connections (default 200) stay open for S seconds
// (default 30). Idle sockets the server closes (web.header_timeout_s) are
// opened again at once, so N are open throughout. The client makes one
// request at a time, each on a new connection (GET PATH, default /login),
// for a few seconds with no idle sockets (the baseline) and then for the
// whole idle window; it prints, for both, the requests, failures (no 200
// within 5 s), p50, p99 and max latency, and the ratio of the p99s.
//
// usage: bench_idle_sockets PORT [--idle N] [--seconds S] [--baseline S] [--path /login]
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/NullStream.h>
#include <Poco/StreamCopier.h>

namespace {

using Clock = std::chrono::steady_clock;

struct Run {
  std::vector<double> ms;
  int failures = 0;
};

Run client(std::uint16_t port, const std::string& path, std::chrono::seconds length) {
  Run run;
  const auto end = Clock::now() + length;
  while (Clock::now() < end) {
    const auto start = Clock::now();
    bool ok = false;
    try {
      Poco::Net::HTTPClientSession session("127.0.0.1", port);
      session.setTimeout(Poco::Timespan(5, 0));
      Poco::Net::HTTPRequest req("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
      session.sendRequest(req);
      Poco::Net::HTTPResponse resp;
      std::istream& in = session.receiveResponse(resp);
      Poco::NullOutputStream sink;
      Poco::StreamCopier::copyStream(in, sink);
      ok = resp.getStatus() == Poco::Net::HTTPResponse::HTTP_OK;
    } catch (const Poco::Exception&) {
    }
    run.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (!ok) ++run.failures;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return run;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

void report(const char* name, const Run& r) {
  std::printf("%-10s requests=%zu failures=%d p50=%.1f ms p99=%.1f ms max=%.1f ms\n", name, r.ms.size(), r.failures,
              percentile(r.ms, 0.50), percentile(r.ms, 0.99), percentile(r.ms, 1.0));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_idle_sockets PORT [--idle N] [--seconds S] [--baseline S] [--path P]\n");
    return 2;
  }
  const auto port = static_cast<std::uint16_t>(std::atoi(argv[1]));
  int idle_count = 200, seconds = 30, baseline = 5;
  std::string path = "/login";
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--idle") idle_count = std::atoi(argv[i + 1]);
    if (flag == "--seconds") seconds = std::atoi(argv[i + 1]);
    if (flag == "--baseline") baseline = std::atoi(argv[i + 1]);
    if (flag == "--path") path = argv[i + 1];
  }
  const Run before = client(port, path, std::chrono::seconds(baseline));

  std::atomic<bool> stop{false};
  std::atomic<long> reopened{0};
  std::vector<Poco::Net::StreamSocket> idle(static_cast<std::size_t>(idle_count));
  auto open = [&](Poco::Net::StreamSocket& s) {
    try {
      s = Poco::Net::StreamSocket();
      s.connect(Poco::Net::SocketAddress("127.0.0.1", port), Poco::Timespan(5, 0));
    } catch (const Poco::Exception&) {
    }
  };
  for (auto& s : idle) open(s);
  // Keeps N open: a socket the server closed reads as end of file.
  std::thread keeper([&] {
    while (!stop) {
      std::vector<pollfd> fds;
      for (auto& s : idle) fds.push_back(pollfd{s.impl()->sockfd(), POLLIN, 0});
      if (::poll(fds.data(), fds.size(), 50) > 0) {
        for (std::size_t i = 0; i < fds.size(); ++i) {
          if (fds[i].revents == 0) continue;
          open(idle[i]);
          ++reopened;
        }
      }
    }
  });
  const Run during = client(port, path, std::chrono::seconds(seconds));
  stop = true;
  keeper.join();

  std::printf("idle sockets: %d open for %d s (%ld closed by the server and reopened)\n", idle_count, seconds,
              reopened.load());
  report("baseline", before);
  report("idle", during);
  const double base = percentile(before.ms, 0.99);
  if (base > 0) std::printf("p99 idle / baseline: %.2f\n", percentile(during.ms, 0.99) / base);
  return during.failures == 0 ? 0 : 1;
}
