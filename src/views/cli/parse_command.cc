#include <filesystem>
#include <memory>

#include "document/agreement_package.h"
#include "document/parser.h"
#include "grammar/expressions.h"
#include "grammar/signature_date.h"
#include "text/source_reader.h"
#include "views/cli/commands.h"
#include "views/cli/outline_text.h"
#include "views/cli/subcommands.h"
#include "views/export/akn_writer.h"
#include "views/export/document_json.h"

namespace treaty::views {

namespace {

// The file read to its tree; for Akoma Ntoso also to its expressions, since the work's date is the
// signature's.
Result<grammar::ExtractedText> Read(const ParseOptions& options) {
  Result<std::string> bytes = text::ReadFile(options.file);
  if (!bytes.ok()) return bytes.error();
  if (options.format == "akn") {
    return grammar::ExtractFromBytes(bytes.value(), options.file, options.language);
  }
  Result<document::Document> doc =
      document::ParseBytes(bytes.value(), options.file, options.language);
  if (!doc.ok()) return doc.error();
  return grammar::ExtractedText{std::move(doc).value(), {}};
}

// The Akoma Ntoso options of `file`: those of its package (id, signature date, parties) when
// the folder it is in holds an agreement.json that lists it, as the server's export does; else
// the signature date its words give. A package that does not read is said in a warning.
AknOptions AknOptionsFor(const std::string& file, const grammar::ExtractedText& read,
                         std::ostream& err) {
  const std::filesystem::path folder = std::filesystem::path(file).parent_path();
  std::error_code ec;
  if (std::filesystem::exists(folder / "agreement.json", ec)) {
    Result<document::AgreementPackage> package =
        document::LoadAgreementPackage(folder.empty() ? "." : folder.string());
    if (!package.ok()) {
      err << "treaty parse: warning: " << package.error().ToString()
          << ": the work is named without its package\n";
    } else {
      for (const document::TextFile& text : package.value().texts) {
        if (std::filesystem::equivalent(text.file, file, ec)) {
          return AknOptionsOf(package.value());
        }
      }
    }
  }
  AknOptions options;
  options.date = grammar::SignatureDateOf(read);
  return options;
}

}  // namespace

int RunParse(const ParseOptions& options, std::ostream& out, std::ostream& err) {
  Result<grammar::ExtractedText> read = Read(options);
  if (!read.ok()) {
    err << "treaty parse: " << read.error().ToString() << "\n";
    return kExitBadInput;
  }
  const document::Document& doc = read.value().doc;
  for (const std::string& warning : doc.warnings) {
    err << "treaty parse: warning: " << options.file << ": " << warning << "\n";
  }
  if (options.format == "json") {
    out << DocumentJson(doc).dump(2) << "\n";
  } else if (options.format == "akn") {
    out << WriteAkomaNtoso(doc, AknOptionsFor(options.file, read.value(), err));
  } else {
    out << OutlineText(doc);
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
  command->add_option("--lang", *language, "language of the text (detected when not given)")
      ->check(LanguageValidator());
  command->add_option("--format", options->format, "json, text (an outline) or akn (Akoma Ntoso)")
      ->check(CLI::IsMember({"json", "text", "akn"}))
      ->capture_default_str();
  return {command, [options, language](std::ostream& out, std::ostream& err) {
            if (!language->empty()) options->language = text::ParseLanguageCode(*language);
            return RunParse(*options, out, err);
          }};
}

}  // namespace treaty::views
