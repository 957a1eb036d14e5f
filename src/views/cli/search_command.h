// `treaty search QUERY`: finds provisions and commitments by their words in the search index that
// `treaty load` builds (store/sqlite/search_index.h) and prints each hit with its agreement, kind,
// id, language, heading path and a snippet with the matched words marked.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>

#include "text/language.h"

namespace treaty::views {

struct SearchOptions {
  std::string query;                       // words; FTS5 syntax in it is taken literally
  std::optional<text::Language> language;  // only entries in this language; all when absent
  std::string database = "var/treaty.sqlite";
  std::string agreement;        // agreement id; every indexed agreement when empty
  std::string kind;             // "provision" or "commitment"; both when empty
  std::string format = "text";  // "text" or "jsonl"
  size_t limit = 20;            // at most this many hits; at least 1
  // text: mark matched words in ANSI bold instead of [brackets]. Set it when stdout is a terminal
  // (StdoutIsTerminal(), terminal.h), never when the output goes to a file or a pipe.
  bool ansi = false;
};

// Prints the hits, best first: exact-word matches, then by bm25. Formats:
// - text: per hit, a line "N. AGREEMENT KIND ID (LANG)" (a commitment adds "in EID"), a line with
//   the heading path joined by " › ", and the snippet with the matched words marked; "no matches"
//   when there are none.
// - jsonl: one object per hit with agreement, kind, id, eId, language, heading (array), exact,
//   score, text (the entry's words), snippet (plain) and matches ({start, end, text}: byte ranges
//   of the matched words in text).
// Returns kExitOk (also with no hits) or kExitBadInput: an empty query or one that is only
// punctuation or symbols, a bad option value, a missing database, an agreement not indexed.
int RunSearch(const SearchOptions& options, std::ostream& out, std::ostream& err);

}  // namespace treaty::views
