// The Latvian grammar: "3,3 miljonu eiro", "2024. gada 11. aprīlī", "2024., 2025. un 2026. gadā",
// "vismaz sešus mēnešus iepriekš", "24 stundu laikā", "ANO Statūtu 51. pantā".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "grammar/core/grammar.h"

namespace treaty::grammar {

Grammar LatvianGrammar();
void AddLatvianLexicon(Lexicon& lexicon);

// The number words with their values, every form written out. They are matched by form, not by
// lemma, as Hunspell leads ordinals to cardinals ("pirmajā" to "viens", "trešās" to "trīs").
struct Cardinal {
  std::string form;
  int64_t value = 0;
};
std::vector<Cardinal> LatvianCardinals();

}  // namespace treaty::grammar
