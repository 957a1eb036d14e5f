// Each subcommand of the `treaty` binary adds itself to the CLI11 app (its options, help and
// checks) and hands back the function that runs it once the command line has been parsed. The
// Add* functions live beside the Run* function of their command.
#pragma once

#include <functional>
#include <ostream>

#include <CLI/CLI.hpp>

namespace treaty::views {

struct Subcommand {
  CLI::App* command;
  // Runs the parsed command; returns the process exit code.
  std::function<int(std::ostream& out, std::ostream& err)> run;
};

// --lang: lv, en or uk.
const CLI::Validator& LanguageValidator();
// The size of a signed tree head: a whole number of at least 1.
const CLI::Validator& TreeSizeValidator();
// --limit: a whole number of at least 1.
const CLI::Validator& LimitValidator();

Subcommand AddParseSubcommand(CLI::App& app);
Subcommand AddExtractSubcommand(CLI::App& app);
Subcommand AddAlignSubcommand(CLI::App& app);
Subcommand AddLoadSubcommand(CLI::App& app);
Subcommand AddOverviewSubcommand(CLI::App& app);
Subcommand AddCommitmentsSubcommand(CLI::App& app);
Subcommand AddSearchSubcommand(CLI::App& app);
Subcommand AddRecordSubcommand(CLI::App& app);
Subcommand AddImportSubcommand(CLI::App& app);
Subcommand AddEventsSubcommand(CLI::App& app);
Subcommand AddVerifySubcommand(CLI::App& app);
Subcommand AddProofSubcommand(CLI::App& app);
Subcommand AddKeygenSubcommand(CLI::App& app);
Subcommand AddConsistencySubcommand(CLI::App& app);
Subcommand AddVerifyProofSubcommand(CLI::App& app);
Subcommand AddServeSubcommand(CLI::App& app);
Subcommand AddUserSubcommand(CLI::App& app);
Subcommand AddTokenSubcommand(CLI::App& app);
Subcommand AddStatusSubcommand(CLI::App& app);
Subcommand AddCalendarSubcommand(CLI::App& app);
Subcommand AddExportSubcommand(CLI::App& app);

// The options `status` and `calendar` share (status_command.cc).
struct StatusOptions;
void AddStatusOptions(CLI::App& command, StatusOptions& options);

}  // namespace treaty::views
