// Hand-built document nodes, for tests of the stages after the parser that must not depend on it.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "document/node.h"

namespace treaty::test {

inline document::Node MakeNode(document::NodeType type, std::string eid, std::string num,
                               std::string heading, std::string text,
                               std::vector<document::Node> children = {}) {
  document::Node node;
  node.type = type;
  node.eid = std::move(eid);
  node.num = std::move(num);
  node.heading = std::move(heading);
  node.text = std::move(text);
  node.children = std::move(children);
  return node;
}

// `node` with a span of its own starting at `begin` on source line `line`, every field distinct,
// so that a round trip that mixes two fields up is caught.
inline document::Node WithSpan(document::Node node, size_t begin, int line) {
  node.begin = begin;
  node.end = begin + 10 + node.text.size();
  node.source_begin = begin + 3;
  node.source_end = node.end + 7;
  node.first_line = line;
  node.last_line = line + 2;
  return node;
}

}  // namespace treaty::test
