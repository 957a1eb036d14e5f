#include "commitments/filters.h"

#include <algorithm>
#include <string>

#include "text/search_words.h"

namespace treaty::commitments {
namespace {

// A byte that continues a word: an ASCII letter or digit, a hyphen (so that "military" does not
// start inside "non-military"), or part of a non-ASCII character (after folding, letters).
bool ContinuesWord(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c >= 0x80;
}

bool StartsAWordOf(const std::string& folded_heading, const std::string& folded_words) {
  for (size_t at = folded_heading.find(folded_words); at != std::string::npos;
       at = folded_heading.find(folded_words, at + 1)) {
    if (at == 0 || !ContinuesWord(static_cast<unsigned char>(folded_heading[at - 1]))) return true;
  }
  return false;
}

}  // namespace

bool InArea(const Commitment& c, std::string_view area) {
  if (area.empty()) return true;
  const std::string wanted(area);
  if (c.area.section == "sec_" + wanted || c.id == wanted || c.id.starts_with(wanted + "__")) {
    return true;
  }
  const std::string folded_words = text::FoldForSearch(wanted);
  if (folded_words.empty()) return false;
  for (const auto& [language, headings] : c.area.headings_by_language) {
    for (const std::string& heading : headings) {
      if (StartsAWordOf(text::FoldForSearch(heading), folded_words)) return true;
    }
  }
  return false;
}

bool HasObligor(const Commitment& c, std::string_view obligor) {
  if (obligor.empty()) return true;
  if (obligor == "both") return c.obligors.size() > 1;
  return std::find(c.obligors.begin(), c.obligors.end(), obligor) != c.obligors.end();
}

}  // namespace treaty::commitments
