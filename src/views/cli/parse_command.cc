#include <memory>

#include "document/parser.h"
#include "views/cli/commands.h"
#include "views/cli/outline_text.h"
#include "views/cli/subcommands.h"
#include "views/export/akn_writer.h"
#include "views/export/document_json.h"

namespace treaty::views {

int RunParse(const ParseOptions& options, std::ostream& out, std::ostream& err) {
  Result<document::Document> doc = document::ParseFile(options.file, options.language);
  if (!doc.ok()) {
    err << "treaty parse: " << doc.error().ToString() << "\n";
    return kExitBadInput;
  }
  for (const std::string& warning : doc.value().warnings) {
    err << "treaty parse: warning: " << options.file << ": " << warning << "\n";
  }
  if (options.format == "json") {
    out << DocumentJson(doc.value()).dump(2) << "\n";
  } else if (options.format == "akn") {
    out << WriteAkomaNtoso(doc.value(), AknOptions{});
  } else {
    out << OutlineText(doc.value());
  }
  return kExitOk;
}

Subcommand AddParseSubcommand(CLI::App& app) {
  auto options = std::make_shared<ParseOptions>();
  auto language = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "parse",
      "Parse an agreement's text into its structure (text stage and document stage) and print it");
  command->add_option("FILE", options->file, "plain-text agreement (UTF-8)")->required();
  command->add_option("--lang", *language, "language of the text")->check(LanguageValidator());
  command->add_option("--format", options->format, "json, text (an outline) or akn (Akoma Ntoso)")
      ->check(CLI::IsMember({"json", "text", "akn"}))
      ->capture_default_str();
  return {command, [options, language](std::ostream& out, std::ostream& err) {
            if (!language->empty()) options->language = text::ParseLanguageCode(*language);
            return RunParse(*options, out, err);
          }};
}

}  // namespace treaty::views
