#include <string>
#include <vector>

#include <fmt/format.h>

#include "evaluation/amount_text.h"
#include "evaluation/status.h"
#include "evaluation/status_words.h"

namespace treaty::evaluation {
namespace {

// Numeric targets first, then procedures, then commitments known only by their activity.
int Group(const CommitmentStatus& commitment) {
  if (commitment.rule == "gdp_share" || commitment.rule == "money" || commitment.rule == "count") {
    return 0;
  }
  return commitment.rule == "activity" ? 2 : 1;
}

// One line per reason, with the events it cites; `cited` adds the provision and its words, for a
// reason that no commitment's line above names.
void WriteReasons(const std::vector<Reason>& reasons, std::string& out, bool cited = false) {
  for (const Reason& reason : reasons) {
    out += fmt::format("      - {}", reason.finding);
    if (!reason.events.empty()) {
      out += " [events:";
      for (const std::string& event : reason.events) out += " " + event;
      out += "]";
    }
    if (cited && !reason.provision.eid.empty()) {
      out += fmt::format(" ({}: \"{}\")", reason.provision.eid, reason.provision.quote);
    }
    out += "\n";
  }
}

}  // namespace

std::string StatusText(const AgreementStatus& status) {
  const Lifecycle& lifecycle = status.lifecycle;
  std::string out;
  out += fmt::format("{} ({})\n", status.title, status.agreement);
  // The day evaluated, then the moment in the offset it was given in: "2024-04-11T00:00:00+03:00"
  // is the 11th in Vilnius, though the 10th in UTC. The events read are all those recorded so far
  // that the audience sees, of which those dated after the day do not count.
  const bool public_only = status.audience == Audience::kPublic;
  const std::string events = CountOf(status.ledger_size, public_only ? "public event" : "event",
                                     public_only ? "public events" : "events");
  out += fmt::format("Status on {} (at {}; from the ledger's {}{})\n\n",
                     status.at.LocalDate().ToString(), status.at.ToString(), events,
                     status.ledger_size == 0 ? ""
                     : status.events_dated_later == 0
                         ? ", all dated by then"
                         : fmt::format(": {} dated by then count, {} "
                                       "dated later do not",
                                       status.events_counted, status.events_dated_later));
  out += "Life cycle\n";
  out += fmt::format("  state: {}\n", StatusWords(LifecycleStateName(lifecycle.state)));
  out += fmt::format("  in force from {}; term {} ends {}; last day in force {}\n",
                     lifecycle.in_force_from.ToString(), lifecycle.term_number,
                     lifecycle.term_last_day.ToString(), lifecycle.last_day_in_force.ToString());
  const char* extension = lifecycle.extension_possible ? "still possible"
                          : lifecycle.state == LifecycleState::kNotYetInForce
                              ? "possible once in force"
                              : "no longer possible";
  out += fmt::format("  extension to be agreed in writing by {} ({})\n",
                     lifecycle.extension_deadline.ToString(), extension);
  if (lifecycle.termination_effective) {
    out += fmt::format("  termination effective {} (notice {})\n",
                       lifecycle.termination_effective->ToString(), lifecycle.termination_notice);
  }
  if (lifecycle.future_status_pending) {
    out +=
        "  Ukraine is a member of NATO: a decision on the Agreement's future status is pending "
        "(sec_6__para_4)\n";
  }
  for (const AmendmentStatus& amendment : lifecycle.amendments) {
    out += fmt::format(
        "  amendment {}: accepted by {} of 2{}\n", amendment.id, amendment.accepted_by.size(),
        amendment.in_effect_from
            ? fmt::format(", in effect from {}", amendment.in_effect_from->ToString())
            : std::string());
  }
  if (!lifecycle.continuing_activities.empty()) {
    out += fmt::format("  {} decided before the termination continue (sec_6__para_8)\n",
                       CountOf(static_cast<int64_t>(lifecycle.continuing_activities.size()),
                               "activity", "activities"));
  }

  // Each date of the life cycle with the words it follows from, and what the ledger's notices
  // did, or why one did nothing.
  WriteReasons(lifecycle.reasons, out, true);

  out += "\nDeadlines\n";
  for (const DeadlineStatus& entry : status.deadlines) {
    if (entry.state != "met") {
      out += fmt::format("  {}  {:<8}  {}  ({})\n", entry.deadline.date.ToString(),
                         StatusWords(entry.state), entry.deadline.title, entry.deadline.source.eid);
    }
  }

  const char* headings[] = {"Targets", "Procedures", "Commitments without numbers"};
  for (int group = 0; group < 3; ++group) {
    out += fmt::format("\n{}\n", headings[group]);
    std::vector<const CommitmentStatus*> quiet;
    for (const CommitmentStatus& commitment : status.commitments) {
      if (Group(commitment) != group) continue;
      if (commitment.status == "no_activity_recorded") {
        quiet.push_back(&commitment);
        continue;
      }
      out += fmt::format("  {}  {}\n", commitment.id, StatusWords(commitment.status));
      out += fmt::format("      {}\n", commitment.title);
      out += fmt::format("      {}\n", commitment.summary);
      if (group < 2) WriteReasons(commitment.reasons, out);
    }
    if (!quiet.empty()) {
      out += fmt::format("  {} with no linked events:", quiet.size());
      for (const CommitmentStatus* entry : quiet) {
        out += fmt::format("\n    {}  {}", entry->id, entry->title);
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace treaty::evaluation
