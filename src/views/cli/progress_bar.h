// A one-line progress bar on standard error, redrawn in place, for commands that run long on a
// terminal (import, verify). Draws nothing when disabled (stderr is not a terminal).
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

namespace treaty::views {

class ProgressBar {
 public:
  // `unit`: what is counted, plural ("rows", "events").
  ProgressBar(std::ostream& err, bool enabled, std::string unit);

  // Redraws the line: "WHAT [####      ] DONE/TOTAL UNIT, RATE/s", the rate since the start or
  // the last Restart. A full bar when TOTAL is 0 or DONE passes it.
  void Show(std::string_view what, int64_t done, int64_t total);
  void Restart();
  // Erases the line, if one was drawn, so that a line of other output (standard output, on the
  // same terminal) takes its place; the next Show draws the bar again below it.
  void Clear();
  // Ends the line, if one was drawn.
  void Finish();

 private:
  std::ostream& err_;
  bool enabled_;
  std::string unit_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace treaty::views
