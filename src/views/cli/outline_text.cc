#include "views/cli/outline_text.h"

#include <fmt/format.h>

#include "text/utf8.h"

namespace treaty::views {

namespace {

void AppendOutline(const document::Node& node, int indent, size_t width, std::string& out) {
  using document::Node;
  using document::NodeType;
  std::string pad(static_cast<size_t>(2 * indent), ' ');
  std::string num = node.num.empty() ? "" : node.num + " ";
  switch (node.type) {
    case NodeType::kSentence:
      return;
    case NodeType::kDocument:
    case NodeType::kBody:
      // The body's children are printed flush left, like the preamble.
      for (const Node& child : node.children) AppendOutline(child, indent, width, out);
      return;
    case NodeType::kTitle:
      out += fmt::format("{}title  {}\n", pad, node.text);
      return;
    case NodeType::kPreamble:
    case NodeType::kConclusions:
      out +=
          fmt::format("{}{}{}\n", pad, node.eid, node.heading.empty() ? "" : "  " + node.heading);
      break;
    default:
      if (document::IsHeadingContainer(node.type)) {
        out += fmt::format("{}{}  {}{}\n", pad, node.eid, num, node.heading);
      } else {
        size_t sentences = 0;
        for (const Node& child : node.children) sentences += child.type == NodeType::kSentence;
        std::string count = sentences > 1 ? fmt::format(" ({} sentences)", sentences) : "";
        out += fmt::format("{}{}  {}{}{}\n", pad, node.eid, num, text::Shorten(node.text, width),
                           count);
      }
  }
  for (const Node& child : node.children) AppendOutline(child, indent + 1, width, out);
}

}  // namespace

std::string OutlineText(const document::Document& doc, size_t width) {
  std::string out;
  AppendOutline(doc.root, 0, width, out);
  return out;
}

}  // namespace treaty::views
