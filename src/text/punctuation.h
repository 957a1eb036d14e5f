// Punctuation questions both the text and document stages ask of a line or block.
#pragma once

#include <string_view>

namespace treaty::text {

// ) ] " ' ” ’ »: marks that may follow a sentence's final punctuation.
bool IsClosingMark(char32_t c);
// ( [ " ' “ ‘ « „: marks that may open a sentence before its first word.
bool IsOpeningMark(char32_t c);

// ' ’ ʼ: the marks a word such as "Ukraine's" or "п’ять" may hold inside it.
bool IsApostrophe(char32_t c);

// The last code point of `s` that is not a closing mark, or 0 when there is none.
char32_t LastSignificant(std::string_view s);

// True when `s` ends (before any closing marks) with . ! ? ; : or …
bool EndsSentence(std::string_view s);

// True when `s` has at least three letters and none in lower case: a title or heading in capitals.
bool IsAllCaps(std::string_view s);

}  // namespace treaty::text
