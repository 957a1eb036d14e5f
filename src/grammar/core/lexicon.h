// A language's words that carry meaning for the rules: number words, scales, currencies, months,
// units of time and counted things. A word is found by its form as written or, failing that, by
// the lemmas Hunspell gives for it, so one entry ("miljons") covers every inflected form.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/language.h"

namespace treaty::grammar {

enum class Sense {
  kNumber,     // number: the value ("desmit" 10, "twenty" 20)
  kScale,      // number: the multiplier ("miljons" 10^6, "bn" 10^9)
  kCurrency,   // code: ISO 4217 ("eiro" EUR)
  kMonth,      // number: 1-12
  kTimeUnit,   // code: the ISO 8601 designator ("Y", "M", "W", "D", "H")
  kCountUnit,  // code: the English lemma of a counted noun ("drone")
};

struct Meaning {
  Sense sense = Sense::kNumber;
  int64_t number = 0;
  std::string code;
};

class Lexicon {
 public:
  explicit Lexicon(text::Language language) : language_(language) {}

  // Gives each lowercase form or lemma in `forms` the meaning `meaning`.
  void Add(const std::vector<std::string_view>& forms, const Meaning& meaning);
  // The same for forms that count only as written, never as the lemma of another word: Hunspell
  // leads Latvian ordinals to cardinals ("pirmajā" to "viens"), which must not read as numbers.
  void AddExact(const std::vector<std::string_view>& forms, const Meaning& meaning);

  // The meanings of a lowercase word: its own entries, else those of its Hunspell lemmas (exact
  // entries excluded).
  // Asks Hunspell on every call: callers cache.
  std::vector<Meaning> Lookup(std::string_view lower) const;
  // Only the form's own entries: for symbols ("€").
  std::vector<Meaning> LookupExact(std::string_view lower) const;

 private:
  text::Language language_;
  std::unordered_map<std::string, std::vector<Meaning>> entries_;
  std::unordered_map<std::string, std::vector<Meaning>> exact_entries_;
};

// Adds the ISO 4217 codes that agreements write ("EUR", "NOK", lowercased) and the signs €, $
// and £, the same in every language.
void AddCurrencyCodes(Lexicon& lexicon);

}  // namespace treaty::grammar
