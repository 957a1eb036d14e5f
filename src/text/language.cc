#include "text/language.h"

#include <algorithm>

#include "text/utf8.h"

namespace treaty::text {

std::string_view LanguageCode(Language language) {
  switch (language) {
    case Language::kLatvian:
      return "lv";
    case Language::kUkrainian:
      return "uk";
    case Language::kEnglish:
      break;
  }
  return "en";
}

std::string_view LanguageIso6392(Language language) {
  switch (language) {
    case Language::kLatvian:
      return "lav";
    case Language::kUkrainian:
      return "ukr";
    case Language::kEnglish:
      break;
  }
  return "eng";
}

std::optional<Language> ParseLanguageCode(std::string_view code) {
  if (code == "lv") return Language::kLatvian;
  if (code == "en") return Language::kEnglish;
  if (code == "uk") return Language::kUkrainian;
  return std::nullopt;
}

namespace {

bool IsLatvianLetter(char32_t c) {
  switch (c) {
    case U'ā':
    case U'ē':
    case U'ī':
    case U'ū':
    case U'č':
    case U'š':
    case U'ž':
    case U'ķ':
    case U'ļ':
    case U'ņ':
    case U'ģ':
    case U'Ā':
    case U'Ē':
    case U'Ī':
    case U'Ū':
    case U'Č':
    case U'Š':
    case U'Ž':
    case U'Ķ':
    case U'Ļ':
    case U'Ņ':
    case U'Ģ':
      return true;
    default:
      return false;
  }
}

// Branch-free, so that counting them is vectorised; false for every byte outside ASCII.
bool IsAsciiLetter(char byte) {
  return static_cast<unsigned char>((static_cast<unsigned char>(byte) | 0x20) - 'a') < 26;
}

}  // namespace

Language DetectLanguage(std::string_view utf8) {
  std::string_view sample = utf8.substr(0, 64 * 1024);
  size_t latin = 0, latvian = 0, cyrillic = 0;
  for (char byte : sample) latin += IsAsciiLetter(byte);
  for (size_t pos = FindNonAscii(sample); pos < sample.size(); pos = FindNonAscii(sample, pos)) {
    char32_t c = DecodeAt(sample, pos);
    if (c >= 0x400 && c <= 0x4FF) {
      ++cyrillic;
    } else if (IsLatvianLetter(c)) {
      ++latvian;
    }
  }
  // Latvian prose has a diacritic letter every 15-20 letters; English none; Ukrainian is Cyrillic.
  if (cyrillic > latin) return Language::kUkrainian;
  if (latvian * 50 > latin) return Language::kLatvian;
  return Language::kEnglish;
}

}  // namespace treaty::text
