#include "http/server_metrics.h"

#include <sstream>

namespace beacon::http {

std::string prometheusLabel(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

void ServerMetrics::recordRequest(const std::string& route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{route, status}];
  Histogram& h = latency_[route];
  std::size_t i = 0;
  while (i < kBucketBounds.size() && seconds > kBucketBounds[i]) ++i;
  if (i < kBucketBounds.size()) ++h.buckets[i];
  ++h.count;
  h.sum += seconds;
}

void ServerMetrics::recordDatabaseError() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++database_errors_;
}

std::string ServerMetrics::render() const {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  std::lock_guard<std::mutex> lock(mutex_);
  out << "# HELP beacon_http_requests_total HTTP requests answered, by route pattern and status.\n"
         "# TYPE beacon_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    out << "beacon_http_requests_total{route=\"" << prometheusLabel(key.first) << "\",status=\"" << key.second
        << "\"} " << n << "\n";
  }
  out << "# HELP beacon_http_request_duration_seconds Time from the request head to the last byte of the "
         "answer, by route pattern.\n"
         "# TYPE beacon_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    const std::string label = prometheusLabel(route);
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBucketBounds.size(); ++i) {
      cumulative += h.buckets[i];
      out << "beacon_http_request_duration_seconds_bucket{route=\"" << label << "\",le=\"" << kBucketBounds[i]
          << "\"} " << cumulative << "\n";
    }
    out << "beacon_http_request_duration_seconds_bucket{route=\"" << label << "\",le=\"+Inf\"} " << h.count
        << "\n"
        << "beacon_http_request_duration_seconds_sum{route=\"" << label << "\"} " << h.sum << "\n"
        << "beacon_http_request_duration_seconds_count{route=\"" << label << "\"} " << h.count << "\n";
  }
  out << "# HELP beacon_database_errors_total Storage failures (database busy past the timeout, I/O error, "
         "unreachable), each answered 503.\n"
         "# TYPE beacon_database_errors_total counter\n"
         "beacon_database_errors_total "
      << database_errors_ << "\n";
  return out.str();
}

}  // namespace beacon::http
