// What a search hit is shown as: a snippet of its text around its matches (`treaty search`'s text
// output), and its JSON, the same for `treaty search --format jsonl` and GET /api/v1/search.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/sqlite/search_index.h"

namespace treaty::store {

// About 240 bytes of `text` around its first match, widened to whole words, with "…" where it
// cuts the text and the matches between `open` and `close` (none when both are empty).
std::string Snippet(std::string_view text, const std::vector<TextRange>& matches,
                    std::string_view open, std::string_view close);

// agreement, kind, id, eId, language, heading, exact, score, text, snippet (unmarked), and
// matches (start, end and text of each, in bytes of `text`).
nlohmann::json SearchHitJson(const SearchHit& hit);

}  // namespace treaty::store
