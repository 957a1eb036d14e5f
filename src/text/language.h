// Guesses which of the supported languages a text is written in.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace treaty::text {

enum class Language { kLatvian, kEnglish, kUkrainian };

std::string_view LanguageCode(Language language);  // "lv", "en", "uk"
// ISO 639-2 alpha-3: "lav", "eng", "ukr" (Akoma Ntoso's FRBRlanguage uses these).
std::string_view LanguageIso6392(Language language);
std::optional<Language> ParseLanguageCode(std::string_view code);

// Why a text in `wanted` cannot be asked of `holder` (an agreement, a database), whose texts are in
// the languages `codes`: "lv-ua-2024 has no text in uk (it has en, lv)"; nullopt when it has one.
std::optional<std::string> MissingTextProblem(std::string_view holder, std::string_view wanted,
                                              const std::vector<std::string>& codes);

// Counts, over the first 64 KiB, Cyrillic letters (Ukrainian), the letters with diacritics only
// Latvian uses (one in 50 ASCII letters or more: Latvian), and ASCII letters. Never fails: English
// is the answer when neither of the others is clear, so a Latvian text typed without its
// diacritics reads as English.
Language DetectLanguage(std::string_view utf8);
// The first of the letters ("ä, ß, é") that make `utf8`, a text of some length, one of none of
// Latvian, English and Ukrainian: Latin letters with diacritics that none of them uses, one in 50
// letters or more of a text DetectLanguage reads as English, or as many as half the Latvian
// letters of one it reads as Latvian. nullopt when the text may well be in one of them.
std::optional<std::string> LettersOfNoneOfThem(std::string_view utf8);
// The language `utf8` clearly reads as when that is not `given`: another script, or, between the
// Latin-script languages, a clear share of Latvian letters or almost none in a text of some
// length. nullopt when the text may well be in `given`.
std::optional<Language> ClearlyNot(Language given, std::string_view utf8);

}  // namespace treaty::text
