#include "text/normalized_text.h"

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

}  // namespace treaty::text
