// RFC 8785 (JSON Canonicalization Scheme) as the ledger uses it: docs/ledger-format.md §2.2. The
// canonical bytes of an event are its leaf input, so one value has exactly one serialisation.
#pragma once

#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace treaty::ledger {

// Largest magnitude of a ledger number, 2^53 − 1: exact in every JSON implementation.
inline constexpr int64_t kMaxSafeInteger = 9007199254740991;

// The RFC 8785 bytes of `value`: no white space; object members sorted by the UTF-16 code units
// of their names, recursively; arrays in order; strings with only the mandatory escapes (quote,
// backslash, b t n f r, and other U+0000–U+001F as u00xx in lowercase hex) and everything else
// as literal UTF-8; integers as plain decimal digits; true, false and null as such. UTF-8, no
// trailing newline.
// Errors (`where` is the JSON path, e.g. "amount.minor_units" or "evidence[1]", empty for the
// root): a number that is not an integer, an integer beyond ±kMaxSafeInteger, a string or member
// name that is not valid UTF-8, a binary value.
Result<std::string> Canonicalize(const nlohmann::json& value);

// Offset of the first byte at or after `pos` that an RFC 8785 string does not hold as itself (a
// quote, a backslash or U+0000–U+001F), or the size. Reads eight bytes at a time: most strings
// have no such byte, and writing and reading events is mostly scanning their strings.
inline size_t FindStringEscape(std::string_view bytes, size_t pos = 0) {
  constexpr uint64_t kOnes = 0x0101010101010101;
  constexpr uint64_t kHighBits = 0x8080808080808080;
  // A high bit for each byte below `limit` (≤ 0x80); exact as to whether there is one.
  const auto below = [](uint64_t word, uint64_t limit) {
    return (word - kOnes * limit) & ~word & kHighBits;
  };
  for (uint64_t word; pos + sizeof word <= bytes.size(); pos += sizeof word) {
    std::memcpy(&word, bytes.data() + pos, sizeof word);
    if (below(word, 0x20) | below(word ^ (kOnes * '"'), 1) | below(word ^ (kOnes * '\\'), 1)) break;
  }
  while (pos < bytes.size()) {
    const auto c = static_cast<unsigned char>(bytes[pos]);
    if (c < 0x20 || c == '"' || c == '\\') break;
    ++pos;
  }
  return pos;
}

// Appends `text` to `out` as an RFC 8785 string, quotes included (the string rules of
// Canonicalize). Returns nullopt, or, when `text` is not valid UTF-8, the byte offset of the first
// invalid byte, leaving `out` unchanged.
std::optional<size_t> AppendCanonicalString(std::string_view text, std::string& out);

// The deepest nesting of arrays and objects that input may have. Code that walks a JSON value
// (Canonicalize, nlohmann's dump) recurses, and a few hundred kilobytes of brackets would overflow
// its stack; no event, proof or request nests beyond a few levels.
inline constexpr int kMaxJsonDepth = 64;

// The offset of the first '[' or '{' in `text` that opens level kMaxJsonDepth + 1, if any; string
// contents are skipped. Whether `text` is otherwise valid JSON is not looked at.
std::optional<size_t> TooDeepAt(std::string_view text);

// Parses `json_text` and returns Canonicalize of the result. Errors: malformed JSON, including
// invalid UTF-8, lone surrogate escapes and nesting deeper than kMaxJsonDepth (`where` is the
// place, text::PlaceOfByte); a member name repeated within one object (`where` is the path of the
// repeated member); and the errors of Canonicalize.
Result<std::string> CanonicalizeText(std::string_view json_text);

// What went wrong when nlohmann::json could not read `text`: a syntax error (its detail, after
// nlohmann's place, and its byte) or a number beyond a double's range ("1e400", at its first
// occurrence); `byte` is 0-based, for text::PlaceOfByte.
struct JsonReadingError {
  std::string detail;
  size_t byte = 0;
};
JsonReadingError DescribeJsonError(std::string_view text, const nlohmann::json::exception& error);

// Whether `error`, of CanonicalizeText, is a member name repeated within one object: what
// nlohmann::json would read silently, keeping the last, and the ledger's strict readers refuse.
bool IsDuplicateMemberName(const Error& error);

}  // namespace treaty::ledger
