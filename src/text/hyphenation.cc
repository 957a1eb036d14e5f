#include "text/hyphenation.h"

#include <hunspell/hunspell.hxx>

#include <filesystem>
#include <map>
#include <mutex>

#include "text/utf8.h"

namespace treaty::text {

struct Hyphenation::Dictionary {
  Hunspell hunspell;
  Dictionary(const std::string& aff, const std::string& dic) : hunspell(aff.c_str(), dic.c_str()) {}
};

namespace {

std::string DictionaryName(Language language) {
  switch (language) {
    case Language::kLatvian:
      return "lv_LV";
    case Language::kUkrainian:
      return "uk_UA";
    case Language::kEnglish:
      break;
  }
  return "en_US";
}

// Hunspell instances are not thread-safe; one lock guards all lookups.
std::mutex& HunspellLock() {
  static std::mutex lock;
  return lock;
}

// Loads each language's dictionary once per process (it takes tens of milliseconds).
// REQUIRES: HunspellLock() held.
Hyphenation::Dictionary* LoadedDictionary(Language language) {
  static std::map<Language, std::unique_ptr<Hyphenation::Dictionary>> loaded;
  auto found = loaded.find(language);
  if (found != loaded.end()) return found->second.get();
  std::unique_ptr<Hyphenation::Dictionary> dictionary;
  for (const char* folder : {"/usr/share/hunspell", "/usr/share/myspell"}) {
    std::string base = std::string(folder) + "/" + DictionaryName(language);
    if (std::filesystem::exists(base + ".aff") && std::filesystem::exists(base + ".dic")) {
      dictionary = std::make_unique<Hyphenation::Dictionary>(base + ".aff", base + ".dic");
      break;
    }
  }
  return loaded.emplace(language, std::move(dictionary)).first->second.get();
}

}  // namespace

Hyphenation::Hyphenation(Language language) : language_(language) {}

bool Hyphenation::KeepsHyphen(std::string_view left, std::string_view right) const {
  size_t first = 0;
  if (right.empty() || IsUpper(DecodeAt(right, first))) return true;
  std::lock_guard<std::mutex> guard(HunspellLock());
  Dictionary* dictionary = LoadedDictionary(language_);
  if (!dictionary) return true;
  Hunspell& h = dictionary->hunspell;
  std::string joined = std::string(left) + std::string(right);
  if (!h.spell(joined)) return true;
  return h.spell(std::string(left)) && h.spell(std::string(right));
}

}  // namespace treaty::text
