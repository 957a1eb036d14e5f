#include "commitments/pattern.h"

namespace treaty::commitments {

Pattern::Pattern(const char* text) : Pattern(std::string_view(text)) {}

Pattern::Pattern(std::string_view text) : text_(text) {
  bool gap = false;
  size_t i = 0;
  while (i < text.size()) {
    size_t space = text.find(' ', i);
    if (space == std::string_view::npos) space = text.size();
    std::string_view word = text.substr(i, space - i);
    i = space + 1;
    if (word.empty()) continue;
    if (word == "~") {
      gap = true;
      continue;
    }
    Word compiled;
    compiled.prefix = word.size() > 1 && word.back() == '*';
    if (compiled.prefix) word.remove_suffix(1);
    compiled.text = std::string(word);
    compiled.gap_before = gap;
    gap = false;
    words_.push_back(std::move(compiled));
  }
}

std::optional<size_t> Pattern::MatchAt(const std::vector<grammar::Token>& tokens,
                                       size_t start) const {
  if (words_.empty()) return std::nullopt;
  return MatchFrom(tokens, 0, start);
}

std::optional<size_t> Pattern::MatchFrom(const std::vector<grammar::Token>& tokens, size_t word,
                                         size_t position) const {
  if (word == words_.size()) return position;
  const Word& w = words_[word];
  size_t last = w.gap_before ? position + kMaxGap : position;
  for (size_t p = position; p <= last && p < tokens.size(); ++p) {
    std::string_view token = tokens[p].lower;
    bool matches = w.prefix ? token.starts_with(w.text) : token == w.text;
    if (!matches) continue;
    if (std::optional<size_t> end = MatchFrom(tokens, word + 1, p + 1)) return end;
  }
  return std::nullopt;
}

void PatternIndex::Add(const Pattern& pattern, size_t position) {
  if (pattern.empty()) return;
  if (pattern.first_is_prefix())
    prefixed_.emplace_back(pattern.first_word(), position);
  else
    exact_[pattern.first_word()].push_back(position);
}

}  // namespace treaty::commitments
