// bench_wal_watch: the question every cached answer asks first ("has any
// connection committed since?") on a WAL-mode SQLite file, asked by THREADS
// threads each with its own connection (as the server's workers), two ways in
// alternating rounds of the same run:
//   wal-index   store::WalIndexWatch::poll, one watch shared by all threads
//               (reads the "-shm" file's WAL-index header from a mapped page);
//   pragma      store::ConnectionChanges::changed, one per connection
//               (PRAGMA data_version, kept prepared: SQLite's own API).
// A writer commits one row every COMMIT_MS milliseconds meanwhile. Prints
// the questions answered per second (all threads) and the CPU time per
// question (user+sys of the process), the median of the rounds, and how many
// "changed" answers the commits gave (one per commit either way).
//
//   bench_wal_watch [THREADS=8] [ROUNDS=5] [SECONDS_PER_ROUND=2] [COMMIT_MS=20] [DIR=/tmp]
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <Poco/Data/Session.h>
#include <Poco/File.h>

#include "store/connection_changes.h"
#include "store/database.h"
#include "store/wal_index_watch.h"

using namespace Poco::Data::Keywords;

namespace {

double cpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

struct Round {
  double per_second;
  double cpu_ns;
  long commits;
  long changed;
};

// Each thread asks in a loop; a commit must be reported by every thread's next question.
Round run(bool wal_index, std::vector<std::unique_ptr<beacon::store::Database>>& readers,
          beacon::store::Database& writer, beacon::store::Database& watcher, double seconds,
          int commit_ms) {
  beacon::store::WalIndexWatch watch;
  beacon::store::ConnectionChanges changes(watcher.session());
  std::mutex poll_mutex;
  std::atomic<bool> stop{false};
  std::atomic<long> questions{0};
  std::atomic<long> commits{0};
  std::vector<long> seen(readers.size(), 0);
  const double cpu0 = cpuSeconds();
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < readers.size(); ++i) {
    threads.emplace_back([&, i] {
      long n = 0;
      while (!stop.load(std::memory_order_relaxed)) {
        std::lock_guard<std::mutex> lock(poll_mutex);
        const bool changed = wal_index ? watch.poll(readers[i]->session()) !=
                                             beacon::store::WalIndexWatch::Seen::Unchanged
                                       : changes.changed();
        if (changed) ++seen[i];
        ++n;
      }
      questions += n;
    });
  }
  std::thread commit([&] {
    while (!stop.load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(commit_ms));
      writer.session() << "INSERT INTO bench_rows(v) VALUES (1)", now;
      ++commits;
    }
  });
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  commit.join();
  for (auto& t : threads) t.join();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double cpu = cpuSeconds() - cpu0;
  long total_seen = 0;
  for (long s : seen) total_seen += s;
  return {questions / wall, cpu * 1e9 / static_cast<double>(questions.load()), commits.load(),
          total_seen};
}

}  // namespace

int main(int argc, char** argv) {
  const int threads = argc > 1 ? std::atoi(argv[1]) : 8;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
  const double seconds = argc > 3 ? std::atof(argv[3]) : 2.0;
  const int commit_ms = argc > 4 ? std::atoi(argv[4]) : 20;
  const std::string dir = argc > 5 ? argv[5] : "/tmp";
  const std::string path = dir + "/bench_wal_watch." + std::to_string(::getpid()) + ".db";
  std::vector<double> rates[2], cpus[2];
  long commits[2] = {0, 0};
  long changed[2] = {0, 0};
  {
    beacon::store::Database writer(path);
    writer.session() << "CREATE TABLE bench_rows(id INTEGER PRIMARY KEY, v INTEGER)", now;
    std::vector<std::unique_ptr<beacon::store::Database>> readers;
    for (int i = 0; i < threads; ++i)
      readers.push_back(std::make_unique<beacon::store::Database>(path));
    beacon::store::Database watcher(path);
    for (int r = 0; r < rounds; ++r) {
      for (int mode = 0; mode < 2; ++mode) {
        const Round x = run(mode == 0, readers, writer, watcher, seconds, commit_ms);
        rates[mode].push_back(x.per_second);
        cpus[mode].push_back(x.cpu_ns);
        commits[mode] += x.commits;
        changed[mode] += x.changed;
      }
    }
  }
  for (const char* suffix : {"", "-wal", "-shm"}) {
    Poco::File file(path + suffix);
    if (file.exists()) file.remove();
  }
  std::printf("%d threads, %d rounds of %.1f s, a commit every %d ms\n", threads, rounds, seconds,
              commit_ms);
  std::printf("wal-index  %12.0f questions/s  %8.1f ns CPU each  %ld commits, %ld changed\n",
              median(rates[0]), median(cpus[0]), commits[0], changed[0]);
  std::printf("pragma     %12.0f questions/s  %8.1f ns CPU each  %ld commits, %ld changed\n",
              median(rates[1]), median(cpus[1]), commits[1], changed[1]);
  std::printf("wal-index vs pragma: %.1fx questions/s, %.1fx less CPU per question\n",
              median(rates[0]) / median(rates[1]), median(cpus[1]) / median(cpus[0]));
  return 0;
}
