#include "grammar/core/lexicon.h"

#include "text/dictionary.h"

namespace treaty::grammar {

void Lexicon::Add(const std::vector<std::string_view>& forms, const Meaning& meaning) {
  for (std::string_view form : forms) entries_[std::string(form)].push_back(meaning);
}

void Lexicon::AddExact(const std::vector<std::string_view>& forms, const Meaning& meaning) {
  for (std::string_view form : forms) exact_entries_[std::string(form)].push_back(meaning);
}

std::vector<Meaning> Lexicon::LookupExact(std::string_view lower) const {
  const std::string key(lower);
  std::vector<Meaning> meanings;
  for (const auto* entries : {&entries_, &exact_entries_}) {
    auto own = entries->find(key);
    if (own != entries->end())
      meanings.insert(meanings.end(), own->second.begin(), own->second.end());
  }
  return meanings;
}

std::vector<Meaning> Lexicon::Lookup(std::string_view lower) const {
  std::vector<Meaning> meanings = LookupExact(lower);
  if (!meanings.empty()) return meanings;
  for (const std::string& stem : text::Stems(language_, lower)) {
    auto entry = entries_.find(stem);
    if (entry == entries_.end()) continue;
    meanings.insert(meanings.end(), entry->second.begin(), entry->second.end());
  }
  return meanings;
}

void AddCurrencyCodes(Lexicon& lexicon) {
  for (std::string_view code : {"EUR", "USD", "GBP", "NOK", "SEK", "DKK", "CHF", "PLN", "CZK",
                                "CAD", "JPY", "UAH", "ISK", "HUF", "RON", "BGN", "AUD", "NZD"}) {
    std::string lower(code);
    for (char& c : lower) c = static_cast<char>(c | 0x20);
    lexicon.AddExact({lower}, {Sense::kCurrency, 0, std::string(code)});
  }
  lexicon.AddExact({"€"}, {Sense::kCurrency, 0, "EUR"});
  lexicon.AddExact({"$"}, {Sense::kCurrency, 0, "USD"});
  lexicon.AddExact({"£"}, {Sense::kCurrency, 0, "GBP"});
}

}  // namespace treaty::grammar
