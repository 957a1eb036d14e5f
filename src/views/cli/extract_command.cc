#include <memory>

#include <fmt/format.h>

#include "grammar/expressions.h"
#include "text/source_reader.h"
#include "views/cli/commands.h"
#include "views/cli/expression_table.h"
#include "views/cli/subcommands.h"

namespace treaty::views {

int RunExtract(const ExtractOptions& options, std::ostream& out, std::ostream& err) {
  Result<std::string> bytes = text::ReadFile(options.file);
  if (!bytes.ok()) {
    err << "treaty extract: " << bytes.error().ToString() << "\n";
    return kExitBadInput;
  }
  Result<grammar::ExtractedText> extracted =
      grammar::ExtractFromBytes(bytes.value(), options.file, options.language);
  if (!extracted.ok()) {
    err << "treaty extract: " << extracted.error().ToString() << "\n";
    return kExitBadInput;
  }
  for (const std::string& warning : extracted.value().doc.warnings) {
    err << "treaty extract: warning: " << options.file << ": " << warning << "\n";
  }
  const grammar::Expressions& expressions = extracted.value().expressions;
  for (const grammar::Expression& bad : expressions.bad_dates) {
    err << fmt::format("treaty extract: warning: {}:{}: not a date: \"{}\" ({})\n", options.file,
                       bad.line, bad.text, bad.value.problem);
  }
  if (options.format == "jsonl") {
    for (const grammar::Expression& expression : expressions.found) {
      out << grammar::ExpressionJson(expression).dump() << "\n";
    }
  } else {
    out << ExpressionTable(expressions.found);
  }
  return kExitOk;
}

Subcommand AddExtractSubcommand(CLI::App& app) {
  auto options = std::make_shared<ExtractOptions>();
  auto language = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "extract",
      "Find the money, percentages, dates, years, periods, durations, recurrences, counts and "
      "references in an agreement's text");
  command->add_option("FILE", options->file, "plain-text agreement (UTF-8)")->required();
  command->add_option("--lang", *language, "language of the text (detected when not given)")
      ->check(LanguageValidator());
  command->add_option("--format", options->format, "jsonl (one JSON object per line) or text")
      ->check(CLI::IsMember({"jsonl", "text"}))
      ->capture_default_str();
  return {command, [options, language](std::ostream& out, std::ostream& err) {
            if (!language->empty()) options->language = text::ParseLanguageCode(*language);
            return RunExtract(*options, out, err);
          }};
}

}  // namespace treaty::views
