// ServerMetrics: what `GET /metrics` reports about this server process, in the
// Prometheus text exposition format (version 0.0.4): requests counted by route
// pattern (the router's "/api/v1/drills/{id}", or "unmatched", so a scan of
// random paths adds one series, not thousands) and status, a latency histogram
// per route, and database errors (storage failures answered 503). Counters only
// grow and live as long as the process. Thread-safe: every worker records into
// it under one mutex (a few map look-ups per request).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace beacon::http {

class ServerMetrics {
 public:
  // Upper bounds of the latency histogram's buckets, in seconds (+Inf is implied).
  static constexpr std::array<double, 11> kBucketBounds = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                           0.5,   1.0,  2.5,   5.0,  10.0};

  // One answered request: its route pattern, HTTP status and duration.
  void recordRequest(const std::string& route, int status, double seconds);
  // One storage failure (busy past the timeout, I/O error, unreachable database).
  void recordDatabaseError();

  // The request counters, histograms and database errors as Prometheus text.
  std::string render() const;

 private:
  struct Histogram {
    std::array<std::uint64_t, kBucketBounds.size()> buckets{};  // not cumulative
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;  // (route, status) -> count
  std::map<std::string, Histogram> latency_;                        // route -> histogram
  std::uint64_t database_errors_ = 0;
};

// A label value as the exposition format writes it (backslash, quote and newline escaped).
std::string prometheusLabel(const std::string& value);

}  // namespace beacon::http
