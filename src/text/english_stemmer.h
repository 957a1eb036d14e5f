// Snowball's English stemmer (libstemmer): "consultations", "consulting" → "consult". Hunspell's
// stems undo inflection only ("consultations" → "consultation"); this key also joins the words
// derived from one root, so that a search for "consult" finds "consultations". Its output is a
// search key, not a word. Thread-safe: each thread has a stemmer of its own.
#pragma once

#include <string>
#include <string_view>

namespace treaty::text {

// The Snowball English stem of `folded_word`. REQUIRES: lower case UTF-8 (FoldForSearch).
std::string EnglishStem(std::string_view folded_word);

}  // namespace treaty::text
