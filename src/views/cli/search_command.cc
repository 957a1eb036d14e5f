#include "views/cli/search_command.h"

#include <algorithm>
#include <iostream>
#include <memory>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/sqlite/search_hit_json.h"
#include "store/sqlite/search_index.h"
#include "text/utf8.h"
#include "views/cli/commands.h"
#include "views/cli/ledger_database.h"
#include "views/cli/subcommands.h"
#include "views/cli/terminal.h"

namespace treaty::views {

namespace {

using store::SearchHit;

constexpr std::string_view kBoldOn = "\x1b[1m";
constexpr std::string_view kBoldOff = "\x1b[0m";

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
        << store::Snippet(entry.text, hits[i].matches, ansi ? kBoldOn : "[", ansi ? kBoldOff : "]")
        << "\n";
  }
}

void PrintJsonl(const std::vector<SearchHit>& hits, std::ostream& out) {
  for (const SearchHit& hit : hits) {
    out << store::SearchHitJson(hit).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
        << "\n";
  }
}

}  // namespace

int RunSearch(const SearchOptions& options, std::ostream& out, std::ostream& err) {
  auto fail = [&err](const std::string& message) {
    err << "treaty search: " << message << "\n";
    return kExitBadInput;
  };
  if (std::optional<std::string> problem = text::InvalidUtf8Problem(options.query)) {
    return fail("QUERY: " + *problem);
  }
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
