// A table of codes and the words people read for them (evaluation/status_words.h,
// evaluation/term_words.h), and its lookups.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace treaty {

template <size_t N>
using WordTable = std::array<std::pair<std::string_view, std::string_view>, N>;

// The words for `code` in `table`, or nullopt.
template <size_t N>
std::optional<std::string_view> FindWords(const WordTable<N>& table, std::string_view code) {
  for (const auto& [known, words] : table) {
    if (known == code) return words;
  }
  return std::nullopt;
}

// The words for `code` in `table`; a code without words as it is.
template <size_t N>
std::string WordsOrCode(const WordTable<N>& table, std::string_view code) {
  return std::string(FindWords(table, code).value_or(code));
}

}  // namespace treaty
