// Recognises the number or bullet that opens a heading, paragraph or list item: "Part II.",
// "Стаття 3.", "IV.", "VIII ", "12.", "1.2.", "a)", "(b)", "(iv)", "ii.", "•", "o".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace treaty::text {

enum class LabelStyle {
  kPart,        // Part / Частина / Daļa + number
  kChapter,     // Chapter / Розділ / Nodaļa + number
  kArticle,     // Article / Стаття / Pants + number
  kSection,     // Section / Paragraph / Sadaļa + number
  kRoman,       // I. II) IV
  kArabic,      // 1. 2) 1.1.
  kAlphaUpper,  // A. B)
  kAlphaLower,  // a) (b) c.
  kRomanLower,  // i. (ii) iv)
  kBullet,      // • ▪ – - * o
};

struct ListLabel {
  LabelStyle style = LabelStyle::kArabic;
  std::string text;        // as written, without the following space: "Part I.", "(a)", "1."
  std::string value;       // for ids: "I", "a", "1.2", "" for bullets
  int ordinal = 0;         // 1 for "1", "a", "i", "I"; 0 for bullets
  bool ambiguous = false;  // a single i, v or x: lettered or roman, the context decides
  size_t length = 0;       // bytes of the label and the space after it
};

// The value of an upper-case roman numeral in its canonical spelling ("IV", not "IIII"), 1 to 50;
// 0 for anything else.
int LatinRomanValue(std::string_view s);

// Parses a label at the start of `text` (NFC, single-spaced). A label must be followed by a space
// or end the text; an arabic number must not be followed by a lower-case word ("2024. gada",
// "12. jūlija" are dates, not labels).
std::optional<ListLabel> ParseListLabel(std::string_view text);

}  // namespace treaty::text
