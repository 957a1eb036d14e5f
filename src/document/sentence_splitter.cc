#include "document/sentence_splitter.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "text/punctuation.h"
#include "text/utf8.h"

namespace treaty::document {

namespace {

using text::DecodeAt;
using text::DecodeBefore;

// Words that end in a full stop without ending a sentence (compared case-sensitively, without
// the final full stop).
constexpr std::string_view kAbbreviations[] = {
    "No",   "Nr",  "nr",  "Art",  "art", "para", "paras", "e.g", "i.e", "Mr",     "Ms",
    "Mrs",  "Dr",  "St",  "vol",  "Vol", "p",    "pp",    "cf",  "viz", "approx", "incl",
    "t.sk", "u.c", "utt", "piem", "g",   "ст",   "п",     "т.д", "т.п", "ім",     "Inc"};

// Words that end in a full stop without ending a sentence when a number or a currency code comes
// next ("400 mil. EUR", "400 milj. EUR", "1 Jan. 2024"); before another capitalised word the
// sentence may end there ("… 1 bn. The …"). Scale words of the three languages, and English month
// names shortened ("May" is a whole word).
constexpr std::string_view kAbbreviationsBeforeFigures[] = {
    "mil", "mln", "bn",  "milj", "tūkst", "млн", "млрд", "тис", "Jan", "Feb",
    "Mar", "Apr", "Jun", "Jul",  "Aug",   "Sep", "Sept", "Oct", "Nov", "Dec"};

template <size_t N>
bool IsAmong(const std::string_view (&words)[N], std::string_view word) {
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

// A currency code at `pos`: three capital letters not followed by another letter ("EUR").
bool IsCurrencyCodeAt(std::string_view s, size_t pos) {
  size_t end = pos;
  while (end < s.size() && s[end] >= 'A' && s[end] <= 'Z') ++end;
  if (end - pos != 3) return false;
  return end == s.size() || !text::IsLetter(DecodeAt(s, end));
}

// True when the word at `pos` is a figure: a number or a currency code.
bool StartsWithFigure(std::string_view s, size_t pos) {
  return (pos < s.size() && text::IsDigit(static_cast<unsigned char>(s[pos]))) ||
         IsCurrencyCodeAt(s, pos);
}

// The word that ends just before `mark` (the offset of the full stop).
std::string_view WordBefore(std::string_view s, size_t mark) {
  size_t start = mark;
  while (start > 0) {
    size_t before = start;
    char32_t c = DecodeBefore(s, before);
    if (c == ' ' || text::IsOpeningMark(c)) break;
    start = before;
  }
  return s.substr(start, mark - start);
}

bool StartsSentence(std::string_view s, size_t pos) {
  if (pos >= s.size()) return false;
  char32_t c = DecodeAt(s, pos);
  return text::IsUpper(c) || text::IsDigit(c) || text::IsOpeningMark(c) ||
         (text::IsLetter(c) && !text::IsLower(c));
}

// `next` is the offset of the word after the mark.
bool EndsSentenceAt(std::string_view s, size_t mark, char32_t c, size_t next) {
  if (c != '.') return true;  // "!", "?" and "…" always end one when a capital follows
  std::string_view word = WordBefore(s, mark);
  if (word.empty()) return true;
  if (IsAmong(kAbbreviations, word)) return false;
  if (IsAmong(kAbbreviationsBeforeFigures, word) && StartsWithFigure(s, next)) return false;
  size_t pos = 0;
  char32_t first = DecodeAt(word, pos);
  if (pos == word.size() && text::IsUpper(first)) return false;  // an initial: "J. Smith"
  return true;
}

// The bytes that may start a sentence mark: ".", "!", "?" and the lead byte of "…" (no other byte
// of a UTF-8 sequence equals one of them). A table lookup keeps the scan free of branches that
// depend on the text.
constexpr std::array<bool, 256> kMayStartMark = [] {
  std::array<bool, 256> table{};
  for (unsigned char byte : {'.', '!', '?', '\xE2'}) table[byte] = true;
  return table;
}();

// Offset of the first byte at or after `pos` that may start a sentence mark, or the size.
size_t NextMarkCandidate(std::string_view s, size_t pos) {
  while (pos < s.size() && !kMayStartMark[static_cast<unsigned char>(s[pos])]) ++pos;
  return pos;
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view paragraph) {
  std::vector<SentenceSpan> sentences;
  SplitSentences(paragraph, sentences);
  return sentences;
}

void SplitSentences(std::string_view s, std::vector<SentenceSpan>& sentences) {
  sentences.clear();
  size_t begin = 0;
  size_t pos = 0;
  while ((pos = NextMarkCandidate(s, pos)) < s.size()) {
    size_t mark = pos;
    char32_t c = DecodeAt(s, pos);
    if (c != '.' && c != '!' && c != '?' && c != U'…') continue;
    size_t end = pos;
    while (end < s.size()) {
      size_t next = end;
      if (!text::IsClosingMark(DecodeAt(s, next))) break;
      end = next;
    }
    if (end >= s.size() || s[end] != ' ') continue;
    if (!StartsSentence(s, end + 1) || !EndsSentenceAt(s, mark, c, end + 1)) continue;
    sentences.push_back({begin, end});
    begin = end + 1;
    pos = begin;
  }
  if (begin < s.size()) sentences.push_back({begin, s.size()});
}

}  // namespace treaty::document
