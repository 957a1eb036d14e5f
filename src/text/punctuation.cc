#include "text/punctuation.h"

#include "text/utf8.h"

namespace treaty::text {

bool IsClosingMark(char32_t c) {
  return c == ')' || c == ']' || c == '"' || c == '\'' || c == U'”' || c == U'’' || c == U'»';
}

bool IsApostrophe(char32_t c) { return c == U'\'' || c == U'\u2019' || c == U'\u02BC'; }

bool IsOpeningMark(char32_t c) {
  return c == '(' || c == '[' || c == '"' || c == '\'' || c == U'“' || c == U'‘' || c == U'«' ||
         c == U'„';
}

char32_t LastSignificant(std::string_view s) {
  size_t pos = s.size();
  while (pos > 0) {
    char32_t c = DecodeBefore(s, pos);
    if (!IsClosingMark(c)) return c;
  }
  return 0;
}

bool EndsSentence(std::string_view s) {
  char32_t c = LastSignificant(s);
  return c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == U'…';
}

bool IsAllCaps(std::string_view s) {
  size_t letters = 0;
  for (size_t pos = 0; pos < s.size();) {
    char32_t c = DecodeAt(s, pos);
    if (IsLower(c)) return false;
    letters += IsLetter(c);
  }
  return letters >= 3;
}

}  // namespace treaty::text
