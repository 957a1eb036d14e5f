#include "grammar/grammars.h"

#include "grammar/en/english.h"
#include "grammar/lv/latvian.h"
#include "grammar/uk/ukrainian.h"

namespace treaty::grammar {

namespace {

struct Loaded {
  explicit Loaded(Grammar built) : grammar(std::move(built)), engine(grammar) {}
  Grammar grammar;
  Engine engine;
};

const Loaded& LoadedFor(text::Language language) {
  switch (language) {
    case text::Language::kLatvian: {
      static const Loaded latvian(LatvianGrammar());
      return latvian;
    }
    case text::Language::kUkrainian: {
      static const Loaded ukrainian(UkrainianGrammar());
      return ukrainian;
    }
    case text::Language::kEnglish:
      break;
  }
  static const Loaded english(EnglishGrammar());
  return english;
}

}  // namespace

const Grammar& GrammarFor(text::Language language) { return LoadedFor(language).grammar; }
const Engine& EngineFor(text::Language language) { return LoadedFor(language).engine; }

}  // namespace treaty::grammar
