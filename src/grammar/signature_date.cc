#include "grammar/signature_date.h"

#include <array>
#include <string_view>

#include <fmt/format.h>

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
    if (it->value.kind != Kind::kDate) continue;
    const document::Node* node = text.doc.Find(it->eid);
    if (node == nullptr) continue;
    const std::string words = text::FoldForSearch(node->text);
    for (const std::string& opening : kOpenings) {
      if (words.starts_with(opening + " ")) {
        const CalendarDate& date = it->value.date;
        return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
      }
    }
  }
  return "";
}

}  // namespace treaty::grammar
