// The English grammar: "EUR 3.3 million", "112 million EUR", "£2.5bn", "0.25% of the gross
// domestic product", "11 April 2024", "April 11, 2024", "10 (ten) years", "within 24 hours",
// "a ten-year period", "between 2024 and 2026", "Article 51 of the UN Charter".
#pragma once

#include "grammar/core/grammar.h"

namespace treaty::grammar {

Grammar EnglishGrammar();
void AddEnglishLexicon(Lexicon& lexicon);

}  // namespace treaty::grammar
