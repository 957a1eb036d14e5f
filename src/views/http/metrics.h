// Request counters and durations in the Prometheus text exposition format (version 0.0.4):
// treaty_http_requests_total{route,method,status}, treaty_http_request_duration_seconds (a
// histogram per route), treaty_http_requests_in_flight. Thread-safe.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace treaty::http {

class Metrics {
 public:
  // Counts one finished request; `route` is the route's pattern ("/api/v1/events/{id}") or
  // "unmatched", never the raw path, so the number of series stays bounded.
  void Record(const std::string& route, const std::string& method, int status, double seconds);
  void RequestStarted() { in_flight_.fetch_add(1); }
  void RequestFinished() { in_flight_.fetch_sub(1); }
  int64_t in_flight() const { return in_flight_.load(); }

  // The exposition text.
  std::string Text() const;

 private:
  static constexpr std::array<double, 10> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01,
                                                      0.025,  0.05,  0.1,    0.5,   1.0};
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> buckets{};
    uint64_t count = 0;
    double sum = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> counts_;
  std::map<std::string, Histogram> durations_;
  std::atomic<int64_t> in_flight_{0};
};

}  // namespace treaty::http
