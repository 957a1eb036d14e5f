// The document stage's output: an agreement as a tree of typed nodes, each with a stable Akoma
// Ntoso-style id (eId) and its span in the source file.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/language.h"
#include "text/normalized_text.h"

namespace treaty::document {

enum class NodeType {
  kDocument,     // the root
  kTitle,        // the agreement's title
  kPreamble,     // recitals before the first heading
  kBody,         // everything between the preamble and the conclusions
  kPart,         // "Part I", "Частина II"
  kChapter,      // "Chapter 1", "Розділ 1"
  kArticle,      // "Article 1", "Стаття 1"
  kSection,      // a numbered heading at the top level ("1. Scope", "II. Security")
  kSubsection,   // a numbered heading below another numbered heading
  kHcontainer,   // an unnumbered sub-heading ("Military training and joint exercises")
  kParagraph,    // a paragraph, numbered or not
  kPoint,        // a lettered, numbered or bulleted item of a list inside a paragraph
  kSentence,     // a sentence of a paragraph or point
  kConclusions,  // signature blocks
  kNote,         // a footnote; the last type (ParseNodeTypeName counts up to it)
};

// "document", "title", "preamble", "body", "part", "chapter", "article", "section",
// "subsection", "hcontainer", "paragraph", "point", "sentence", "conclusions", "note".
std::string_view NodeTypeName(NodeType type);
// The type NodeTypeName gives `name`, or nullopt.
std::optional<NodeType> ParseNodeTypeName(std::string_view name);

// True for the types that carry a heading and hold other nodes.
bool IsHeadingContainer(NodeType type);

// The eId of the node that holds the node `eid`, eIds being hierarchical: "sec_2__para_3" for
// "sec_2__para_3__point_a"; empty for a top-level node.
std::string_view ParentEid(std::string_view eid);
// True for the types of the body's hierarchy: heading containers, paragraphs and points.
bool IsHierarchical(NodeType type);

struct Node {
  NodeType type = NodeType::kParagraph;
  std::string eid;      // e.g. "sec_2__hcontainer_1__para_3"; empty for the root and body
  std::string num;      // the label as printed: "2.", "Part I.", "a)", "•"; may be empty
  std::string heading;  // heading text without its number (containers only)
  std::string text;     // the node's own words: a paragraph's or point's text, a sentence, a
                        // title; for a paragraph with points, the words before the first point
  size_t begin = 0;     // [begin, end) in the normalised text, descendants included
  size_t end = 0;
  size_t source_begin = 0;  // [source_begin, source_end) in the source file's bytes
  size_t source_end = 0;
  int first_line = 0;  // 1-based source lines
  int last_line = 0;
  std::vector<Node> children;
};

struct Document {
  text::Language language = text::Language::kEnglish;
  text::Layout layout = text::Layout::kOneParagraphPerLine;
  std::string source_name;  // the file it came from, as given
  size_t source_size = 0;
  std::vector<std::string> header_comments;
  std::vector<std::string> warnings;  // e.g. "no headings or numbered paragraphs recognised"
  // The language the text's letters clearly are, when a language given contradicts them.
  std::optional<text::Language> reads_as;
  Node root;  // NodeType::kDocument

  // The node with `eid`, or nullptr. Linear in the number of nodes.
  const Node* Find(std::string_view eid) const;
  // The title's text, or empty.
  std::string Title() const;
};

// Calls `visit(node, depth)` for `node` and every descendant in document order.
template <typename Visit>
void Walk(const Node& node, Visit&& visit, int depth = 0) {
  visit(node, depth);
  for (const Node& child : node.children) Walk(child, visit, depth + 1);
}

}  // namespace treaty::document
