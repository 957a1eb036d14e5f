// The Ukrainian grammar: "112 мільйонів євро", "0,25% ВВП", "11 квітня 2024 року",
// "10 (десять) років", "шість місяців", "протягом 24 годин", "десятирічного строку".
#pragma once

#include "grammar/core/grammar.h"

namespace treaty::grammar {

Grammar UkrainianGrammar();
void AddUkrainianLexicon(Lexicon& lexicon);

}  // namespace treaty::grammar
