#include "text/utf8.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <algorithm>

namespace treaty::text {

bool LooksLikeUtf16(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return true;
  const size_t pairs = std::min<size_t>(bytes.size() / 2, 64);
  // The high byte of a code unit of one script is one of few small values: 0x00 for ASCII, 0x01
  // for Latvian letters, 0x04 for Cyrillic; text in UTF-8 holds none of 0x00–0x08.
  const auto high = [](char byte) { return static_cast<unsigned char>(byte) < 0x09; };
  size_t high_first = 0;
  size_t high_second = 0;
  for (size_t i = 0; i < pairs; ++i) {
    const bool first = high(bytes[2 * i]);
    const bool second = high(bytes[2 * i + 1]);
    if (first != second) ++(first ? high_first : high_second);
  }
  return pairs >= 2 && std::max(high_first, high_second) * 4 >= pairs * 3;
}

std::optional<size_t> FindInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  size_t i = 0;
  while ((i = FindNonAscii(bytes, i)) < n) {
    unsigned char c = s[i];
    size_t len;
    char32_t min;
    char32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, min = 0x10000, cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::nullopt;
}

std::optional<std::string> InvalidUtf8Problem(std::string_view bytes) {
  const std::optional<size_t> bad = FindInvalidUtf8(bytes);
  if (!bad) return std::nullopt;
  return "invalid UTF-8 at byte " + std::to_string(*bad + 1);
}

char32_t DecodeAt(std::string_view bytes, size_t& pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  unsigned char c = s[pos];
  if (c < 0x80) {
    ++pos;
    return c;
  }
  size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  char32_t cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < len && pos + k < bytes.size(); ++k) cp = (cp << 6) | (s[pos + k] & 0x3F);
  pos += len;
  return cp;
}

char32_t DecodeBefore(std::string_view bytes, size_t& pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t start = pos - 1;
  while (start > 0 && (s[start] & 0xC0) == 0x80) --start;
  size_t cursor = start;
  char32_t cp = DecodeAt(bytes, cursor);
  pos = start;
  return cp;
}

size_t CountCodePoints(std::string_view bytes) {
  size_t count = 0;
  for (unsigned char c : bytes) count += (c & 0xC0) != 0x80;
  return count;
}

std::string VisibleControls(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  const auto escape = [&out](const char* form, unsigned code) {
    out += form;
    out += kHex[code >> 4];
    out += kHex[code & 0xF];
  };
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\\') {
      out += "\\\\";
      ++i;
    } else if (byte < 0x20 || byte == 0x7F) {
      escape("\\u00", byte);
      ++i;
    } else if (byte < 0x80) {
      out += text[i++];
    } else {
      const size_t length = (byte & 0xE0) == 0xC0   ? 2
                            : (byte & 0xF0) == 0xE0 ? 3
                            : (byte & 0xF8) == 0xF0 ? 4
                                                    : 0;
      if (length == 0 || i + length > text.size() || FindInvalidUtf8(text.substr(i, length))) {
        escape("\\x", byte);
        ++i;
        continue;
      }
      size_t next = i;
      const char32_t c = DecodeAt(text, next);
      if (c >= 0x80 && c <= 0x9F) {
        escape("\\u00", static_cast<unsigned>(c));
        i = next;
      } else {
        out.append(text.substr(i, next - i));
        i = next;
      }
    }
  }
  return out;
}

std::string Shorten(std::string_view text, size_t width) {
  size_t pos = 0;
  for (size_t count = 0; pos < text.size() && count < width; ++count) DecodeAt(text, pos);
  if (pos >= text.size()) return std::string(text);
  return std::string(text.substr(0, pos)) + "…";
}

std::string WithCapitalFirst(std::string_view text) {
  if (text.empty()) return {};
  size_t pos = 0;
  const UChar32 first = static_cast<UChar32>(DecodeAt(text, pos));
  const UChar32 upper = u_totitle(first);
  if (upper == first) return std::string(text);
  char bytes[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(bytes, length, upper);  // safe: the buffer holds any code point
  return std::string(bytes, static_cast<size_t>(length)) + std::string(text.substr(pos));
}

bool IsSpace(char32_t c) {
  if (c == ' ' || c == '\t' || c == 0xA0 || c == 0xFEFF) return true;  // FEFF: a byte order mark
  if (c < 0x80) return c == '\v' || c == '\f';
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return u_isalpha(static_cast<UChar32>(c));
}

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c));
}

bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(static_cast<UChar32>(c));
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

bool IsNoncharacter(char32_t c) { return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE; }

}  // namespace treaty::text
