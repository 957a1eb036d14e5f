// The progress bar of `treaty import` and `treaty verify` on a terminal.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

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

// The lines a terminal shows for `text`: \r returns to the start of the line, ESC [K erases from
// there to its end, other characters overwrite.
std::vector<std::string> Screen(const std::string& text) {
  std::vector<std::string> lines(1);
  size_t column = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    std::string& line = lines.back();
    if (text[i] == '\r') {
      column = 0;
    } else if (text[i] == '\n') {
      lines.emplace_back();
      column = 0;
    } else if (text.compare(i, 3, "\x1b[K") == 0) {
      line.resize(std::min(line.size(), column));
      i += 2;
    } else {
      if (column < line.size()) {
        line[column] = text[i];
      } else {
        line += text[i];
      }
      ++column;
    }
  }
  return lines;
}

// `treaty import` prints a line per batch on standard output while the bar is on standard error:
// on one terminal each batch line stands alone and the bar stays below them.
TEST(ProgressBar, OtherOutputTakesTheBarsLineAndTheBarMovesBelow) {
  std::ostringstream terminal;
  ProgressBar bar(terminal, true, "rows");
  bar.Show("written", 0, 4);
  for (int batch = 1; batch <= 2; ++batch) {
    bar.Clear();
    terminal << "batch " << batch << ": 2 rows\n";
    bar.Show("written", 2 * batch, 4);
  }
  bar.Finish();
  const std::vector<std::string> lines = Screen(terminal.str());
  ASSERT_EQ(lines.size(), 4u) << terminal.str();
  EXPECT_EQ(lines[0], "batch 1: 2 rows");
  EXPECT_EQ(lines[1], "batch 2: 2 rows");
  EXPECT_EQ(lines[2].rfind("written [" + std::string(20, '#') + "] 4/4 rows, ", 0), 0u) << lines[2];
  EXPECT_EQ(lines[3], "");
}

}  // namespace
}  // namespace treaty::views
