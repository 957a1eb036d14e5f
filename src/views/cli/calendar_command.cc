#include <fstream>
#include <memory>

#include "views/cli/commands.h"
#include "views/cli/status_evaluation.h"
#include "views/cli/subcommands.h"

namespace treaty::views {

int RunCalendar(const StatusOptions& options, std::ostream& out, std::ostream& err) {
  Result<evaluation::AgreementStatus> status = EvaluateStatusFor(options);
  if (!status.ok()) {
    err << "treaty calendar: " << status.error().ToString() << "\n";
    return kExitBadInput;
  }
  const std::string calendar = evaluation::StatusCalendar(status.value(), Now());
  if (options.output.empty()) {
    out << calendar;
    return kExitOk;
  }
  std::ofstream file(options.output, std::ios::binary | std::ios::trunc);
  file << calendar;
  file.close();
  if (!file) {
    err << "treaty calendar: " << options.output << ": cannot write the file\n";
    return kExitBadInput;
  }
  out << "calendar: " << status.value().calendar.size() << " deadlines and duties written to "
      << options.output << "\n";
  return kExitOk;
}

Subcommand AddCalendarSubcommand(CLI::App& app) {
  auto options = std::make_shared<StatusOptions>();
  CLI::App* command = app.add_subcommand(
      "calendar",
      "Every deadline and yearly duty of the agreement as iCalendar (RFC 5545), as they stand "
      "at a date");
  AddStatusOptions(*command, *options);
  command->add_option("--output,-o", options->output, "write to FILE instead of stdout");
  return {command, [options](std::ostream& out, std::ostream& err) {
            return RunCalendar(*options, out, err);
          }};
}

}  // namespace treaty::views
