#include "text/latvian_stemmer.h"

#include <algorithm>
#include <array>

namespace treaty::text {

namespace {

struct Ending {
  std::string_view letters;
  int vowels;         // strip only when the word has more vowels than this
  bool palatalizing;  // the ending may follow a softened labial (zivju → zivj → ziv)
};

// Kreslins' endings, folded (ā, ē, ī, ū → a, e, i, u; š → s) and merged, longest first: the first
// that fits is stripped.
constexpr std::array<Ending, 27> kEndings = {{
    {"ajiem", 3, false}, {"ajai", 3, false}, {"ajam", 2, false}, {"ajos", 2, false},
    {"ajas", 2, false},  {"iem", 2, true},   {"aja", 2, false},  {"ais", 2, false},
    {"ai", 2, false},    {"ei", 2, false},   {"am", 1, false},   {"em", 1, false},
    {"im", 1, false},    {"um", 1, false},   {"us", 1, true},    {"as", 1, false},
    {"es", 1, false},    {"os", 1, true},    {"ij", 1, false},   {"is", 1, false},
    {"ie", 1, false},    {"u", 1, true},     {"a", 1, true},     {"i", 1, true},
    {"e", 1, false},     {"o", 1, false},    {"s", 0, false},
}};

// A stem keeps at least this many bytes (all letters of a folded Latvian word are ASCII).
constexpr size_t kMinStem = 3;

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Undoes the softening of a labial before a palatalizing ending: pj, bj, mj, vj → p, b, m, v.
size_t Unpalatalize(std::string_view stem) {
  if (stem.size() > kMinStem && stem.back() == 'j') {
    const char labial = stem[stem.size() - 2];
    if (labial == 'p' || labial == 'b' || labial == 'm' || labial == 'v') return stem.size() - 1;
  }
  return stem.size();
}

}  // namespace

std::string LatvianLightStem(std::string_view folded_word) {
  const int vowels =
      static_cast<int>(std::count_if(folded_word.begin(), folded_word.end(), IsVowel));
  for (const Ending& ending : kEndings) {
    if (vowels > ending.vowels && folded_word.size() >= ending.letters.size() + kMinStem &&
        folded_word.ends_with(ending.letters)) {
      std::string_view stem = folded_word.substr(0, folded_word.size() - ending.letters.size());
      if (ending.palatalizing) stem = stem.substr(0, Unpalatalize(stem));
      return std::string(stem);
    }
  }
  return std::string(folded_word);
}

}  // namespace treaty::text
