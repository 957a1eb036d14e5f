// What a block looks like on its own: its label, whether it could be a heading, whether it is set
// in capitals. The tree builder decides what it is from this and its neighbours.
#pragma once

#include <optional>
#include <string_view>

#include "text/list_label.h"

namespace treaty::document {

// Longest text (after its number) a heading may have.
constexpr size_t kMaxHeadingWords = 16;
constexpr size_t kMaxHeadingChars = 160;
// Longest text a numbered heading may have when a plain paragraph follows it: such headings are
// written out as whole phrases ("6. Continued readiness to maintain ... existing sanctions").
constexpr size_t kMaxLongHeadingWords = 32;

struct BlockShape {
  std::string_view text;                 // the whole block
  std::optional<text::ListLabel> label;  // its number or bullet
  std::string_view rest;                 // the text after the label
  bool heading_like = false;             // short, starts with a capital, no final punctuation
  bool long_heading_like = false;        // as heading_like, up to kMaxLongHeadingWords words
  bool colon_heading_like = false;       // as heading_like but ends with a colon ("22. Cyber:")
  bool period_heading_like = false;      // as heading_like but ends with a full stop
  bool all_caps = false;                 // letters present and none lower case
  bool ends_with_colon = false;
  bool ends_with_period = false;
  bool starts_lowercase = false;
};

BlockShape ShapeOf(std::string_view block_text);

// True when `word` names a preamble heading: "Preamble", "PREAMBLE", "Преамбула", "Preambula".
bool IsPreambleHeading(std::string_view text);

// True when `text` opens a signature block: "For Ukraine:", "За Україну", "Latvijas vārdā".
bool OpensSignature(std::string_view text);

// True when `text` reads like an agreement's title ("Agreement", "Угода", "Vienošanās", ...).
bool HasTitleWord(std::string_view text);

}  // namespace treaty::document
