// Decides whether a hyphen at the end of a printed line belongs to the word ("Euro-Atlantic",
// "full-scale") or only splits it ("imple-mentation"), using the language's Hunspell dictionary.
#pragma once

#include <string>
#include <string_view>

#include "text/language.h"

namespace treaty::text {

class Hyphenation {
 public:
  // Loads the dictionary of `language` from the system's Hunspell folder on first use.
  explicit Hyphenation(Language language);

  // True when "left-right" should stay hyphenated. The hyphen goes only when the joined word is
  // in the dictionary and one of the halves is not a word on its own; with no dictionary the
  // hyphen stays. `right` starting with a capital letter always keeps it.
  bool KeepsHyphen(std::string_view left, std::string_view right) const;

 private:
  Language language_;
};

}  // namespace treaty::text
