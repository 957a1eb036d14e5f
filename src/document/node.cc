#include "document/node.h"

namespace treaty::document {

std::string_view NodeTypeName(NodeType type) {
  switch (type) {
    case NodeType::kDocument:
      return "document";
    case NodeType::kTitle:
      return "title";
    case NodeType::kPreamble:
      return "preamble";
    case NodeType::kBody:
      return "body";
    case NodeType::kPart:
      return "part";
    case NodeType::kChapter:
      return "chapter";
    case NodeType::kArticle:
      return "article";
    case NodeType::kSection:
      return "section";
    case NodeType::kSubsection:
      return "subsection";
    case NodeType::kHcontainer:
      return "hcontainer";
    case NodeType::kParagraph:
      return "paragraph";
    case NodeType::kPoint:
      return "point";
    case NodeType::kSentence:
      return "sentence";
    case NodeType::kConclusions:
      return "conclusions";
    case NodeType::kNote:
      return "note";
  }
  return "node";
}

std::optional<NodeType> ParseNodeTypeName(std::string_view name) {
  for (int i = 0; i <= static_cast<int>(NodeType::kNote); ++i) {
    NodeType type = static_cast<NodeType>(i);
    if (NodeTypeName(type) == name) return type;
  }
  return std::nullopt;
}

bool IsHierarchical(NodeType type) {
  return IsHeadingContainer(type) || type == NodeType::kParagraph || type == NodeType::kPoint;
}

std::string_view ParentEid(std::string_view eid) {
  const size_t cut = eid.rfind("__");
  return cut == std::string_view::npos ? std::string_view() : eid.substr(0, cut);
}

bool IsHeadingContainer(NodeType type) {
  switch (type) {
    case NodeType::kPart:
    case NodeType::kChapter:
    case NodeType::kArticle:
    case NodeType::kSection:
    case NodeType::kSubsection:
    case NodeType::kHcontainer:
      return true;
    default:
      return false;
  }
}

namespace {

const Node* FindIn(const Node& node, std::string_view eid) {
  if (node.eid == eid) return &node;
  for (const Node& child : node.children) {
    if (const Node* found = FindIn(child, eid)) return found;
  }
  return nullptr;
}

}  // namespace

const Node* Document::Find(std::string_view eid) const {
  return eid.empty() ? nullptr : FindIn(root, eid);
}

std::string Document::Title() const {
  for (const Node& child : root.children) {
    if (child.type == NodeType::kTitle) return child.text;
  }
  return "";
}

}  // namespace treaty::document
