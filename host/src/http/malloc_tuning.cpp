#include "http/malloc_tuning.h"

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <thread>

namespace beacon::http {

namespace {

timespec threadCpu() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t;
}

std::atomic<bool> trimming{false};

}  // namespace

void limitMallocArenas() {
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  mallopt(M_ARENA_MAX, std::max(2, cores));
}

HeavyRequestTrim::HeavyRequestTrim() : start_(threadCpu()) {}

bool HeavyRequestTrim::finish() {
  const timespec now = threadCpu();
  const double ms = static_cast<double>(now.tv_sec - start_.tv_sec) * 1e3 +
                    static_cast<double>(now.tv_nsec - start_.tv_nsec) / 1e6;
  if (ms < kHeavyCpuMs) return false;
  if (trimming.exchange(true)) return false;
  malloc_trim(0);
  trimming.store(false);
  return true;
}

}  // namespace beacon::http
