// Small UTF-8 helpers shared by the text and document stages. All functions take bytes and never
// allocate; they assume valid UTF-8 unless they say otherwise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace treaty::text {

// Offset of the first byte that is not part of a well-formed UTF-8 sequence (overlongs,
// surrogates and code points above U+10FFFF are ill-formed), or nullopt when all is well.
std::optional<size_t> FindInvalidUtf8(std::string_view bytes);

// Decodes the code point starting at `pos` and advances `pos` past it.
// REQUIRES: pos < bytes.size() and the text is valid UTF-8.
char32_t DecodeAt(std::string_view bytes, size_t& pos);

// Decodes the code point ending just before `pos` and moves `pos` to its first byte.
// REQUIRES: pos > 0.
char32_t DecodeBefore(std::string_view bytes, size_t& pos);

// Number of code points.
size_t CountCodePoints(std::string_view bytes);

// Unicode white space, including no-break spaces (U+00A0, U+202F, U+2007) and tabs.
bool IsSpace(char32_t c);
bool IsLetter(char32_t c);
bool IsUpper(char32_t c);
bool IsLower(char32_t c);
bool IsDigit(char32_t c);  // ASCII 0-9 only: the texts write numbers with ASCII digits

}  // namespace treaty::text
