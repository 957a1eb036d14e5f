#include "views/export/document_json.h"

namespace treaty::views {

namespace {

nlohmann::ordered_json NodeJson(const document::Node& node) {
  nlohmann::ordered_json out;
  if (!node.eid.empty()) out["eId"] = node.eid;
  out["type"] = document::NodeTypeName(node.type);
  if (!node.num.empty()) out["num"] = node.num;
  if (!node.heading.empty()) out["heading"] = node.heading;
  if (!node.text.empty()) out["text"] = node.text;
  out["source"] = {{"start", node.source_begin}, {"end", node.source_end}};
  out["lines"] = {{"first", node.first_line}, {"last", node.last_line}};
  if (!node.children.empty()) {
    nlohmann::ordered_json children = nlohmann::ordered_json::array();
    for (const document::Node& child : node.children) children.push_back(NodeJson(child));
    out["children"] = std::move(children);
  }
  return out;
}

}  // namespace

nlohmann::ordered_json DocumentJson(const document::Document& doc) {
  nlohmann::ordered_json out;
  out["source"] = doc.source_name;
  out["language"] = text::LanguageCode(doc.language);
  out["layout"] = text::LayoutName(doc.layout);
  out["size"] = doc.source_size;
  out["warnings"] = doc.warnings;
  out["notes_from_converter"] = doc.header_comments;
  out["document"] = NodeJson(doc.root);
  return out;
}

nlohmann::ordered_json AlignmentJson(const document::Alignment& alignment) {
  nlohmann::ordered_json out;
  out["left"] = alignment.left_language;
  out["right"] = alignment.right_language;
  out["one_to_one"] = alignment.OneToOneCount();
  nlohmann::ordered_json pairs = nlohmann::ordered_json::array();
  for (const document::AlignedPair& pair : alignment.pairs) {
    pairs.push_back({{alignment.left_language, pair.left}, {alignment.right_language, pair.right}});
  }
  out["pairs"] = std::move(pairs);
  out["problems"] = alignment.Problems();
  return out;
}

}  // namespace treaty::views
