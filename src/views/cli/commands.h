// The subcommands of the `treaty` binary. Each Run* function writes its result to `out`, its
// diagnostics to `err`, and returns the process exit code: 0 on success, 2 when the input is bad
// (a missing or unreadable file, invalid text, a bad option value).
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "text/language.h"

namespace treaty::views {

inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 2;

struct ParseOptions {
  std::string file;
  std::optional<text::Language> language;  // detected when absent
  std::string format = "text";             // "json", "text" or "akn"
};
int RunParse(const ParseOptions& options, std::ostream& out, std::ostream& err);

struct AlignOptions {
  std::string left_file;
  std::string right_file;
  std::string format = "text";  // "text" or "json"
  bool all = false;             // text: list every pair, not only the problems
};
int RunAlign(const AlignOptions& options, std::ostream& out, std::ostream& err);

struct ExtractOptions {
  std::string file;
  std::optional<text::Language> language;  // detected when absent
  std::string format = "jsonl";            // "jsonl" or "text"
};
// Prints the expressions of a plain-text agreement; dates that cannot exist are warnings.
int RunExtract(const ExtractOptions& options, std::ostream& out, std::ostream& err);

struct LoadOptions {
  std::string package_folder;  // holds agreement.json
  std::string database;        // SQLite file, created when missing
};
int RunLoad(const LoadOptions& options, std::ostream& out, std::ostream& err);

struct OverviewOptions {
  std::string database;
  std::string agreement;  // empty: the only stored agreement
};
int RunOverview(const OverviewOptions& options, std::ostream& out, std::ostream& err);

struct CommitmentsOptions {
  std::string package_folder = "data/agreements/lv-ua-2024";
  std::string language;         // quotes shown in text: "lv", "en"; empty: all
  std::string format = "text";  // "jsonl", "text" or "csv"
  std::string area;             // section number, eId prefix or words of a heading
  std::string obligor;          // "LV", "UA", "both"
  std::string strength;         // "commits", "will", ...
  std::string category;         // "military", ...
  std::string sentence_class;   // "commitment", "procedure", "statement", "context", "all";
                                // empty: commitments and procedures
};
// Prints an agreement's commitments, as reviewed.
int RunCommitments(const CommitmentsOptions& options, std::ostream& out, std::ostream& err);

// Parses argv (argv[0] is the program) and runs the chosen subcommand; help, usage errors and
// results go to `out` and `err`.
int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace treaty::views
