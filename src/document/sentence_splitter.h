// Splits a paragraph into sentences.
//
// A sentence ends at ". ", "! ", "? " or "… " (closing quotes and brackets may follow the mark)
// when the next word starts with a capital letter, an opening quote or bracket, or a digit, and
// the word before the mark is not an abbreviation ("No.", "e.g.", "t.sk.", "ст.") or a single
// capital initial. Abbreviations of figures and months ("mil.", "bn.", "Jan.") are not ends when a
// number or a currency code follows ("400 mil. EUR", "1 Jan. 2024"). Ordinal numbers and dates
// ("2024. gada", "12. jūlija") are not ends because a lower-case word follows them. Hand-written
// rather than ICU's BreakIterator: these rules cover the agreements' three languages and keep the
// document stage above 50 MB/s.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace treaty::document {

struct SentenceSpan {
  size_t begin;  // byte offsets within the paragraph text
  size_t end;    // excludes the space after the sentence
};

std::vector<SentenceSpan> SplitSentences(std::string_view paragraph);
// Same, replacing the contents of `sentences` (whose capacity is reused).
void SplitSentences(std::string_view paragraph, std::vector<SentenceSpan>& sentences);

}  // namespace treaty::document
