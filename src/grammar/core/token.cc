#include "grammar/core/token.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/punctuation.h"
#include "text/utf8.h"

namespace treaty::grammar {

namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

size_t DigitRunEnd(std::string_view text, size_t pos, size_t end) {
  while (pos < end && IsAsciiDigit(text[pos])) ++pos;
  return pos;
}

// Reads a number starting at `pos` (a digit) into `token`; returns the end of the number.
size_t ReadNumber(std::string_view text, size_t pos, size_t end, NumberFormat format,
                  Token& token) {
  size_t digits_end = DigitRunEnd(text, pos, end);
  std::string integer(text.substr(pos, digits_end - pos));
  size_t cursor = digits_end;
  bool grouped = false;
  // Groups of exactly three digits after a first group of one to three.
  if (integer.size() <= 3) {
    while (cursor < end && text[cursor] == format.group_separator) {
      size_t group_end = DigitRunEnd(text, cursor + 1, end);
      if (group_end - (cursor + 1) != 3) break;
      integer.append(text.substr(cursor + 1, 3));
      cursor = group_end;
      grouped = true;
    }
  }
  std::string_view fraction;
  if (cursor + 1 < end && text[cursor] == format.decimal_separator &&
      IsAsciiDigit(text[cursor + 1])) {
    size_t fraction_end = DigitRunEnd(text, cursor + 1, end);
    fraction = text.substr(cursor + 1, fraction_end - cursor - 1);
    cursor = fraction_end;
  }
  std::optional<Decimal> value = Decimal::Parse(integer, fraction);
  token.begin = pos;
  token.end = cursor;
  token.lower = text.substr(pos, cursor - pos);
  if (!value) {
    // Too long to be a quantity: swallow the whole digit run as one symbol.
    token.end = cursor = DigitRunEnd(text, cursor, end);
    token.lower = text.substr(pos, cursor - pos);
    token.kind = TokenKind::kSymbol;
    return cursor;
  }
  token.kind = TokenKind::kNumber;
  token.number = *value;
  token.integer_digits = static_cast<int>(integer.size());
  token.plain = !grouped && fraction.empty();
  return cursor;
}

bool IsAsciiSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

void AppendLower(char32_t c, std::string& out) {
  char buffer[4];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(u_tolower(static_cast<UChar32>(c))));
  out.append(buffer, static_cast<size_t>(length));
}

// Reads the word starting at `pos` into `lower`, lowercased; returns its end. Apostrophes stay
// inside a word when a letter follows ("п’ять").
size_t ReadWord(std::string_view text, size_t pos, size_t end, std::string& lower) {
  while (pos < end) {
    unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      if (!IsAsciiLetter(byte)) {
        if (byte != '\'' || pos + 1 >= end) break;
        size_t after = pos + 1;
        if (!text::IsLetter(text::DecodeAt(text, after))) break;
      }
      lower.push_back(static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte | 0x20 : byte));
      ++pos;
      continue;
    }
    size_t after = pos;
    char32_t c = text::DecodeAt(text, after);
    if (text::IsApostrophe(c)) {
      size_t after_letter = after;
      if (after >= end || !text::IsLetter(text::DecodeAt(text, after_letter))) break;
      lower.append(text.substr(pos, after - pos));
    } else if (text::IsLetter(c)) {
      AppendLower(c, lower);
    } else {
      break;
    }
    pos = after;
  }
  return pos;
}

// Marks the numbers of every space-free run in which a letter comes before a digit ("G7",
// "F-16", "CM/Res(2023)3", "S/RES/2202"): names and codes, not quantities.
void MarkIdentifiers(std::vector<Token>& tokens) {
  size_t run_start = 0;
  while (run_start < tokens.size()) {
    size_t run_end = run_start + 1;
    while (run_end < tokens.size() && !tokens[run_end].space_before) ++run_end;
    bool letter_seen = false;
    bool identifier = false;
    for (size_t i = run_start; i < run_end; ++i) {
      if (tokens[i].kind == TokenKind::kWord) letter_seen = true;
      if (tokens[i].kind == TokenKind::kNumber && letter_seen) identifier = true;
    }
    if (identifier) {
      for (size_t i = run_start; i < run_end; ++i) tokens[i].in_identifier = true;
    }
    run_start = run_end;
  }
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, size_t begin, size_t end, NumberFormat format,
                            std::string& words) {
  std::vector<Token> tokens;
  words.clear();
  // Where each word's lowercase form starts in `words`; views are made once `words` is complete,
  // as appending may move it.
  std::vector<std::pair<size_t, size_t>> word_spans;
  tokens.reserve((end - begin) / 6 + 1);
  bool space_before = true;
  size_t pos = begin;
  while (pos < end) {
    unsigned char byte = static_cast<unsigned char>(text[pos]);
    size_t next = pos;
    // ASCII takes the fast path; everything else is decoded.
    char32_t c = byte < 0x80 ? (++next, char32_t{byte}) : text::DecodeAt(text, next);
    if (byte < 0x80 ? IsAsciiSpace(byte) : text::IsSpace(c)) {
      space_before = true;
      pos = next;
      continue;
    }
    Token token;
    token.space_before = space_before;
    space_before = false;
    if (IsAsciiDigit(text[pos])) {
      pos = ReadNumber(text, pos, end, format, token);
    } else if (byte < 0x80 ? IsAsciiLetter(byte) : text::IsLetter(c)) {
      token.kind = TokenKind::kWord;
      token.begin = pos;
      size_t start = words.size();
      pos = ReadWord(text, pos, end, words);
      token.end = pos;
      word_spans.emplace_back(tokens.size(), start);
    } else {
      token.kind = TokenKind::kSymbol;
      token.begin = pos;
      token.end = next;
      token.lower = text.substr(pos, next - pos);
      pos = next;
    }
    tokens.push_back(token);
  }
  for (size_t i = 0; i < word_spans.size(); ++i) {
    auto [index, start] = word_spans[i];
    size_t stop = i + 1 < word_spans.size() ? word_spans[i + 1].second : words.size();
    tokens[index].lower = std::string_view(words).substr(start, stop - start);
  }
  MarkIdentifiers(tokens);
  return tokens;
}

}  // namespace treaty::grammar
