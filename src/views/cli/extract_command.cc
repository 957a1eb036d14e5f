#include <fmt/format.h>

#include "document/parser.h"
#include "grammar/expressions.h"
#include "text/source_reader.h"
#include "views/cli/commands.h"
#include "views/cli/expression_table.h"

namespace treaty::views {

int RunExtract(const ExtractOptions& options, std::ostream& out, std::ostream& err) {
  Result<std::string> bytes = text::ReadFile(options.file);
  if (!bytes.ok()) {
    err << "treaty extract: " << bytes.error().ToString() << "\n";
    return kExitBadInput;
  }
  Result<text::NormalizedText> normalized =
      text::Normalize(bytes.value(), options.file, options.language);
  if (!normalized.ok()) {
    err << "treaty extract: " << normalized.error().ToString() << "\n";
    return kExitBadInput;
  }
  document::Document doc = document::BuildDocument(normalized.value(), options.file);
  for (const std::string& warning : doc.warnings) {
    err << "treaty extract: warning: " << options.file << ": " << warning << "\n";
  }
  grammar::Expressions expressions =
      grammar::ExtractExpressions(bytes.value(), normalized.value(), doc);
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

}  // namespace treaty::views
