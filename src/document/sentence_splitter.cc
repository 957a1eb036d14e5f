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

bool IsAbbreviation(std::string_view word) {
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), word) !=
         std::end(kAbbreviations);
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

bool EndsSentenceAt(std::string_view s, size_t mark, char32_t c) {
  if (c != '.') return true;  // "!", "?" and "…" always end one when a capital follows
  std::string_view word = WordBefore(s, mark);
  if (word.empty()) return true;
  if (IsAbbreviation(word)) return false;
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
    if (!StartsSentence(s, end + 1) || !EndsSentenceAt(s, mark, c)) continue;
    sentences.push_back({begin, end});
    begin = end + 1;
    pos = begin;
  }
  if (begin < s.size()) sentences.push_back({begin, s.size()});
}

}  // namespace treaty::document
