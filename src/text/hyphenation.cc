#include "text/hyphenation.h"

#include "text/dictionary.h"
#include "text/utf8.h"

namespace treaty::text {

Hyphenation::Hyphenation(Language language) : language_(language) {}

bool Hyphenation::KeepsHyphen(std::string_view left, std::string_view right) const {
  size_t first = 0;
  if (right.empty() || IsUpper(DecodeAt(right, first))) return true;
  // Without a dictionary no joined word is known, so the hyphen stays.
  std::string joined(left);
  joined += right;
  if (!IsDictionaryWord(language_, joined)) return true;
  return IsDictionaryWord(language_, left) && IsDictionaryWord(language_, right);
}

}  // namespace treaty::text
