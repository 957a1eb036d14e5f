#include "views/cli/progress_bar.h"

#include <utility>

#include <fmt/format.h>

namespace treaty::views {

ProgressBar::ProgressBar(std::ostream& err, bool enabled, std::string unit)
    : err_(err), enabled_(enabled), unit_(std::move(unit)) {}

void ProgressBar::Show(std::string_view what, int64_t done, int64_t total) {
  if (!enabled_) return;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  constexpr int64_t kWidth = 30;
  const int64_t filled = total <= 0 ? kWidth : std::min(kWidth, done * kWidth / total);
  err_ << fmt::format("\r{} [{}{}] {}/{} {}, {:.0f} {}/s", what, std::string(filled, '#'),
                      std::string(kWidth - filled, ' '), done, total, unit_,
                      seconds > 0 ? static_cast<double>(done) / seconds : 0.0, unit_)
       << std::flush;
  drawn_ = true;
}

void ProgressBar::Restart() { start_ = std::chrono::steady_clock::now(); }

void ProgressBar::Finish() {
  if (drawn_) err_ << "\n";
  drawn_ = false;
}

}  // namespace treaty::views
