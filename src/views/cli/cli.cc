#include <CLI/CLI.hpp>

#include "views/cli/commands.h"

namespace treaty::views {

namespace {

// CLI11 validator for --lang.
const CLI::Validator kLanguage =
    CLI::IsMember({"lv", "en", "uk"}).description("lv, en or uk; detected when not given");

}  // namespace

int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"treaty: an international agreement as structured, checkable data"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "treaty 0.1.0");

  ParseOptions parse;
  std::string parse_language;
  CLI::App* parse_cmd =
      app.add_subcommand("parse",
                         "Parse an agreement's text into its structure (text stage and "
                         "document stage) and print it");
  parse_cmd->add_option("FILE", parse.file, "plain-text agreement (UTF-8)")->required();
  parse_cmd->add_option("--lang", parse_language, "language of the text")->check(kLanguage);
  parse_cmd->add_option("--format", parse.format, "json, text (an outline) or akn (Akoma Ntoso)")
      ->check(CLI::IsMember({"json", "text", "akn"}))
      ->capture_default_str();

  ExtractOptions extract;
  std::string extract_language;
  CLI::App* extract_cmd = app.add_subcommand(
      "extract",
      "Find the money, percentages, dates, years, periods, durations, recurrences, counts and "
      "references in an agreement's text");
  extract_cmd->add_option("FILE", extract.file, "plain-text agreement (UTF-8)")->required();
  extract_cmd->add_option("--lang", extract_language, "language of the text")->check(kLanguage);
  extract_cmd->add_option("--format", extract.format, "jsonl (one JSON object per line) or text")
      ->check(CLI::IsMember({"jsonl", "text"}))
      ->capture_default_str();

  AlignOptions align;
  CLI::App* align_cmd = app.add_subcommand(
      "align", "Align two language versions node by node and report where they differ");
  align_cmd->add_option("LEFT", align.left_file, "one language version")->required();
  align_cmd->add_option("RIGHT", align.right_file, "the other (usually the prevailing one)")
      ->required();
  align_cmd->add_option("--format", align.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  align_cmd->add_flag("--all", align.all, "text: list every pair, not only the problems");

  LoadOptions load{"data/agreements/lv-ua-2024", "var/treaty.sqlite"};
  CLI::App* load_cmd = app.add_subcommand(
      "load", "Parse an agreement package (agreement.json and its texts) into a SQLite database");
  load_cmd->add_option("PACKAGE", load.package_folder, "folder holding agreement.json")
      ->capture_default_str();
  load_cmd->add_option("--db", load.database, "SQLite database file")->capture_default_str();

  OverviewOptions overview{"var/treaty.sqlite", ""};
  CLI::App* overview_cmd = app.add_subcommand(
      "overview", "Print a stored agreement's key facts, texts, alignment and outline");
  overview_cmd->add_option("--db", overview.database, "SQLite database file")
      ->capture_default_str();
  overview_cmd->add_option("--agreement", overview.agreement, "agreement id, e.g. lv-ua-2024");

  CommitmentsOptions commitments;
  std::string commitments_agreement;
  CLI::App* commitments_cmd = app.add_subcommand(
      "commitments",
      "List an agreement's commitments: who promises what to whom, how firmly, with which "
      "targets and conditions, quoted in each language");
  commitments_cmd
      ->add_option("--agreement", commitments_agreement,
                   "bundled agreement id: reads data/agreements/ID")
      ->excludes(commitments_cmd->add_option("--package", commitments.package_folder,
                                             "agreement package folder (holds agreement.json)")
                     ->capture_default_str());
  commitments_cmd->add_option("--lang", commitments.language, "show quotes in this language only")
      ->check(kLanguage);
  commitments_cmd->add_option("--format", commitments.format, "text, jsonl or csv")
      ->check(CLI::IsMember({"text", "jsonl", "csv"}))
      ->capture_default_str();
  commitments_cmd->add_option("--area", commitments.area,
                              "section number (2), eId prefix or words of a heading");
  commitments_cmd->add_option("--obligor", commitments.obligor, "LV, UA or both");
  commitments_cmd->add_option("--strength", commitments.strength, "strength")
      ->check(CLI::IsMember({"commits", "will", "continues", "endeavours", "considers", "may"}));
  commitments_cmd->add_option("--category", commitments.category, "category")
      ->check(CLI::IsMember({"military", "financial", "reconstruction", "humanitarian",
                             "political", "legal", "economic", "procedural"}));
  commitments_cmd
      ->add_option("--class", commitments.sentence_class,
                   "commitment, procedure, statement, context or all (default: commitments and "
                   "procedures)")
      ->check(CLI::IsMember({"commitment", "procedure", "statement", "context", "all"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e, out, err);
    return code == 0 ? kExitOk : kExitBadInput;
  }
  if (parse_cmd->parsed()) {
    if (!parse_language.empty()) parse.language = text::ParseLanguageCode(parse_language);
    return RunParse(parse, out, err);
  }
  if (extract_cmd->parsed()) {
    if (!extract_language.empty()) extract.language = text::ParseLanguageCode(extract_language);
    return RunExtract(extract, out, err);
  }
  if (align_cmd->parsed()) return RunAlign(align, out, err);
  if (commitments_cmd->parsed()) {
    if (!commitments_agreement.empty())
      commitments.package_folder = "data/agreements/" + commitments_agreement;
    return RunCommitments(commitments, out, err);
  }
  if (load_cmd->parsed()) return RunLoad(load, out, err);
  return RunOverview(overview, out, err);
}

}  // namespace treaty::views
