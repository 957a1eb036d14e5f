#include <charconv>
#include <vector>

#include <CLI/CLI.hpp>

#include "views/cli/commands.h"
#include "views/cli/subcommands.h"

namespace treaty::views {

const CLI::Validator& LanguageValidator() {
  static const CLI::Validator validator =
      CLI::IsMember({"lv", "en", "uk"}).description("lv, en or uk; detected when not given");
  return validator;
}

const CLI::Validator& TreeSizeValidator() {
  static const CLI::Validator validator(
      [](const std::string& text) -> std::string {
        int64_t size = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), size);
        if (error == std::errc() && end == text.data() + text.size() && size >= 1) return "";
        return "a tree size is a whole number of at least 1, not \"" + text + "\"";
      },
      "SIZE");
  return validator;
}

int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"treaty: an international agreement as structured, checkable data"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "treaty 0.1.0");

  const std::vector<Subcommand> subcommands = {
      AddParseSubcommand(app),       AddExtractSubcommand(app),     AddAlignSubcommand(app),
      AddLoadSubcommand(app),        AddOverviewSubcommand(app),    AddCommitmentsSubcommand(app),
      AddSearchSubcommand(app),      AddRecordSubcommand(app),      AddImportSubcommand(app),
      AddEventsSubcommand(app),      AddVerifySubcommand(app),      AddProofSubcommand(app),
      AddConsistencySubcommand(app), AddVerifyProofSubcommand(app), AddStatusSubcommand(app),
      AddCalendarSubcommand(app),    AddServeSubcommand(app),       AddUserSubcommand(app),
      AddTokenSubcommand(app),       AddExportSubcommand(app),
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e, out, err);
    return code == 0 ? kExitOk : kExitBadInput;
  }
  for (const Subcommand& subcommand : subcommands) {
    if (subcommand.command->parsed()) return subcommand.run(out, err);
  }
  return kExitBadInput;
}

}  // namespace treaty::views
