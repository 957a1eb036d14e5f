#include "views/export/xml_text.h"

#include <cctype>

namespace treaty::views {
namespace {

// U+FFFE and U+FFFF in UTF-8: EF BF BE and EF BF BF.
bool IsFffeOrFfffAt(std::string_view text, size_t i) {
  return i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xEF &&
         static_cast<unsigned char>(text[i + 1]) == 0xBF &&
         (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE;
}

// "_x0041_" at `i`: how a spreadsheet's XML writes an escaped character.
bool IsXlsxEscapeAt(std::string_view text, size_t i) {
  if (i + 7 > text.size() || text[i] != '_' || text[i + 1] != 'x' || text[i + 6] != '_') {
    return false;
  }
  for (size_t k = i + 2; k < i + 6; ++k) {
    if (!std::isxdigit(static_cast<unsigned char>(text[k]))) return false;
  }
  return true;
}

}  // namespace

std::string XmlSafe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') continue;
    if (IsFffeOrFfffAt(text, i)) {
      i += 2;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

std::string SpreadsheetText(std::string_view text) {
  const std::string safe = XmlSafe(text);
  std::string out;
  out.reserve(safe.size());
  for (size_t i = 0; i < safe.size(); ++i) {
    if (IsXlsxEscapeAt(safe, i)) out += "_x005F";
    out.push_back(safe[i]);
  }
  return out;
}

}  // namespace treaty::views
