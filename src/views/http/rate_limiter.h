// Limits failed attempts (sign-ins) per key (a client address, a user name): after `max_failures`
// failures within `window_seconds`, the key is refused until the oldest failure leaves the window.
// Refusal is decided before any password is hashed, so a flood costs the server nothing.
// Thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace treaty::http {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  RateLimiter(size_t max_failures, std::chrono::seconds window)
      : max_failures_(max_failures), window_(window) {}

  // False while `key` has max_failures failures within the window.
  bool Allowed(const std::string& key);
  void RecordFailure(const std::string& key);
  // Forgets the failures of `key` (a successful sign-in).
  void Reset(const std::string& key);
  // How long a refused key waits at most.
  std::chrono::seconds window() const { return window_; }

 private:
  void Prune(std::deque<Clock::time_point>& times, Clock::time_point now) const;

  const size_t max_failures_;
  const std::chrono::seconds window_;
  std::mutex mutex_;
  std::map<std::string, std::deque<Clock::time_point>> failures_;
};

}  // namespace treaty::http
