// The JSON form of a parsed document that `treaty parse --format json` prints.
#pragma once

#include <nlohmann/json.hpp>

#include "document/alignment.h"
#include "document/node.h"

namespace treaty::views {

// {"source", "language", "layout", "size", "warnings", "notes_from_converter", "document"}, where
// "document" is the tree: each node has "type", "eId" (absent on the root and the body), "num",
// "heading" and "text" where it has them, "source" {"start", "end"} (byte offsets into the source
// file), "lines" {"first", "last"} and "children".
nlohmann::ordered_json DocumentJson(const document::Document& doc);

// {"left", "right", "one_to_one", "pairs": [{"left": [...], "right": [...]}], "problems": [...]}.
nlohmann::ordered_json AlignmentJson(const document::Alignment& alignment);

}  // namespace treaty::views
