#include "text/list_label.h"

#include <array>

#include "text/utf8.h"

namespace treaty::text {

namespace {

struct Keyword {
  std::string_view word;
  LabelStyle style;
};

constexpr std::array<Keyword, 20> kKeywords = {{
    {"Paragraph", LabelStyle::kSection}, {"PARAGRAPH", LabelStyle::kSection},
    {"Part", LabelStyle::kPart},         {"PART", LabelStyle::kPart},
    {"Частина", LabelStyle::kPart},      {"ЧАСТИНА", LabelStyle::kPart},
    {"Daļa", LabelStyle::kPart},         {"Chapter", LabelStyle::kChapter},
    {"CHAPTER", LabelStyle::kChapter},   {"Розділ", LabelStyle::kChapter},
    {"РОЗДІЛ", LabelStyle::kChapter},    {"Nodaļa", LabelStyle::kChapter},
    {"Article", LabelStyle::kArticle},   {"ARTICLE", LabelStyle::kArticle},
    {"Стаття", LabelStyle::kArticle},    {"СТАТТЯ", LabelStyle::kArticle},
    {"Pants", LabelStyle::kArticle},     {"Section", LabelStyle::kSection},
    {"SECTION", LabelStyle::kSection},   {"Sadaļa", LabelStyle::kSection},
}};

// Maps the Cyrillic look-alikes of roman digits to Latin; 0 for anything else.
char RomanDigit(char32_t c) {
  switch (c) {
    case 'I':
    case U'І':  // Cyrillic capital byelorussian-ukrainian I
      return 'I';
    case 'V':
      return 'V';
    case 'X':
    case U'Х':  // Cyrillic capital ha
      return 'X';
    case 'L':
      return 'L';
    default:
      return 0;
  }
}

int RomanDigitValue(char c) {
  switch (c) {
    case 'I':
      return 1;
    case 'V':
      return 5;
    case 'X':
      return 10;
    case 'L':
      return 50;
    default:
      return 0;
  }
}

// Reads a roman numeral (upper case, look-alikes allowed) at `pos`; returns its Latin spelling.
std::string ReadRoman(std::string_view text, size_t& pos) {
  std::string latin;
  size_t cursor = pos;
  while (cursor < text.size()) {
    size_t next = cursor;
    char digit = RomanDigit(DecodeAt(text, next));
    if (!digit) break;
    latin.push_back(digit);
    cursor = next;
  }
  if (LatinRomanValue(latin) == 0) return "";
  pos = cursor;
  return latin;
}

bool IsLowerRomanLetter(char c) { return c == 'i' || c == 'v' || c == 'x'; }

// After a label: a space (consumed) or the end of the text. Returns false otherwise.
bool EndsLabel(std::string_view text, size_t& pos) {
  if (pos == text.size()) return true;
  if (text[pos] == ' ') {
    ++pos;
    return true;
  }
  return false;
}

char32_t PeekCodePoint(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  return DecodeAt(text, pos);
}

std::optional<ListLabel> Make(LabelStyle style, std::string_view text, size_t label_end,
                              size_t consumed, std::string value, int ordinal) {
  ListLabel label;
  label.style = style;
  label.text = std::string(text.substr(0, label_end));
  label.value = std::move(value);
  label.ordinal = ordinal;
  label.length = consumed;
  return label;
}

std::optional<ListLabel> ParseKeyword(std::string_view text) {
  for (const Keyword& keyword : kKeywords) {
    if (text.size() <= keyword.word.size() + 1 ||
        text.substr(0, keyword.word.size()) != keyword.word || text[keyword.word.size()] != ' ') {
      continue;
    }
    size_t pos = keyword.word.size() + 1;
    std::string value;
    int ordinal = 0;
    size_t digits = pos;
    while (digits < text.size() && IsDigit(static_cast<unsigned char>(text[digits]))) ++digits;
    if (digits > pos && digits - pos <= 3) {
      value = std::string(text.substr(pos, digits - pos));
      ordinal = std::stoi(value);
      pos = digits;
    } else {
      value = ReadRoman(text, pos);
      if (value.empty()) continue;
      ordinal = LatinRomanValue(value);
    }
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ':')) ++pos;
    size_t label_end = pos;
    if (!EndsLabel(text, pos)) continue;
    return Make(keyword.style, text, label_end, pos, value, ordinal);
  }
  return std::nullopt;
}

std::optional<ListLabel> ParseBullet(std::string_view text) {
  size_t pos = 0;
  char32_t c = DecodeAt(text, pos);
  switch (c) {
    case U'•':
    case U'●':
    case U'▪':
    case U'■':
    case U'◦':
    case U'○':
    case U'·':
    case U'–':
    case U'—':
    case U'-':
    case U'*':
    case U'\uF0B7':
    case U'➢':
    case U'✓':
      break;
    case 'o':
      if (pos >= text.size()) return std::nullopt;  // "o" as a bullet needs text after it
      break;
    default:
      return std::nullopt;
  }
  size_t label_end = pos;
  if (pos == text.size() || text[pos] != ' ') return std::nullopt;
  ++pos;
  return Make(LabelStyle::kBullet, text, label_end, pos, "", 0);
}

// "1.", "12)", "1.2.", "1.2" followed by a space and not by a lower-case word.
std::optional<ListLabel> ParseArabic(std::string_view text) {
  size_t pos = 0;
  std::string value;
  int first = 0;
  for (int level = 0; level < 4; ++level) {
    size_t start = pos;
    while (pos < text.size() && IsDigit(static_cast<unsigned char>(text[pos]))) ++pos;
    if (pos == start || pos - start > 3) return std::nullopt;
    if (level == 0) first = std::stoi(std::string(text.substr(start, pos - start)));
    if (!value.empty()) value.push_back('.');
    value.append(text.substr(start, pos - start));
    if (pos < text.size() && text[pos] == '.' && pos + 1 < text.size() &&
        IsDigit(static_cast<unsigned char>(text[pos + 1]))) {
      ++pos;
      continue;
    }
    break;
  }
  if (pos < text.size() && (text[pos] == '.' || text[pos] == ')')) {
    ++pos;
  } else if (value.find('.') == std::string::npos) {
    return std::nullopt;  // a bare number is a quantity, not a label
  }
  size_t label_end = pos;
  if (!EndsLabel(text, pos)) return std::nullopt;
  char32_t next = PeekCodePoint(text, pos);
  if (IsLower(next)) return std::nullopt;
  return Make(LabelStyle::kArabic, text, label_end, pos, value, first);
}

// "a)", "(a)", "a.", "A.", "(iv)", "ii.", Cyrillic letters too.
std::optional<ListLabel> ParseLettered(std::string_view text) {
  size_t pos = 0;
  bool open = text[0] == '(';
  if (open) ++pos;
  if (pos >= text.size()) return std::nullopt;
  // A run of lower-case roman letters, or a single letter.
  size_t roman_end = pos;
  while (roman_end < text.size() && IsLowerRomanLetter(text[roman_end])) ++roman_end;
  std::string roman(text.substr(pos, roman_end - pos));
  std::string upper_roman;
  for (char c : roman) upper_roman.push_back(static_cast<char>(c - 'a' + 'A'));
  int roman_value = LatinRomanValue(upper_roman);
  size_t closer = roman_end;
  bool is_roman = roman_value > 0 && roman_end > pos;
  if (is_roman && (closer >= text.size() || (text[closer] != ')' && text[closer] != '.'))) {
    is_roman = false;
  }
  LabelStyle style;
  std::string value;
  int ordinal;
  bool ambiguous = false;
  if (is_roman) {
    style = LabelStyle::kRomanLower;
    value = roman;
    ordinal = roman_value;
    ambiguous = roman.size() == 1;
  } else {
    size_t letter_start = pos;
    char32_t letter = DecodeAt(text, pos);
    if (!IsLetter(letter)) return std::nullopt;
    closer = pos;
    value = std::string(text.substr(letter_start, pos - letter_start));
    if (IsLower(letter)) {
      style = LabelStyle::kAlphaLower;
      ordinal = letter < 0x80 ? static_cast<int>(letter - 'a' + 1)
                              : static_cast<int>(letter - U'а' + 1);  // Cyrillic а
    } else {
      style = LabelStyle::kAlphaUpper;
      ordinal =
          letter < 0x80 ? static_cast<int>(letter - 'A' + 1) : static_cast<int>(letter - U'А' + 1);
    }
  }
  pos = closer;
  if (pos >= text.size()) return std::nullopt;
  if (open) {
    if (text[pos] != ')') return std::nullopt;
  } else if (text[pos] != ')' && text[pos] != '.') {
    return std::nullopt;
  }
  ++pos;
  size_t label_end = pos;
  if (pos >= text.size() || text[pos] != ' ') return std::nullopt;  // needs text after it
  ++pos;
  // "A. Smith" would be a name: an upper-case letter label must lead a capitalised word, and
  // lower-case labels may lead anything.
  auto label = Make(style, text, label_end, pos, value, ordinal);
  label->ambiguous = ambiguous;
  return label;
}

std::optional<ListLabel> ParseRoman(std::string_view text) {
  size_t pos = 0;
  std::string value = ReadRoman(text, pos);
  if (value.empty()) return std::nullopt;
  size_t label_end;
  if (pos < text.size() && (text[pos] == '.' || text[pos] == ')')) {
    ++pos;
    label_end = pos;
    if (!EndsLabel(text, pos)) return std::nullopt;
  } else {
    // Unpunctuated ("VIII Compensation"): a space and a capitalised word must follow.
    label_end = pos;
    if (pos >= text.size() || text[pos] != ' ') return std::nullopt;
    ++pos;
    if (!IsUpper(PeekCodePoint(text, pos))) return std::nullopt;
  }
  return Make(LabelStyle::kRoman, text, label_end, pos, value, LatinRomanValue(value));
}

}  // namespace

int LatinRomanValue(std::string_view s) {
  if (s.empty() || s.size() > 7) return 0;
  int total = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    int v = RomanDigitValue(s[i]);
    int next = i + 1 < s.size() ? RomanDigitValue(s[i + 1]) : 0;
    total += v < next ? -v : v;
  }
  // Reject malformed numerals such as "IIII" or "VX" by writing the value back.
  static constexpr std::array<std::string_view, 10> kUnits = {"",  "I",  "II",  "III",  "IV",
                                                              "V", "VI", "VII", "VIII", "IX"};
  static constexpr std::array<std::string_view, 6> kTens = {"", "X", "XX", "XXX", "XL", "L"};
  if (total <= 0 || total > 50) return 0;
  std::string canonical = std::string(kTens[total / 10]) + std::string(kUnits[total % 10]);
  return canonical == s ? total : 0;
}

std::optional<ListLabel> ParseListLabel(std::string_view text) {
  if (text.empty()) return std::nullopt;
  unsigned char first = static_cast<unsigned char>(text[0]);
  if (IsDigit(first)) return ParseArabic(text);
  if (auto keyword = ParseKeyword(text)) return keyword;
  if (auto roman = ParseRoman(text)) return roman;
  if (auto bullet = ParseBullet(text)) return bullet;
  return ParseLettered(text);
}

}  // namespace treaty::text
