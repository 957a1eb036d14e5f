// The grammars of the languages `treaty` reads, built once per process.
#pragma once

#include "grammar/core/engine.h"
#include "text/language.h"

namespace treaty::grammar {

// The language's grammar and an engine that runs it; thread-safe.
const Grammar& GrammarFor(text::Language language);
const Engine& EngineFor(text::Language language);

}  // namespace treaty::grammar
