#include "grammar/core/lexicon.h"

#include "text/dictionary.h"

namespace treaty::grammar {

void Lexicon::Add(const std::vector<std::string_view>& forms, const Meaning& meaning) {
  for (std::string_view form : forms) entries_[std::string(form)].push_back(meaning);
}

std::vector<Meaning> Lexicon::LookupExact(const std::string& lower) const {
  auto own = entries_.find(lower);
  return own == entries_.end() ? std::vector<Meaning>{} : own->second;
}

std::vector<Meaning> Lexicon::Lookup(const std::string& lower) const {
  auto own = entries_.find(lower);
  if (own != entries_.end()) return own->second;
  std::vector<Meaning> meanings;
  for (const std::string& stem : text::Stems(language_, lower)) {
    auto entry = entries_.find(stem);
    if (entry == entries_.end()) continue;
    meanings.insert(meanings.end(), entry->second.begin(), entry->second.end());
  }
  return meanings;
}

}  // namespace treaty::grammar
