#include <memory>

#include "document/alignment.h"
#include "document/parser.h"
#include "views/cli/commands.h"
#include "views/cli/subcommands.h"
#include "views/export/document_json.h"

namespace treaty::views {

namespace {

std::string Joined(const std::vector<std::string>& ids) {
  if (ids.empty()) return "-";
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : " + ") + id;
  return out;
}

}  // namespace

int RunAlign(const AlignOptions& options, std::ostream& out, std::ostream& err) {
  Result<document::Document> left = document::ParseFile(options.left_file);
  if (!left.ok()) {
    err << "treaty align: " << left.error().ToString() << "\n";
    return kExitBadInput;
  }
  Result<document::Document> right = document::ParseFile(options.right_file);
  if (!right.ok()) {
    err << "treaty align: " << right.error().ToString() << "\n";
    return kExitBadInput;
  }
  document::Alignment alignment = document::AlignDocuments(left.value(), right.value());
  if (options.format == "json") {
    out << AlignmentJson(alignment).dump(2) << "\n";
    return kExitOk;
  }
  std::vector<std::string> problems = alignment.Problems();
  out << alignment.OneToOneCount() << " of " << alignment.pairs.size() << " "
      << alignment.left_language << "/" << alignment.right_language
      << " node pairs correspond one to one; " << problems.size() << " do not\n";
  if (options.all) {
    for (const document::AlignedPair& pair : alignment.pairs) {
      out << Joined(pair.left) << "\t" << Joined(pair.right) << "\n";
    }
  }
  for (const std::string& problem : problems) out << "not one to one: " << problem << "\n";
  return kExitOk;
}

Subcommand AddAlignSubcommand(CLI::App& app) {
  auto options = std::make_shared<AlignOptions>();
  CLI::App* command = app.add_subcommand(
      "align", "Align two language versions node by node and report where they differ");
  command->add_option("LEFT", options->left_file, "one language version")->required();
  command->add_option("RIGHT", options->right_file, "the other (usually the prevailing one)")
      ->required();
  command->add_option("--format", options->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command->add_flag("--all", options->all, "text: list every pair, not only the problems");
  return {command,
          [options](std::ostream& out, std::ostream& err) { return RunAlign(*options, out, err); }};
}

}  // namespace treaty::views
