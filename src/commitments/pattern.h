// Word patterns of the cue tables, matched against the tokens of a sentence.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
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
  // True for a pattern of no words ("", "~"), which matches nothing.
  bool empty() const { return words_.empty(); }
  // The first word, without its '*', and whether it matches as a prefix; not for empty().
  const std::string& first_word() const { return words_.front().text; }
  bool first_is_prefix() const { return words_.front().prefix; }

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

// Patterns of one table grouped by their first word, so that a token is tried only against the
// patterns that can start at it.
class PatternIndex {
 public:
  void Add(const Pattern& pattern, size_t position);
  // Calls visit(position) for each pattern whose first word matches `word`.
  template <typename Visit>
  void ForEachCandidate(std::string_view word, Visit visit) const {
    if (auto it = exact_.find(std::string(word)); it != exact_.end())
      for (size_t position : it->second) visit(position);
    for (const auto& [prefix, position] : prefixed_)
      if (word.starts_with(prefix)) visit(position);
  }

 private:
  std::unordered_map<std::string, std::vector<size_t>> exact_;
  std::vector<std::pair<std::string, size_t>> prefixed_;
};

}  // namespace treaty::commitments
