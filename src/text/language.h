// Guesses which of the supported languages a text is written in.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace treaty::text {

enum class Language { kLatvian, kEnglish, kUkrainian };

std::string_view LanguageCode(Language language);  // "lv", "en", "uk"
// ISO 639-2 alpha-3: "lav", "eng", "ukr" (Akoma Ntoso's FRBRlanguage uses these).
std::string_view LanguageIso6392(Language language);
std::optional<Language> ParseLanguageCode(std::string_view code);

// Scores letters only Latvian or Ukrainian use and common English function words over the first
// 64 KiB. Never fails: English is the answer when nothing else scores.
Language DetectLanguage(std::string_view utf8);
// The language `utf8` clearly reads as when that is not `given`: another script, or, between the
// Latin-script languages, a clear share of Latvian letters or almost none in a text of some
// length. nullopt when the text may well be in `given`.
std::optional<Language> ClearlyNot(Language given, std::string_view utf8);

}  // namespace treaty::text
