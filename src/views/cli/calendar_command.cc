#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "evaluation/instant.h"
#include "views/cli/commands.h"
#include "views/cli/output_file.h"
#include "views/cli/status_evaluation.h"
#include "views/cli/subcommands.h"

namespace treaty::views {

int RunCalendar(const StatusOptions& options, std::ostream& out, std::ostream& err) {
  Result<evaluation::AgreementStatus> status = EvaluateStatusFor(options);
  if (!status.ok()) {
    err << "treaty calendar: " << status.error().ToString() << "\n";
    return kExitBadInput;
  }
  // A yearly duty is one entry that repeats, where `treaty status` lists each year's deadline.
  const std::vector<evaluation::Deadline>& entries = status.value().calendar;
  const auto yearly = std::count_if(
      entries.begin(), entries.end(),
      [](const evaluation::Deadline& entry) { return entry.yearly_until.has_value(); });
  return WriteOutput(
      "calendar", options.output,
      evaluation::StatusCalendar(status.value(), evaluation::CurrentInstant()),
      fmt::format("calendar: {} entries{}{}", entries.size(),
                  yearly == 0 ? "" : fmt::format(" ({} of them repeating each year)", yearly),
                  status.value().cancelled.empty()
                      ? ""
                      : fmt::format(" and {} cancelled", status.value().cancelled.size())),
      out, err);
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
