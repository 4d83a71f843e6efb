// malloc tuning for `beacon serve`: glibc malloc settings that bound the server's resident memory
// under concurrent heavy pages (a shortcut around the C library's defaults, so in this one file).
// limitMallocArenas() caps glibc's arenas at one per core, at least 2 (default: eight per core, so
// each of the eight workers kept the freed pages of its own arena); HeavyRequestTrim returns free
// heap pages to the kernel (malloc_trim) after a request that used much CPU, which is what
// allocates much (the dashboard's drill-plan card, a summary page), at most one trim at a time.
// Why: on the 50.8k-plan / 1M-drill database, 5 s of 8 concurrent dashboards then of plan-status
// pages (bench/pages/memory.sh; bench/README.md, 2026-12-03 perf, load 10 on 2 shared cores) left
// the server at 317 MB RSS with glibc's defaults, 252 MB with the trim alone, 233 MB with the trim
// and 2 arenas (bench/pages/run.sh: 310 MB defaults, 274 MB with 2 arenas and no trim); a trim
// costs the heavy request's worker a pass over the free lists after its answer has gone.
// Thread-safe.
#pragma once

#include <ctime>

namespace beacon::http {

// Call before the worker threads start (arenas made before stay).
void limitMallocArenas();

// Measures the calling thread's CPU time from construction; finish() trims when it was heavy.
class HeavyRequestTrim {
 public:
  // CPU time of a request after which the heap is trimmed.
  static constexpr double kHeavyCpuMs = 20.0;
  HeavyRequestTrim();
  // Trims the heap when this thread used at least kHeavyCpuMs since construction and no other
  // thread is trimming; true when it trimmed.
  bool finish();

 private:
  timespec start_{};
};

}  // namespace beacon::http
