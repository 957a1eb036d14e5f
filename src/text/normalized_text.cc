#include "text/normalized_text.h"

#include <algorithm>

namespace treaty::text {

std::string_view LayoutName(Layout layout) {
  return layout == Layout::kPdfTextLayer ? "pdf-text-layer" : "paragraph-per-line";
}

std::optional<Layout> ParseLayoutName(std::string_view name) {
  for (Layout layout : {Layout::kPdfTextLayer, Layout::kOneParagraphPerLine}) {
    if (LayoutName(layout) == name) return layout;
  }
  return std::nullopt;
}

int NormalizedText::LineAt(size_t source_offset) const {
  return static_cast<int>(std::upper_bound(line_starts.begin(), line_starts.end(), source_offset) -
                          line_starts.begin());
}

}  // namespace treaty::text
