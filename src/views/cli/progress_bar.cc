#include "views/cli/progress_bar.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

namespace treaty::views {

ProgressBar::ProgressBar(std::ostream& err, bool enabled, std::string unit)
    : err_(err), enabled_(enabled), unit_(std::move(unit)) {}

void ProgressBar::Show(std::string_view what, int64_t done, int64_t total) {
  if (!enabled_) return;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  // Narrow enough for an 80-column terminal at millions of events, where a wrapped line would
  // scroll instead of being redrawn; the rest of the line is cleared (ESC [K) when it shrinks.
  constexpr int64_t kWidth = 20;
  const int64_t filled = total <= 0 ? kWidth : std::min(kWidth, done * kWidth / total);
  err_ << fmt::format("\r{} [{}{}] {}/{} {}, {:.0f}/s\x1b[K", what, std::string(filled, '#'),
                      std::string(kWidth - filled, ' '), done, total, unit_,
                      seconds > 0 ? static_cast<double>(done) / seconds : 0.0)
       << std::flush;
  drawn_ = true;
}

void ProgressBar::Restart() { start_ = std::chrono::steady_clock::now(); }

void ProgressBar::Clear() {
  if (drawn_) err_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

void ProgressBar::Finish() {
  if (drawn_) err_ << "\n";
  drawn_ = false;
}

}  // namespace treaty::views
