// HeavyRequestTrim trims the heap after a request that used at least kHeavyCpuMs of its thread's
// CPU, and not after a cheap one; the trim gives freed heap pages back to the kernel.
#include "http/malloc_tuning.h"

#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace beacon::http {
namespace {

long rssKib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  }
  return -1;
}

double threadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// Uses `ms` of this thread's CPU (wall time on a loaded machine is longer).
void spin(double ms) {
  const double until = threadCpuMs() + ms;
  volatile unsigned x = 0;
  while (threadCpuMs() < until) x = x + 1;
}

TEST(HeavyRequestTrimTest, TrimsOnlyAfterAHeavyRequest) {
  HeavyRequestTrim cheap;
  EXPECT_FALSE(cheap.finish());
  HeavyRequestTrim heavy;
  spin(HeavyRequestTrim::kHeavyCpuMs * 2);
  EXPECT_TRUE(heavy.finish());
}

TEST(HeavyRequestTrimTest, GivesFreedHeapPagesBack) {
  // Many small blocks (below the mmap threshold, so in the heap), every 64th one kept: freeing
  // the others leaves 63 KB holes that free() cannot give back and a trim can.
  std::vector<char*> blocks;
  for (int i = 0; i < 64 * 1024; ++i) {
    blocks.push_back(static_cast<char*>(std::malloc(1024)));
    std::memset(blocks.back(), 1, 1024);
  }
  std::vector<char*> kept;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (i % 64 == 0) {
      kept.push_back(blocks[i]);
    } else {
      std::free(blocks[i]);
    }
  }
  const long before = rssKib();
  HeavyRequestTrim heavy;
  spin(HeavyRequestTrim::kHeavyCpuMs * 2);
  ASSERT_TRUE(heavy.finish());
  EXPECT_LT(rssKib(), before - 32 * 1024) << "63 MB freed, at least half of it given back";
  for (char* b : kept) std::free(b);
}

}  // namespace
}  // namespace beacon::http
