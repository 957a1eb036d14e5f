// Splits text into physical lines and says what each one is.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace treaty::text {

enum class LineKind {
  kText,
  kBlank,          // empty or white space only (no-break spaces included)
  kPageNumber,     // "7", "- 7 -", "Page 7", "Page 7 of 12", "7/12": printed page furniture
  kHeaderComment,  // a "# ..." line before any text: provenance noted by whoever converted it
};

struct Line {
  LineKind kind = LineKind::kBlank;
  size_t begin = 0;  // content without leading and trailing white space
  size_t end = 0;
  int number = 0;    // 1-based
  size_t width = 0;  // code points of the content
};

// Splits on "\n", "\r\n" and "\r". REQUIRES: valid UTF-8.
std::vector<Line> SplitLines(std::string_view text);

// The offset at which each line of `text` begins, line 1 first, split as SplitLines splits.
std::vector<size_t> LineStarts(std::string_view text);

}  // namespace treaty::text
