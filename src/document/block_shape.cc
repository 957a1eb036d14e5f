#include "document/block_shape.h"

#include <unicode/unistr.h>

#include <string>

#include "text/punctuation.h"
#include "text/utf8.h"

namespace treaty::document {

namespace {

using text::DecodeAt;

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// True when `rest` has at most `max_words` words and kMaxHeadingChars per kMaxHeadingWords.
bool FitsHeading(std::string_view rest, size_t max_words) {
  size_t max_chars = kMaxHeadingChars * max_words / kMaxHeadingWords;
  return rest.size() <= max_chars * 2 && text::CountCodePoints(rest) <= max_chars &&
         CountWords(rest) <= max_words;
}

}  // namespace

BlockShape ShapeOf(std::string_view block_text) {
  BlockShape shape;
  shape.text = block_text;
  shape.label = text::ParseListLabel(block_text);
  shape.rest = shape.label ? block_text.substr(shape.label->length) : block_text;
  shape.all_caps = text::IsAllCaps(block_text);
  char32_t last = text::LastSignificant(block_text);
  shape.ends_with_colon = last == ':';
  shape.ends_with_period = last == '.';
  size_t first_pos = 0;
  char32_t first = shape.rest.empty() ? 0 : DecodeAt(shape.rest, first_pos);
  shape.starts_lowercase = text::IsLower(first);
  bool opens = !shape.rest.empty() && !shape.starts_lowercase;
  bool final_punctuation = text::EndsSentence(block_text) || last == ',';
  bool short_text = FitsHeading(shape.rest, kMaxHeadingWords);
  shape.heading_like = opens && !final_punctuation && short_text;
  shape.long_heading_like =
      opens && !final_punctuation && FitsHeading(shape.rest, kMaxLongHeadingWords);
  shape.colon_heading_like = opens && shape.ends_with_colon && short_text;
  shape.period_heading_like = opens && shape.ends_with_period && short_text;
  return shape;
}

bool IsPreambleHeading(std::string_view text) {
  return text == "Preamble" || text == "PREAMBLE" || text == "Преамбула" || text == "ПРЕАМБУЛА" ||
         text == "Preambula" || text == "PREAMBULA";
}

bool OpensSignature(std::string_view text) {
  return text.starts_with("For ") || text.starts_with("За ") || text.starts_with("Від ") ||
         text.find(" vārdā") != std::string_view::npos;
}

bool HasTitleWord(std::string_view text) {
  std::string folded;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .foldCase()
      .toUTF8String(folded);
  for (std::string_view word :
       {"agreement", "commitments", "statement", "treaty", "protocol", "arrangement", "memorandum",
        "declaration", "угода", "договір", "заява", "зобов", "vienošanās", "līgums", "memorands"}) {
    if (folded.find(word) != std::string::npos) return true;
  }
  return false;
}

}  // namespace treaty::document
