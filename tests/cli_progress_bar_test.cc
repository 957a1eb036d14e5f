// The progress bar of `treaty import` and `treaty verify` on a terminal.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "views/cli/progress_bar.h"

namespace treaty::views {
namespace {

TEST(ProgressBar, RedrawsOneLineAndEndsIt) {
  std::ostringstream err;
  ProgressBar bar(err, true, "events");
  bar.Show("verify lv-ua-2024", 3, 6);
  bar.Show("verify lv-ua-2024", 6, 6);
  bar.Finish();
  const std::string text = err.str();
  EXPECT_EQ(text.rfind("\rverify lv-ua-2024 [" + std::string(10, '#') + std::string(10, ' ') +
                           "] 3/6 events, ",
                       0),
            0u)
      << text;
  EXPECT_NE(text.find("\rverify lv-ua-2024 [" + std::string(20, '#') + "] 6/6 events, "),
            std::string::npos)
      << text;
  EXPECT_TRUE(text.ends_with("/s\x1b[K\n")) << text;
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1);
}

TEST(ProgressBar, TenMillionEventsFitAnEightyColumnLine) {
  std::ostringstream err;
  ProgressBar bar(err, true, "events");
  bar.Show("verify lv-ua-2024", 10000000, 10000000);
  const std::string text = err.str();
  // The visible line (no \r, no ESC [K) with the widest rate a run could show.
  const std::string widest = text.substr(1, text.rfind(", ") - 1) + ", 9999999/s";
  EXPECT_LT(widest.size(), 80u) << widest;
}

TEST(ProgressBar, NothingToDoOrMoreThanPlannedIsAFullBar) {
  for (const auto& [done, total] : {std::pair<int64_t, int64_t>{0, 0}, {9, 6}}) {
    std::ostringstream err;
    ProgressBar bar(err, true, "rows");
    bar.Show("written", done, total);
    EXPECT_NE(err.str().find("[" + std::string(20, '#') + "]"), std::string::npos) << err.str();
  }
}

TEST(ProgressBar, DrawsNothingOffATerminal) {
  std::ostringstream err;
  ProgressBar bar(err, false, "rows");
  bar.Show("written", 1, 2);
  bar.Finish();
  EXPECT_EQ(err.str(), "");
}

}  // namespace
}  // namespace treaty::views
