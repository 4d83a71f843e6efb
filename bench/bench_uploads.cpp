// bench_uploads: the memory a running `beacon serve` needs for N parallel
// multipart uploads of M MB each (default 8 x 19 MB, just under the 20 MB
// web.max_upload_bytes) to POST /drills/ID/attachments with an API token.
// Reads the server's VmRSS and VmHWM (peak) from /proc/PID/status before and
// after, and samples VmRSS every 10 ms while the uploads run. Each upload is a
// distinct PDF-looking body generated on the fly, so the client holds no copy.
//
// usage: bench_uploads PORT SERVER_PID TOKEN DRILL_ID [--parallel N] [--mb M]
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/NullStream.h>
#include <Poco/StreamCopier.h>

namespace {

long statusKb(int pid, const std::string& key) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key + ":", 0) == 0) return std::atol(line.c_str() + key.size() + 1);
  }
  return -1;
}

int upload(std::uint16_t port, const std::string& token, const std::string& drill, std::size_t bytes, unsigned seed) {
  try {
    const std::string boundary = "----bench-upload-boundary";
    const std::string head = "--" + boundary +
                             "\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"report" +
                             std::to_string(seed) + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n";
    const std::string tail = "\r\n--" + boundary + "--\r\n";
    const std::size_t content = bytes - 9;  // after "%PDF-1.4\n"
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setTimeout(Poco::Timespan(120, 0));
    Poco::Net::HTTPRequest req("POST", "/drills/" + drill + "/attachments", Poco::Net::HTTPMessage::HTTP_1_1);
    req.set("Authorization", "Bearer " + token);
    req.setContentType("multipart/form-data; boundary=" + boundary);
    req.setContentLength(static_cast<std::streamsize>(head.size() + content + tail.size()));
    std::ostream& out = session.sendRequest(req);
    out << head;
    std::mt19937 random(seed);
    std::vector<char> chunk(64 * 1024);
    for (std::size_t sent = 0; sent < content;) {
      const std::size_t n = std::min(chunk.size(), content - sent);
      for (std::size_t i = 0; i < n; ++i) chunk[i] = static_cast<char>('a' + random() % 26);
      out.write(chunk.data(), static_cast<std::streamsize>(n));
      sent += n;
    }
    out << tail;
    Poco::Net::HTTPResponse resp;
    std::istream& in = session.receiveResponse(resp);
    Poco::NullOutputStream sink;
    Poco::StreamCopier::copyStream(in, sink);
    return resp.getStatus();
  } catch (const Poco::Exception& e) {
    std::fprintf(stderr, "upload %u: %s\n", seed, e.displayText().c_str());
    return 0;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: bench_uploads PORT SERVER_PID TOKEN DRILL_ID [--parallel N] [--mb M]\n");
    return 2;
  }
  const auto port = static_cast<std::uint16_t>(std::atoi(argv[1]));
  const int pid = std::atoi(argv[2]);
  const std::string token = argv[3];
  const std::string drill = argv[4];
  int parallel = 8, mb = 19;
  for (int i = 5; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--parallel") parallel = std::atoi(argv[i + 1]);
    if (flag == "--mb") mb = std::atoi(argv[i + 1]);
  }
  const long rss_before = statusKb(pid, "VmRSS");
  const long hwm_before = statusKb(pid, "VmHWM");
  std::atomic<bool> done{false};
  std::atomic<long> rss_peak{rss_before};
  std::thread sampler([&] {
    while (!done) {
      rss_peak = std::max(rss_peak.load(), statusKb(pid, "VmRSS"));
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });
  std::vector<int> statuses(static_cast<std::size_t>(parallel));
  std::vector<std::thread> uploads;
  for (int i = 0; i < parallel; ++i) {
    uploads.emplace_back([&, i] {
      statuses[static_cast<std::size_t>(i)] =
          upload(port, token, drill, static_cast<std::size_t>(mb) * 1024 * 1024, static_cast<unsigned>(i + 1));
    });
  }
  for (auto& t : uploads) t.join();
  done = true;
  sampler.join();
  const long hwm_after = statusKb(pid, "VmHWM");
  int stored = 0;
  std::printf("uploads: %d x %d MB, statuses:", parallel, mb);
  for (int s : statuses) {
    std::printf(" %d", s);
    if (s == 303) ++stored;
  }
  std::printf("\nserver VmRSS before %.1f MB, peak VmRSS sampled %.1f MB, VmHWM before %.1f MB, after %.1f MB"
              " (+%.1f MB)\n",
              rss_before / 1024.0, rss_peak.load() / 1024.0, hwm_before / 1024.0, hwm_after / 1024.0,
              (hwm_after - hwm_before) / 1024.0);
  return stored == parallel ? 0 : 1;
}
