// Small UTF-8 helpers shared by the text and document stages. All functions take bytes and never
// allocate; they assume valid UTF-8 unless they say otherwise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace treaty::text {

// Offset of the first byte that is not part of a well-formed UTF-8 sequence (overlongs,
// surrogates and code points above U+10FFFF are ill-formed), or nullopt when all is well.
std::optional<size_t> FindInvalidUtf8(std::string_view bytes);

// "invalid UTF-8 at byte N" (N counted from 1, as a reader counts) for the first ill-formed byte
// of `bytes`, or nullopt when all is well.
std::optional<std::string> InvalidUtf8Problem(std::string_view bytes);

// Whether `bytes` begin as UTF-16 text does (as some editors and spreadsheets save "Unicode
// text"): a byte order mark (FF FE or FE FF), or, among the first 64 pairs of bytes (at least
// two), three in four with one byte of 0x00–0x08 on the same side, which is how UTF-16 writes the
// characters of one script (0x00 ASCII, 0x04 Cyrillic). Such text must be saved as UTF-8 to be
// read. A stray zero byte in text is not it.
bool LooksLikeUtf16(std::string_view bytes);

// Offset of the first byte at or after `pos` that is not ASCII, or the size. Reads eight bytes at
// a time. Works on any bytes.
inline size_t FindNonAscii(std::string_view bytes, size_t pos = 0) {
  constexpr uint64_t kHighBits = 0x8080808080808080;
  for (uint64_t word; pos + sizeof word <= bytes.size(); pos += sizeof word) {
    std::memcpy(&word, bytes.data() + pos, sizeof word);
    if (word & kHighBits) break;
  }
  while (pos < bytes.size() && static_cast<unsigned char>(bytes[pos]) < 0x80) ++pos;
  return pos;
}

// Decodes the code point starting at `pos` and advances `pos` past it.
// REQUIRES: pos < bytes.size() and the text is valid UTF-8.
char32_t DecodeAt(std::string_view bytes, size_t& pos);

// Decodes the code point ending just before `pos` and moves `pos` to its first byte.
// REQUIRES: pos > 0.
char32_t DecodeBefore(std::string_view bytes, size_t& pos);

// Number of code points.
size_t CountCodePoints(std::string_view bytes);

// `text` when it has at most `width` code points; else its first `width` followed by "…", never
// cutting a character's bytes apart.
std::string Shorten(std::string_view text, size_t width);

// `text` with its first character in title case, as a title begins ("īstenot" → "Īstenot"); a
// letter with no single title-case character stays as it is. REQUIRES: valid UTF-8.
std::string WithCapitalFirst(std::string_view text);

// `text` with every control character (C0 with line breaks and tabs, DEL, C1) written as
// \u00XX, a byte that is no part of UTF-8 as \xXX and a backslash as \\, for a message that
// quotes text it does not trust on one line: an escape sequence or a carriage return in a stored
// value must not reach a terminal, and what is shown escaped cannot be mistaken for the text.
std::string VisibleControls(std::string_view text);

// Unicode white space, including no-break spaces (U+00A0, U+202F, U+2007) and tabs.
bool IsSpace(char32_t c);
bool IsLetter(char32_t c);
bool IsUpper(char32_t c);
bool IsLower(char32_t c);
bool IsDigit(char32_t c);  // ASCII 0-9 only: the texts write numbers with ASCII digits
// A Unicode noncharacter (U+FDD0..U+FDEF and the last two code points of every plane, U+FFFE,
// U+FFFF, U+1FFFE, …), which I-JSON (RFC 7493 §2.1) excludes from strings.
bool IsNoncharacter(char32_t c);

}  // namespace treaty::text
