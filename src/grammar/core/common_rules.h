// Rules every language shares in shape: numerals in digits and words, a numeral times a scale
// word, a number written twice ("10 (ten)"), and a numeral followed by a currency, a per cent
// sign, a unit of time or a counted noun. Each language adds them under its own name prefix and
// supplies the words through its lexicon.
#pragma once

#include <string_view>

#include "grammar/core/grammar.h"

namespace treaty::grammar {

// Appends the shared rules to `grammar`, named "<prefix>.<kind>.<what>".
void AddCommonRules(Grammar& grammar, std::string_view prefix);

}  // namespace treaty::grammar
