// Days someone must act by or watch for, and duties that recur every year, each with the provision
// it comes from. Evaluation lists them; the calendar writer (icalendar.h) and the status report
// show them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "evaluation/citation.h"
#include "evaluation/date.h"
#include "evaluation/instant.h"
#include "evaluation/lifecycle.h"

namespace treaty::evaluation {

struct Deadline {
  std::string key;  // stable within an agreement for the same deadline: "extension-deadline-term-1"
  Date date;        // the day; for a yearly duty, its first occurrence
  std::optional<Date> yearly_until;  // a yearly duty: again on the same date each year to this day
  std::string title;                 // for a person: "Last day to agree on extending the Agreement"
  Citation source;
  std::vector<std::string> events;               // ledger events the deadline rests on
  std::optional<Instant> moment = std::nullopt;  // a deadline at a time of day (a clock of hours)
  // One occurrence of the yearly duty of this key, kept apart from its repetition (its last year's,
  // when the term ends before the duty's date); empty for any other deadline.
  std::string occurrence_of = {};
};

// The life cycle's deadlines: the last day to agree on extending each earlier term (met by the
// extension agreed) and the current term (unless a termination ends it first), and the last day in
// force, by the end of the term or by a termination.
std::vector<Deadline> LifecycleDeadlines(const Lifecycle& lifecycle,
                                         const LifecycleParameters& parameters);

// The state on `day` of one of LifecycleDeadlines: "met" for an extension deadline an agreed
// extension met, else "passed" once its date is before `day`, else "upcoming".
std::string LifecycleDeadlineState(const Lifecycle& lifecycle, const Deadline& deadline, Date day);

}  // namespace treaty::evaluation
