// The overview `treaty overview` prints: the agreement's key facts, its texts, how the language
// versions align, and the outline of the prevailing text.
#pragma once

#include <string>
#include <vector>

#include "document/agreement_package.h"
#include "document/node.h"

namespace treaty::views {

struct TextCounts {
  size_t headings = 0;  // numbered and unnumbered headings
  size_t sections = 0;  // top-level headings
  size_t paragraphs = 0;
  size_t points = 0;
  size_t sentences = 0;
};
TextCounts CountNodes(const document::Document& doc);

// REQUIRES: `texts` are the package's parsed texts, in any order.
std::string KeyFactsText(const document::AgreementPackage& package,
                         const std::vector<document::Document>& texts);

}  // namespace treaty::views
