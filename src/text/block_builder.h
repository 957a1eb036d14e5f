// Rebuilds logical paragraphs ("blocks") from physical lines: the core of the text stage.
#pragma once

#include <string_view>
#include <vector>

#include "text/hyphenation.h"
#include "text/lines.h"
#include "text/normalized_text.h"

namespace treaty::text {

struct LayoutGuess {
  Layout layout = Layout::kOneParagraphPerLine;
  size_t line_width = 0;  // code points of a full printed line (PDF layout only)
};

// A PDF text layer wraps lines near one width and often continues a sentence on a line that starts
// in lower case; a DOCX conversion has one long line per paragraph.
LayoutGuess GuessLayout(std::string_view text, const std::vector<Line>& lines);

// Appends the blocks of `text` to `out` (text, map into `text`, blocks, header comments).
// Page numbers and footnote markers are dropped, white space is folded to single spaces, lines of
// one paragraph are joined across line and page breaks, and line-end hyphens are resolved with
// `hyphenation`.
void BuildBlocks(std::string_view text, const std::vector<Line>& lines, const LayoutGuess& layout,
                 const Hyphenation& hyphenation, NormalizedText& out);

}  // namespace treaty::text
