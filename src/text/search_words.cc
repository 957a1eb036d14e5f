#include "text/search_words.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>

#include "text/dictionary.h"
#include "text/english_stemmer.h"
#include "text/latvian_stemmer.h"
#include "text/punctuation.h"
#include "text/utf8.h"

namespace treaty::text {

namespace {

bool IsMark(char32_t c) {
  const int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

bool IsWordChar(char32_t c) { return u_isalnum(static_cast<UChar32>(c)) || IsMark(c); }

bool HasLetter(std::string_view utf8) {
  for (size_t pos = 0; pos < utf8.size();) {
    if (u_isalpha(static_cast<UChar32>(DecodeAt(utf8, pos)))) return true;
  }
  return false;
}

// `word` with its first letter in title case: Hunspell knows proper nouns only capitalised.
std::string Capitalized(std::string_view word) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), word.size()));
  const UChar32 first = s.char32At(0);
  s.replace(0, U16_LENGTH(first), u_totitle(first));
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Folded lemmas of `stems` of the word folded as `folded`, sorted and distinct. A stem that is
// the word with a prefix taken off is left out: Hunspell takes prefixes off too, and
// "determination" is no form of "termination", nor "unable" of "able", nor "ne…" a form of the
// verb it denies; irregular lemmas ("went": "go") are kept.
std::vector<std::string> FoldedLemmas(std::string_view folded,
                                      const std::vector<std::string>& stems) {
  std::vector<std::string> lemmas;
  for (const std::string& stem : stems) {
    std::string lemma = FoldSearchWord(stem);
    if (lemma.size() < folded.size() && folded.ends_with(lemma)) continue;
    lemmas.push_back(std::move(lemma));
  }
  std::sort(lemmas.begin(), lemmas.end());
  lemmas.erase(std::unique(lemmas.begin(), lemmas.end()), lemmas.end());
  return lemmas;
}

// Hunspell's stems of `word` as written, or capitalised (proper nouns are known only so).
std::vector<std::string> DictionaryStems(Language language, std::string_view word) {
  std::vector<std::string> stems = Stems(language, word);
  if (stems.empty()) stems = Stems(language, Capitalized(word));
  return stems;
}

// The Latvian letters with a diacritic, by the letter they fold to (FoldForSearch).
constexpr std::array<std::pair<char, std::string_view>, 11> kLatvianMarked = {{
    {'a', "ā"},
    {'c', "č"},
    {'e', "ē"},
    {'g', "ģ"},
    {'i', "ī"},
    {'k', "ķ"},
    {'l', "ļ"},
    {'n', "ņ"},
    {'s', "š"},
    {'u', "ū"},
    {'z', "ž"},
}};

// Restoration tries every combination of marked and plain letters: 2^n spellings (twice as many
// lookups, with the capitalised form), so words with more letters that could be marked are left
// as they are. Ten keeps a query word under about 2,000 lookups, some 50 ms.
constexpr size_t kMaxRestorableLetters = 10;

std::string_view LatvianMarked(char plain) {
  for (const auto& [letter, marked] : kLatvianMarked) {
    if (letter == plain) return marked;
  }
  return {};
}

// The stems of every spelling of `folded` (lower-case ASCII) with some of its letters marked that
// Hunspell knows; empty when there is none or `folded` has too many letters to try.
std::vector<std::string> RestoredLatvianStems(std::string_view folded) {
  size_t markable = 0;
  for (char letter : folded) {
    if (static_cast<unsigned char>(letter) >= 0x80) return {};
    if (!LatvianMarked(letter).empty()) ++markable;
  }
  if (markable == 0 || markable > kMaxRestorableLetters) return {};
  std::vector<std::string> stems;
  // Bit k of the mask marks the k-th markable letter; mask 0, the word as typed, is not tried.
  for (size_t mask = 1; mask < (size_t{1} << markable); ++mask) {
    std::string spelling;
    size_t bit = 0;
    for (char letter : folded) {
      const std::string_view marked = LatvianMarked(letter);
      if (!marked.empty() && ((mask >> bit++) & 1) != 0) {
        spelling.append(marked);
      } else {
        spelling.push_back(letter);
      }
    }
    for (std::string& stem : DictionaryStems(Language::kLatvian, spelling)) {
      stems.push_back(std::move(stem));
    }
  }
  return stems;
}

}  // namespace

std::string FoldForSearch(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposed = nfd->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size())), status);
  if (U_FAILURE(status)) return std::string(utf8);
  icu::UnicodeString folded;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) != U_NON_SPACING_MARK) folded.append(u_foldCase(c, U_FOLD_CASE_DEFAULT));
  }
  std::string out;
  folded.toUTF8String(out);
  return out;
}

std::string FoldSearchWord(std::string_view word) {
  const std::string folded = FoldForSearch(word);
  std::string out;
  for (size_t pos = 0; pos < folded.size();) {
    const size_t start = pos;
    if (!IsApostrophe(DecodeAt(folded, pos))) out.append(folded, start, pos - start);
  }
  return out;
}

std::vector<std::pair<size_t, size_t>> SplitSearchWords(std::string_view utf8) {
  std::vector<std::pair<size_t, size_t>> words;
  size_t pos = 0;
  while (pos < utf8.size()) {
    size_t start = pos;
    if (!IsWordChar(DecodeAt(utf8, pos))) continue;
    size_t end = pos;
    while (pos < utf8.size()) {
      size_t next = pos;
      const char32_t c = DecodeAt(utf8, next);
      if (IsWordChar(c)) {
        end = pos = next;
        continue;
      }
      // An apostrophe joins two letters; anything else ends the word.
      if (!IsApostrophe(c) || next >= utf8.size()) break;
      size_t after = next;
      if (!u_isalpha(static_cast<UChar32>(DecodeAt(utf8, after)))) break;
      end = pos = after;
    }
    words.emplace_back(start, end);
    pos = end;
  }
  return words;
}

std::vector<std::string> SearchLemmas(Language language, std::string_view word) {
  if (!HasLetter(word)) return {};
  const std::string folded = FoldSearchWord(word);
  std::vector<std::string> lemmas = FoldedLemmas(folded, DictionaryStems(language, word));
  if (lemmas.empty() && language == Language::kLatvian) {
    lemmas.push_back(LatvianLightStem(folded));
  }
  // English words are ASCII once folded; a word of another script or of Latvian letters is
  // given no English stem when a query is read in every language.
  const bool ascii = std::all_of(folded.begin(), folded.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (language == Language::kEnglish && ascii) {
    std::string stem = EnglishStem(folded);
    if (stem != folded && std::find(lemmas.begin(), lemmas.end(), stem) == lemmas.end()) {
      lemmas.insert(std::upper_bound(lemmas.begin(), lemmas.end(), stem), std::move(stem));
    }
  }
  return lemmas;
}

std::vector<std::string> QueryLemmas(Language language, std::string_view word) {
  if (language == Language::kLatvian && HasLetter(word) &&
      DictionaryStems(language, word).empty()) {
    const std::string folded = FoldSearchWord(word);
    std::vector<std::string> restored = FoldedLemmas(folded, RestoredLatvianStems(folded));
    if (!restored.empty()) return restored;
  }
  return SearchLemmas(language, word);
}

std::vector<SearchWord> SearchWords(Language language, std::string_view utf8) {
  std::vector<SearchWord> words;
  for (const auto& [begin, end] : SplitSearchWords(utf8)) {
    const std::string_view word = utf8.substr(begin, end - begin);
    words.push_back({begin, end, FoldSearchWord(word), SearchLemmas(language, word)});
  }
  return words;
}

}  // namespace treaty::text
