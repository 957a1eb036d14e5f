#include "views/http/metrics.h"

#include <fmt/format.h>

#include "views/http/http_message.h"

namespace treaty::http {
namespace {

// The method as a label: a client's unknown method is "OTHER", so labels stay few.
std::string MethodLabel(const std::string& method) {
  return IsHttpMethod(method) ? method : "OTHER";
}

}  // namespace

void Metrics::Record(const std::string& route, const std::string& method, int status,
                     double seconds) {
  std::lock_guard lock(mutex_);
  ++counts_[{route, MethodLabel(method), status}];
  Histogram& histogram = durations_[route];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++histogram.buckets[i];
  }
  ++histogram.count;
  histogram.sum += seconds;
}

std::string Metrics::Text() const {
  std::lock_guard lock(mutex_);
  std::string out;
  out += "# HELP treaty_http_requests_total HTTP requests by route pattern, method and status.\n";
  out += "# TYPE treaty_http_requests_total counter\n";
  for (const auto& [key, count] : counts_) {
    const auto& [route, method, status] = key;
    out +=
        fmt::format("treaty_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
                    route, method, status, count);
  }
  out += "# HELP treaty_http_request_duration_seconds Time from request to response.\n";
  out += "# TYPE treaty_http_request_duration_seconds histogram\n";
  for (const auto& [route, histogram] : durations_) {
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      out +=
          fmt::format("treaty_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                      route, kBuckets[i], histogram.buckets[i]);
    }
    out +=
        fmt::format("treaty_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n",
                    route, histogram.count);
    out += fmt::format("treaty_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", route,
                       histogram.sum);
    out += fmt::format("treaty_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", route,
                       histogram.count);
  }
  out += "# HELP treaty_http_requests_in_flight Requests being handled now.\n";
  out += "# TYPE treaty_http_requests_in_flight gauge\n";
  out += fmt::format("treaty_http_requests_in_flight {}\n", in_flight_.load());
  return out;
}

}  // namespace treaty::http
