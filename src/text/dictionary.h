// The system's Hunspell dictionaries (Debian's hunspell-lv, hunspell-en-us, hunspell-uk), loaded
// once per process and shared. Thread-safe: one lock guards every lookup, as Hunspell objects are
// not safe to share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/language.h"

namespace treaty::text {

// True when `word` is spelled correctly; false also when there is no dictionary.
bool IsDictionaryWord(Language language, std::string_view word);

// The lemmas Hunspell gives for `word` ("miljonus" → "miljons", "років" → "рік"); empty when
// the word is unknown or there is no dictionary.
std::vector<std::string> Stems(Language language, std::string_view word);

}  // namespace treaty::text
