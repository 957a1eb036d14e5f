#include "commitments/cue_table.h"

namespace treaty::commitments {

void IndexCueTable(CueTable& t) {
  for (size_t i = 0; i < t.strengths.size(); ++i) t.strength_index.Add(t.strengths[i].pattern, i);
  for (size_t i = 0; i < t.intentions.size(); ++i)
    t.intention_index.Add(t.intentions[i].pattern, i);
  for (size_t i = 0; i < t.procedures.size(); ++i) t.procedure_index.Add(t.procedures[i], i);
  for (size_t i = 0; i < t.conditions.size(); ++i)
    t.condition_index.Add(t.conditions[i].pattern, i);
  for (size_t i = 0; i < t.categories.size(); ++i) t.category_index.Add(t.categories[i].pattern, i);
}

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
