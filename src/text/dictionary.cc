#include "text/dictionary.h"

#include <hunspell/hunspell.hxx>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

namespace treaty::text {

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

std::mutex& DictionaryLock() {
  static std::mutex lock;
  return lock;
}

// Loads each language's dictionary once per process (it takes tens of milliseconds); null when
// it is not installed. REQUIRES: DictionaryLock() held.
Hunspell* LoadedDictionary(Language language) {
  static std::map<Language, std::unique_ptr<Hunspell>> loaded;
  auto found = loaded.find(language);
  if (found != loaded.end()) return found->second.get();
  std::unique_ptr<Hunspell> dictionary;
  for (const char* folder : {"/usr/share/hunspell", "/usr/share/myspell"}) {
    std::string base = std::string(folder) + "/" + DictionaryName(language);
    if (std::filesystem::exists(base + ".aff") && std::filesystem::exists(base + ".dic")) {
      dictionary = std::make_unique<Hunspell>((base + ".aff").c_str(), (base + ".dic").c_str());
      break;
    }
  }
  return loaded.emplace(language, std::move(dictionary)).first->second.get();
}

}  // namespace

bool IsDictionaryWord(Language language, std::string_view word) {
  std::lock_guard<std::mutex> guard(DictionaryLock());
  Hunspell* dictionary = LoadedDictionary(language);
  return dictionary && dictionary->spell(std::string(word));
}

std::vector<std::string> Stems(Language language, std::string_view word) {
  std::lock_guard<std::mutex> guard(DictionaryLock());
  Hunspell* dictionary = LoadedDictionary(language);
  if (!dictionary) return {};
  return dictionary->stem(std::string(word));
}

}  // namespace treaty::text
