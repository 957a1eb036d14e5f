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

struct LetterCounts {
  size_t latin = 0;     // ASCII letters
  size_t latvian = 0;   // letters only Latvian uses
  size_t cyrillic = 0;  // U+0400..U+04FF
  size_t foreign = 0;   // other Latin letters with diacritics (U+00C0..U+024F): ä, ß, é, ł
  std::string first_foreign;  // the first three of them, as "ä, ß, é"
};

// The letters of the first 64 KiB of `utf8`.
LetterCounts CountLetters(std::string_view utf8) {
  std::string_view sample = utf8.substr(0, 64 * 1024);
  LetterCounts counts;
  for (char byte : sample) counts.latin += IsAsciiLetter(byte);
  for (size_t pos = FindNonAscii(sample); pos < sample.size(); pos = FindNonAscii(sample, pos)) {
    const size_t start = pos;
    char32_t c = DecodeAt(sample, pos);
    if (c >= 0x400 && c <= 0x4FF) {
      ++counts.cyrillic;
    } else if (IsLatvianLetter(c)) {
      ++counts.latvian;
    } else if (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) {
      ++counts.foreign;
      const std::string letter(sample.substr(start, pos - start));
      if (counts.first_foreign.find(letter) == std::string::npos &&
          std::count(counts.first_foreign.begin(), counts.first_foreign.end(), ',') < 2) {
        counts.first_foreign += (counts.first_foreign.empty() ? "" : ", ") + letter;
      }
    }
  }
  return counts;
}

// Latvian prose has a diacritic letter every 15-20 letters; English none; Ukrainian is Cyrillic.
Language LanguageOf(const LetterCounts& counts) {
  if (counts.cyrillic > counts.latin) return Language::kUkrainian;
  if (counts.latvian * 50 > counts.latin) return Language::kLatvian;
  return Language::kEnglish;
}

}  // namespace

Language DetectLanguage(std::string_view utf8) { return LanguageOf(CountLetters(utf8)); }

std::optional<std::string> LettersOfNoneOfThem(std::string_view utf8) {
  const LetterCounts counts = CountLetters(utf8);
  // Short, a name ("Radosław Sikorski") says nothing of the language around it.
  const bool some_length = counts.latin >= 200;
  // Read as English: one letter in 50 of none of the three. Read as Latvian (Czech, Croatian and
  // Slovenian have its č, š, ž): as many of them as half its own letters, which Latvian has none
  // of.
  const Language read_as = LanguageOf(counts);
  const bool foreign = read_as == Language::kEnglish   ? counts.foreign * 50 > counts.latin
                       : read_as == Language::kLatvian ? counts.foreign * 2 > counts.latvian
                                                       : false;
  if (!some_length || !foreign) return std::nullopt;
  return counts.first_foreign;
}

std::optional<Language> ClearlyNot(Language given, std::string_view utf8) {
  const LetterCounts counts = CountLetters(utf8);
  const Language read_as = LanguageOf(counts);
  if (read_as == given) return std::nullopt;
  // Another script is clear at any length; between English and Latvian, only a text of some
  // length with a diacritic letter every 20 letters (Latvian) or fewer than one in 500 (English).
  const bool other_script = (given == Language::kUkrainian) != (read_as == Language::kUkrainian);
  const bool clear_latin =
      counts.latin >= 200 && (read_as == Language::kLatvian ? counts.latvian * 20 > counts.latin
                                                            : counts.latvian * 500 < counts.latin);
  if (other_script || clear_latin) return read_as;
  return std::nullopt;
}

std::optional<std::string> MissingTextProblem(std::string_view holder, std::string_view wanted,
                                              const std::vector<std::string>& codes) {
  if (std::find(codes.begin(), codes.end(), wanted) != codes.end()) return std::nullopt;
  std::string listed;
  for (const std::string& code : codes) listed += (listed.empty() ? "" : ", ") + code;
  return std::string(holder) + " has no text in " + std::string(wanted) + " (it has " + listed +
         ")";
}

}  // namespace treaty::text
