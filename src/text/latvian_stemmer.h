// A light Latvian stemmer for words Hunspell does not know ("dronu", "droni" → "dron"): it strips
// one inflectional ending, after Kreslins, "A stemming algorithm for Latvian" (1996), the
// algorithm of Lucene's LatvianStemmer. It conflates the forms of one word; its output is a
// search key, not a lemma.
#pragma once

#include <string>
#include <string_view>

namespace treaty::text {

// The stem of `folded_word`. REQUIRES: the word is lower case without diacritics
// (FoldForSearch), so "ām" and "am" are one ending and the consonant alternations that differ
// only by a diacritic (ļ/l, ņ/n, š/s, ž/z, č/c) are already undone. Returns the word unchanged
// when no ending can be stripped (a stem keeps at least three letters and one vowel).
std::string LatvianLightStem(std::string_view folded_word);

}  // namespace treaty::text
