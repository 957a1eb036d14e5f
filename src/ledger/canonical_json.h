// RFC 8785 (JSON Canonicalization Scheme) as the ledger uses it: docs/ledger-format.md §2.2. The
// canonical bytes of an event are its leaf input, so one value has exactly one serialisation.
#pragma once

#include <cstdint>
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

// Appends `text` to `out` as an RFC 8785 string, quotes included (the string rules of
// Canonicalize). Returns nullopt, or, when `text` is not valid UTF-8, the byte offset of the first
// invalid byte, leaving `out` unchanged.
std::optional<size_t> AppendCanonicalString(std::string_view text, std::string& out);

// Parses `json_text` and returns Canonicalize of the result. Errors: malformed JSON, including
// invalid UTF-8 and lone surrogate escapes (`where` is "byte N", N 1-based); a member name repeated
// within one object (`where` is the path of the repeated member); and the errors of Canonicalize.
Result<std::string> CanonicalizeText(std::string_view json_text);

}  // namespace treaty::ledger
