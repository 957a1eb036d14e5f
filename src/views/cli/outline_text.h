// The indented outline of a document that `treaty parse --format text` prints for a person.
#pragma once

#include <string>

#include "document/node.h"

namespace treaty::views {

// One line per node down to points: "  sec_2__hcontainer_1  Military training" for headings,
// "    sec_2__para_3  Latvia will … (2 sentences)" for paragraphs and points, text shortened to
// `width` code points. The document's warnings are not in it: callers report them.
std::string OutlineText(const document::Document& doc, size_t width = 72);

}  // namespace treaty::views
