#include "evaluation/deadline.h"

#include <fmt/format.h>

namespace treaty::evaluation {

namespace {

std::string ExtensionDeadlineKey(int term_number) {
  return fmt::format("extension-deadline-term-{}", term_number);
}

}  // namespace

std::vector<Deadline> LifecycleDeadlines(const Lifecycle& lifecycle,
                                         const LifecycleParameters& parameters) {
  std::vector<Deadline> deadlines;
  // An extension agreed in time meets its term's deadline, which stays in the calendar.
  for (const AgreedExtension& extension : lifecycle.agreed_extensions) {
    deadlines.push_back(Deadline{
        ExtensionDeadlineKey(extension.term_number), extension.deadline, std::nullopt,
        fmt::format(
            "Last day to agree in writing on extending the Agreement (term {}): agreed on {}",
            extension.term_number, extension.agreed_on.ToString()),
        parameters.extension_notice.source, extension.notices});
  }
  bool ends_by_termination = lifecycle.termination_effective &&
                             *lifecycle.termination_effective <= lifecycle.term_last_day;
  if (!ends_by_termination) {
    deadlines.push_back(
        Deadline{ExtensionDeadlineKey(lifecycle.term_number),
                 lifecycle.extension_deadline,
                 std::nullopt,
                 fmt::format("Last day to agree in writing on extending the Agreement (term {})",
                             lifecycle.term_number),
                 parameters.extension_notice.source,
                 {}});
    deadlines.push_back(Deadline{
        fmt::format("term-last-day-term-{}", lifecycle.term_number),
        lifecycle.term_last_day,
        std::nullopt,
        fmt::format("Last day of the Agreement's term {}, unless extended", lifecycle.term_number),
        parameters.term.source,
        {}});
  } else {
    deadlines.push_back(Deadline{"termination-effective",
                                 *lifecycle.termination_effective,
                                 std::nullopt,
                                 "Termination takes effect: last day the Agreement is in force",
                                 parameters.termination_notice.source,
                                 {lifecycle.termination_notice}});
  }
  return deadlines;
}

std::string LifecycleDeadlineState(const Lifecycle& lifecycle, const Deadline& deadline, Date day) {
  for (const AgreedExtension& extension : lifecycle.agreed_extensions) {
    if (deadline.key == ExtensionDeadlineKey(extension.term_number)) return "met";
  }
  return deadline.date < day ? "passed" : "upcoming";
}

}  // namespace treaty::evaluation
