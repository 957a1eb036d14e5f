#include <fmt/format.h>

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

}  // namespace treaty::views
