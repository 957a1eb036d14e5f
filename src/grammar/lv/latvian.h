// The Latvian grammar: "3,3 miljonu eiro", "2024. gada 11. aprīlī", "2024., 2025. un 2026. gadā",
// "vismaz sešus mēnešus iepriekš", "24 stundu laikā", "ANO Statūtu 51. pantā".
#pragma once

#include "grammar/core/grammar.h"

namespace treaty::grammar {

Grammar LatvianGrammar();
void AddLatvianLexicon(Lexicon& lexicon);

}  // namespace treaty::grammar
