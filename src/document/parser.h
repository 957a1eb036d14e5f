// Entry point of the document stage.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "document/node.h"
#include "text/normalized_text.h"

namespace treaty::document {

// Builds the tree of `text`. Never fails: text without recognisable structure becomes one body of
// paragraphs, with a warning.
Document BuildDocument(const text::NormalizedText& text, std::string_view source_name);

// Reads, normalises and builds `path`. Errors are those of the text stage.
Result<Document> ParseFile(const std::string& path,
                           std::optional<text::Language> language = std::nullopt);

// Same, for bytes already in memory; `name` labels errors and the document.
Result<Document> ParseBytes(std::string_view bytes, std::string_view name,
                            std::optional<text::Language> language = std::nullopt);

}  // namespace treaty::document
