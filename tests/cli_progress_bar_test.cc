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
  EXPECT_EQ(text.rfind("\rverify lv-ua-2024 [" + std::string(15, '#') + std::string(15, ' ') +
                           "] 3/6 events, ",
                       0),
            0u)
      << text;
  EXPECT_NE(text.find("\rverify lv-ua-2024 [" + std::string(30, '#') + "] 6/6 events, "),
            std::string::npos)
      << text;
  EXPECT_TRUE(text.ends_with(" events/s\n")) << text;
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1);
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
