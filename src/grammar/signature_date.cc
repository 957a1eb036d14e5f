#include "grammar/signature_date.h"

#include <array>
#include <string_view>

#include "text/search_words.h"

namespace treaty::grammar {

std::string SignatureDateOf(const ExtractedText& text) {
  // The words a signing clause opens with, folded as text::FoldForSearch folds them.
  static const std::array<std::string, 8> kOpenings = {
      text::FoldForSearch("Signed"),
      text::FoldForSearch("Done"),
      text::FoldForSearch("Parakstīts"),
      text::FoldForSearch("Parakstīta"),
      text::FoldForSearch("Vienošanās ir parakstīta"),
      text::FoldForSearch("Вчинено"),
      text::FoldForSearch("Учинено"),
      text::FoldForSearch("Підписано")};
  for (auto it = text.expressions.found.rbegin(); it != text.expressions.found.rend(); ++it) {
    // A whole date only: a work's date is an xsd:date, which "April 2024" is not.
    if (it->value.kind != Kind::kDate || it->value.date.day == 0) continue;
    const document::Node* node = text.doc.Find(it->eid);
    if (node == nullptr) continue;
    const std::string words = text::FoldForSearch(node->text);
    for (const std::string& opening : kOpenings) {
      if (words.starts_with(opening + " ")) {
        return it->value.date.ToString();
      }
    }
  }
  return "";
}

}  // namespace treaty::grammar
