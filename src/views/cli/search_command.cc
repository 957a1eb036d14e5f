#include "views/cli/search_command.h"

#include <algorithm>
#include <iostream>
#include <memory>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/sqlite/search_index.h"
#include "views/cli/commands.h"
#include "views/cli/ledger_database.h"
#include "views/cli/subcommands.h"
#include "views/cli/terminal.h"

namespace treaty::views {

namespace {

using store::SearchHit;
using store::TextRange;

// A snippet holds about this many bytes: the context before the first match, then what follows.
constexpr size_t kSnippetBytes = 240;
constexpr size_t kContextBefore = 80;
constexpr std::string_view kEllipsis = "…";
constexpr std::string_view kBoldOn = "\x1b[1m";
constexpr std::string_view kBoldOff = "\x1b[0m";

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

// The window's text with "…" where it cuts the entry, the matches in it between `open` and
// `close`.
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

std::string HeadingPath(const std::vector<std::string>& headings) {
  std::string path;
  for (const std::string& heading : headings) {
    if (!path.empty()) path += " › ";
    path += heading;
  }
  return path;
}

void PrintText(const std::vector<SearchHit>& hits, bool ansi, std::ostream& out) {
  if (hits.empty()) {
    out << "no matches\n";
    return;
  }
  for (size_t i = 0; i < hits.size(); ++i) {
    const store::SearchEntry& entry = hits[i].entry;
    if (i > 0) out << "\n";
    out << i + 1 << ". " << entry.agreement_id << " " << entry.kind << " " << entry.id;
    if (entry.eid != entry.id) out << " in " << entry.eid;
    out << " (" << text::LanguageCode(entry.language) << ")\n";
    if (!entry.heading_path.empty()) out << "   " << HeadingPath(entry.heading_path) << "\n";
    out << "   "
        << Snippet(entry.text, hits[i].matches, ansi ? kBoldOn : "[", ansi ? kBoldOff : "]")
        << "\n";
  }
}

void PrintJsonl(const std::vector<SearchHit>& hits, std::ostream& out) {
  for (const SearchHit& hit : hits) {
    const store::SearchEntry& entry = hit.entry;
    nlohmann::json matches = nlohmann::json::array();
    for (const TextRange& match : hit.matches) {
      matches.push_back({{"start", match.begin},
                         {"end", match.end},
                         {"text", entry.text.substr(match.begin, match.end - match.begin)}});
    }
    const nlohmann::json line = {{"agreement", entry.agreement_id},
                                 {"kind", entry.kind},
                                 {"id", entry.id},
                                 {"eId", entry.eid},
                                 {"language", text::LanguageCode(entry.language)},
                                 {"heading", entry.heading_path},
                                 {"exact", hit.exact},
                                 {"score", hit.score},
                                 {"text", entry.text},
                                 {"snippet", Snippet(entry.text, hit.matches, "", "")},
                                 {"matches", matches}};
    out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
}

}  // namespace

int RunSearch(const SearchOptions& options, std::ostream& out, std::ostream& err) {
  auto fail = [&err](const std::string& message) {
    err << "treaty search: " << message << "\n";
    return kExitBadInput;
  };
  if (options.format != "text" && options.format != "jsonl") {
    return fail("unknown format \"" + options.format + "\" (expected text or jsonl)");
  }
  if (std::string problem = TextsDatabaseProblem(options.database); !problem.empty()) {
    return fail(problem);
  }
  auto index = store::SearchIndex::Open(options.database, store::SqliteOpenMode::kReadExisting);
  if (!index.ok()) return fail(index.error().ToString());
  auto indexed = index.value()->Agreements();
  if (!indexed.ok()) return fail(indexed.error().ToString());
  if (indexed.value().empty()) {
    return fail(options.database + ": nothing is indexed (run treaty load)");
  }
  if (!options.agreement.empty() && std::find(indexed.value().begin(), indexed.value().end(),
                                              options.agreement) == indexed.value().end()) {
    return fail(options.database + ": agreement \"" + options.agreement +
                "\" is not indexed (run treaty load for it)");
  }
  if (options.language) {
    auto languages = index.value()->Languages(options.agreement);
    if (!languages.ok()) return fail(languages.error().ToString());
    if (std::optional<std::string> missing = text::MissingTextProblem(
            options.agreement.empty() ? options.database : options.agreement,
            text::LanguageCode(*options.language), languages.value())) {
      return fail("--lang: " + *missing);
    }
  }
  store::SearchQuery query{options.query, options.language, options.agreement, options.kind,
                           options.limit};
  auto hits = index.value()->Search(query);
  if (!hits.ok()) return fail(hits.error().message);
  if (options.format == "jsonl") {
    PrintJsonl(hits.value(), out);
  } else {
    PrintText(hits.value(), options.ansi, out);
  }
  return kExitOk;
}

Subcommand AddSearchSubcommand(CLI::App& app) {
  auto options = std::make_shared<SearchOptions>();
  auto language = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "search",
      "Find provisions and commitments by their words, in every language, ranked, with the "
      "matched words marked (the index is built by treaty load)");
  command->add_option("QUERY", options->query, "words to find")->required();
  command->add_option("--lang", *language, "only entries in this language")
      ->check(LanguageValidator());
  command->add_option("--db", options->database, "SQLite database file")->capture_default_str();
  command->add_option("--agreement", options->agreement, "agreement id; all when not given");
  command->add_option("--kind", options->kind, "provision or commitment; both when not given")
      ->check(CLI::IsMember({"provision", "commitment"}));
  command->add_option("--format", options->format, "text or jsonl")
      ->check(CLI::IsMember({"text", "jsonl"}))
      ->capture_default_str();
  command->add_option("--limit", options->limit, "at most this many hits")
      ->check(LimitValidator())
      ->capture_default_str();
  return {command, [options, language](std::ostream& out, std::ostream& err) {
            if (!language->empty()) options->language = text::ParseLanguageCode(*language);
            options->ansi = &out == &std::cout && StdoutIsTerminal();
            return RunSearch(*options, out, err);
          }};
}

}  // namespace treaty::views
