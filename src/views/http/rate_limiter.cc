#include "views/http/rate_limiter.h"

namespace treaty::http {

void RateLimiter::Prune(std::deque<Clock::time_point>& times, Clock::time_point now) const {
  while (!times.empty() && now - times.front() > window_) times.pop_front();
}

bool RateLimiter::Allowed(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto found = failures_.find(key);
  if (found == failures_.end()) return true;
  Prune(found->second, Clock::now());
  if (found->second.empty()) {
    failures_.erase(found);
    return true;
  }
  return found->second.size() < max_failures_;
}

void RateLimiter::RecordFailure(const std::string& key) {
  std::lock_guard lock(mutex_);
  std::deque<Clock::time_point>& times = failures_[key];
  Prune(times, Clock::now());
  times.push_back(Clock::now());
  if (times.size() > max_failures_) times.pop_front();
}

void RateLimiter::Reset(const std::string& key) {
  std::lock_guard lock(mutex_);
  failures_.erase(key);
}

}  // namespace treaty::http
