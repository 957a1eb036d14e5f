#include "commitments/filters.h"

#include <algorithm>
#include <set>
#include <string>

#include <fmt/format.h>
#include <boost/algorithm/string/case_conv.hpp>

#include "text/list_label.h"
#include "text/search_words.h"
#include "text/utf8.h"

namespace treaty::commitments {
namespace {

// Whether the character before byte `at` continues a word into it: a letter, a digit, or a hyphen
// (so that "military" does not start inside "non-military"); not a space, quote or dash.
bool ContinuesWordAt(const std::string& text, size_t at) {
  if (at == 0) return false;
  size_t before = at;
  const char32_t c = text::DecodeBefore(text, before);
  return c == '-' || text::IsLetter(c) || text::IsDigit(c);
}

bool StartsAWordOf(const std::string& folded_heading, const std::string& folded_words) {
  for (size_t at = folded_heading.find(folded_words); at != std::string::npos;
       at = folded_heading.find(folded_words, at + 1)) {
    if (!ContinuesWordAt(folded_heading, at)) return true;
  }
  return false;
}

// The number of a section eId ("sec_2", "part_II", "chp_IV", "art_6"), roman numerals read as
// arabic, or of what a reader types for one ("2", "II", "ii", "Part II", "section 2"); 0 when it
// names none.
int SectionNumber(std::string_view text) {
  if (const size_t cut = text.find_first_of("_ "); cut != std::string_view::npos) {
    const std::string division = boost::algorithm::to_lower_copy(std::string(text.substr(0, cut)));
    static const std::set<std::string> kDivisions = {"sec",     "section", "part",   "chp",
                                                     "chapter", "art",     "article"};
    if (!kDivisions.contains(division)) return 0;
    text.remove_prefix(cut + 1);
  }
  if (text.empty()) return 0;
  if (std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return text.size() <= 3 ? std::stoi(std::string(text)) : 0;
  }
  return text::LatinRomanValue(boost::algorithm::to_upper_copy(std::string(text)));
}

}  // namespace

bool InArea(const Commitment& c, std::string_view area) {
  if (area.empty()) return true;
  const std::string wanted(area);
  if (c.id == wanted || c.id.starts_with(wanted + "__")) {
    return true;
  }
  // A section by its number, as the text numbers it or not: "2" and "II" are part_II. A number in
  // digits or capitals names that section only ("I" is not the start of "INTRODUCTION"); one in
  // lower case may also begin a heading's word ("vi" of "Victims").
  if (const int number = SectionNumber(wanted); number > 0) {
    if (number == SectionNumber(c.area.section)) return true;
    const bool may_be_a_word =
        std::all_of(wanted.begin(), wanted.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
    if (!may_be_a_word) return false;
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

std::optional<std::string> AreaProblem(const std::vector<Commitment>& commitments,
                                       std::string_view area, std::string_view agreement) {
  if (area.empty() || std::any_of(commitments.begin(), commitments.end(),
                                  [&](const Commitment& c) { return InArea(c, area); })) {
    return std::nullopt;
  }
  return fmt::format("\"{}\" is no section number, eId or heading words of {}", area, agreement);
}

}  // namespace treaty::commitments
