// The text stage's output: the source rebuilt as one logical paragraph ("block") per line of
// normalised UTF-8, with a map from every normalised byte back to the source file.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/language.h"
#include "text/offset_map.h"

namespace treaty::text {

enum class Layout {
  kPdfTextLayer,         // one printed line per line; blank runs are paragraph or page breaks
  kOneParagraphPerLine,  // DOCX conversions: each line is a paragraph
};
std::string_view LayoutName(Layout layout);  // "pdf-text-layer", "paragraph-per-line"
std::optional<Layout> ParseLayoutName(std::string_view name);  // the inverse of LayoutName

enum class BlockKind {
  kBody,      // a paragraph, heading or list item of the agreement
  kFootnote,  // a footnote printed at the foot of a PDF page
};

struct Block {
  BlockKind kind = BlockKind::kBody;
  size_t begin = 0;  // [begin, end) in NormalizedText::text; never contains '\n'
  size_t end = 0;
  int first_line = 0;  // 1-based line numbers in the source file
  int last_line = 0;
  std::string marker;  // kFootnote: its number as printed above it ("1"); empty when none
};

struct NormalizedText {
  std::string text;  // blocks joined by '\n': NFC, single spaces, no page numbers
  OffsetMap map;     // text offsets → source byte offsets
  std::vector<Block> blocks;
  std::vector<std::string> header_comments;  // leading "# key: value" lines (provenance notes)
  Layout layout = Layout::kOneParagraphPerLine;
  Language language = Language::kEnglish;  // as given, else as detected
  std::optional<Language> clearly_other;   // a language given that the text's letters contradict:
                                           // the one they show (ClearlyNot)
  std::optional<std::string> foreign_letters;  // detected text of none of the three: the
                                               // letters that show it (LettersOfNoneOfThem)
  size_t source_size = 0;
  std::vector<size_t> line_starts;  // source offset at which each source line begins, line 1 first

  std::string_view BlockText(const Block& block) const {
    return std::string_view(text).substr(block.begin, block.end - block.begin);
  }
  size_t SourceStart(size_t offset) const { return map.ToSource(offset); }
  size_t SourceEnd(size_t end) const { return map.ToSourceEnd(end); }
  // The 1-based source line that holds source byte `source_offset`.
  int LineAt(size_t source_offset) const;
};

}  // namespace treaty::text
