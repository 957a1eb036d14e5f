// Word patterns of the cue tables, matched against the tokens of a sentence.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/core/token.h"

namespace treaty::commitments {

// Compiled from lower-case words separated by spaces: a word ending in '*' matches any token
// that begins with it; "~" lets up to kMaxGap tokens pass. Implicit from a string literal so that
// tables read as data.
class Pattern {
 public:
  static constexpr size_t kMaxGap = 3;

  Pattern(const char* text);  // NOLINT: implicit by design
  Pattern(std::string_view text);

  // The end (one past the last token) of the match that starts at tokens[start], or nullopt.
  // With a gap, the shortest match is taken.
  std::optional<size_t> MatchAt(const std::vector<grammar::Token>& tokens, size_t start) const;

  const std::string& text() const { return text_; }

 private:
  struct Word {
    std::string text;
    bool prefix = false;      // text ended in '*'
    bool gap_before = false;  // "~" stood before it
  };
  std::optional<size_t> MatchFrom(const std::vector<grammar::Token>& tokens, size_t word,
                                  size_t position) const;

  std::string text_;
  std::vector<Word> words_;
};

}  // namespace treaty::commitments
