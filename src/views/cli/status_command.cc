#include <memory>

#include "views/cli/commands.h"
#include "views/cli/ledger_setup.h"
#include "views/cli/status_evaluation.h"
#include "views/cli/subcommands.h"

namespace treaty::views {

int RunStatus(const StatusOptions& options, std::ostream& out, std::ostream& err) {
  Result<evaluation::AgreementStatus> status = EvaluateStatusFor(options);
  if (!status.ok()) {
    err << "treaty status: " << status.error().ToString() << "\n";
    return kExitBadInput;
  }
  if (options.format == "json") {
    out << evaluation::StatusJson(status.value()).dump(2) << "\n";
  } else {
    out << evaluation::StatusText(status.value());
  }
  return kExitOk;
}

// The options `status` and `calendar` share.
void AddStatusOptions(CLI::App& command, StatusOptions& options) {
  command.add_option("--db", options.db, "SQLite file or postgresql:// URL")->capture_default_str();
  AddAgreementOptions(command, options.agreement, options.package);
  command.add_option("--at", options.at,
                     "YYYY-MM-DD (the end of that day, UTC) or an RFC 3339 moment, years "
                     "1900-2200; default now");
  command.add_option(
      "--facts", options.facts_file,
      "JSON file of facts the ledger does not hold: notices, "
      "ukraine_nato_membership, activities (README), e.g. "
      "{\"ukraine_nato_membership\": {\"date\": \"2030-02-01\", \"source\": \"…\"}}");
  command.add_flag("--public", options.public_only,
                   "leave out restricted events, as a reader without access sees it");
}

Subcommand AddStatusSubcommand(CLI::App& app) {
  auto options = std::make_shared<StatusOptions>();
  CLI::App* command = app.add_subcommand(
      "status",
      "Where the agreement and every commitment stand at a date, with reasons: provisions and "
      "their words, ledger events and reference rows");
  AddStatusOptions(*command, *options);
  command->add_option("--format", options->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  return {command, [options](std::ostream& out, std::ostream& err) {
            return RunStatus(*options, out, err);
          }};
}

}  // namespace treaty::views
