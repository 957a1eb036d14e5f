// The words of a text as a search index sees them: each with its byte range, its folded form
// (lower case, diacritics removed: "Apņemas" → "apnemas") and its lemmas ("miljonus" →
// "miljons"), so that indexing, querying and highlighting cut and compare words the same way.
// Thread-safe (Hunspell lookups are serialised by text/dictionary.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/language.h"

namespace treaty::text {

struct SearchWord {
  size_t begin = 0;  // [begin, end): the word's bytes in the text
  size_t end = 0;
  std::string folded;               // FoldForSearch of the word, apostrophes dropped
  std::vector<std::string> lemmas;  // SearchLemmas of the word; distinct, folded
};

// `utf8` in lower case (Unicode case folding) without combining marks after canonical
// decomposition (ā → a, ņ → n, й → и, ї → і), as SQLite FTS5's unicode61 tokenizer folds with
// remove_diacritics 2. REQUIRES: valid UTF-8.
std::string FoldForSearch(std::string_view utf8);

// FoldForSearch of one word with its apostrophes dropped ("Об’єднаних" → "обєднаних"): the form
// SearchWords gives it.
std::string FoldSearchWord(std::string_view word);

// The byte ranges of the words of `utf8`: maximal runs of letters, digits and combining marks,
// with an apostrophe (' ’ ʼ) between two letters kept inside ("об'єднаних"). Everything else,
// hyphens included, separates words. REQUIRES: valid UTF-8.
std::vector<std::pair<size_t, size_t>> SplitSearchWords(std::string_view utf8);

// The folded lemmas of one word in `language`: Hunspell's stems of the word as written, or of it
// with a capital first letter when the word alone is unknown ("latvijas" → "latvija"); for a
// Latvian word Hunspell does not know, its LatvianLightStem ("dronu" → "dron"); for an English
// word, its EnglishStem besides ("consultations" → "consultation", "consult"). Empty for a word
// without letters and for an unknown Ukrainian word.
std::vector<std::string> SearchLemmas(Language language, std::string_view word);

// The lemmas of a query word in `language`: SearchLemmas, except that a Latvian word Hunspell does
// not know, typed without some of its diacritics, takes the lemmas of the spellings Hunspell knows
// once they are restored ("apnemas" → "apņemas" → "apnemt"; "kopeja" → "kopēja", "kopējā"), so
// that a query typed on a keyboard without Latvian letters finds inflected forms too. Only for
// queries: the text indexed has its diacritics.
std::vector<std::string> QueryLemmas(Language language, std::string_view word);

// SplitSearchWords of `utf8` with each word's folded form and lemmas in `language`.
std::vector<SearchWord> SearchWords(Language language, std::string_view utf8);

}  // namespace treaty::text
