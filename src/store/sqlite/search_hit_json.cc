#include "store/sqlite/search_hit_json.h"

#include <algorithm>

#include "text/language.h"

namespace treaty::store {
namespace {

// A snippet holds about this many bytes: the context before the first match, then what follows.
constexpr size_t kSnippetBytes = 240;
constexpr size_t kContextBefore = 80;
constexpr std::string_view kEllipsis = "…";

// A window of an entry's text, [begin, end), cut at spaces.
struct Window {
  size_t begin = 0;
  size_t end = 0;
};

// The window around the first match: the whole text when it is short; otherwise kContextBefore
// bytes before the first match and the rest up to kSnippetBytes, widened to whole words.
Window SnippetWindow(std::string_view text, const std::vector<TextRange>& matches) {
  if (text.size() <= kSnippetBytes) return {0, text.size()};
  const size_t first = matches.empty() ? 0 : matches.front().begin;
  size_t begin = first > kContextBefore ? first - kContextBefore : 0;
  if (begin > 0) {
    const size_t space = text.find(' ', begin);
    begin = space == std::string_view::npos || space >= first ? first : space + 1;
  }
  size_t end = std::max(begin + kSnippetBytes, matches.empty() ? 0 : matches.front().end);
  if (end >= text.size()) return {begin, text.size()};
  const size_t space = text.find(' ', end);
  return {begin, space == std::string_view::npos ? text.size() : space};
}

}  // namespace

std::string Snippet(std::string_view text, const std::vector<TextRange>& matches,
                    std::string_view open, std::string_view close) {
  const Window window = SnippetWindow(text, matches);
  std::string snippet;
  if (window.begin > 0) snippet += kEllipsis;
  size_t pos = window.begin;
  for (const TextRange& match : matches) {
    if (match.begin < pos || match.end > window.end) continue;
    snippet.append(text.substr(pos, match.begin - pos));
    snippet.append(open).append(text.substr(match.begin, match.end - match.begin)).append(close);
    pos = match.end;
  }
  snippet.append(text.substr(pos, window.end - pos));
  if (window.end < text.size()) snippet += kEllipsis;
  return snippet;
}

nlohmann::json SearchHitJson(const SearchHit& hit) {
  const SearchEntry& entry = hit.entry;
  nlohmann::json matches = nlohmann::json::array();
  for (const TextRange& match : hit.matches) {
    matches.push_back({{"start", match.begin},
                       {"end", match.end},
                       {"text", entry.text.substr(match.begin, match.end - match.begin)}});
  }
  return {{"agreement", entry.agreement_id},
          {"kind", entry.kind},
          {"id", entry.id},
          {"eId", entry.eid},
          {"language", text::LanguageCode(entry.language)},
          {"heading", entry.heading_path},
          {"exact", hit.exact},
          {"score", hit.score},
          {"text", entry.text},
          {"snippet", Snippet(entry.text, hit.matches, "", "")},
          {"matches", std::move(matches)}};
}

}  // namespace treaty::store
