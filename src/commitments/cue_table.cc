#include "commitments/cue_table.h"

namespace treaty::commitments {

const CueTable* CueTableFor(text::Language language) {
  switch (language) {
    case text::Language::kEnglish:
      return &EnglishCues();
    case text::Language::kLatvian:
      return &LatvianCues();
    case text::Language::kUkrainian:
      return nullptr;
  }
  return nullptr;
}

}  // namespace treaty::commitments
