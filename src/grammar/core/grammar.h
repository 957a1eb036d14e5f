// One language's grammar: how it writes numbers, its lexicon and its rules.
#pragma once

#include <string>
#include <vector>

#include "grammar/core/lexicon.h"
#include "grammar/core/rule.h"
#include "grammar/core/token.h"
#include "text/language.h"

namespace treaty::grammar {

struct Grammar {
  explicit Grammar(text::Language language) : language(language), lexicon(language) {}

  text::Language language;
  NumberFormat number_format;
  // Tokens that join the items of a list: ",", "and", "un", "та".
  std::vector<std::string> list_separators;
  Lexicon lexicon;
  // In order of preference: when two rules give the same span, the earlier one wins.
  std::vector<Rule> rules;
};

}  // namespace treaty::grammar
