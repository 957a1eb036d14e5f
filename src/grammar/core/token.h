// Tokens of the expression stage: numbers (with their decimal and grouping separators already
// read), words (lowercased) and single symbols, each with its byte span in the normalised text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/core/decimal.h"

namespace treaty::grammar {

enum class TokenKind {
  kNumber,  // "2024", "0,25", "3.3", "10 000", "1,000,000"
  kWord,    // a run of letters, with apostrophes inside ("п’ять")
  kSymbol,  // one other character: "%", "€", "(", "-", "–", "."
};

// How a language writes numbers: "3,3" and "10 000" (lv, uk) or "3.3" and "10,000" (en).
struct NumberFormat {
  char decimal_separator = '.';
  char group_separator = ',';
};

struct Token {
  TokenKind kind = TokenKind::kSymbol;
  size_t begin = 0;  // [begin, end) in the text given to Tokenize
  size_t end = 0;
  std::string lower;           // words: lowercased; symbols: the character; numbers: as written
  Decimal number;              // kNumber: the value
  int integer_digits = 0;      // kNumber: digits before the decimal separator
  bool plain = false;          // kNumber: digits only, no separators ("2024", not "2 024" or "2,5")
  bool in_identifier = false;  // kNumber: part of a name or code such as "G7", "F-16", "S/RES/2202"
  bool space_before = false;   // white space (or the start of the text) precedes the token
};

// Splits text[begin, end) into tokens. Lowercased words are written to `words`, which must
// outlive the tokens and not change while they are used. A digit run longer than 15 significant
// digits is not a number: it becomes one kSymbol token, so rules never see it. Linear in the
// input.
std::vector<Token> Tokenize(std::string_view text, size_t begin, size_t end, NumberFormat format,
                            std::string& words);

}  // namespace treaty::grammar
