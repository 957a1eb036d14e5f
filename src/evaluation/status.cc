#include "evaluation/status.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "evaluation/icalendar.h"
#include "evaluation/procedure_status.h"
#include "evaluation/target_status.h"
#include "ledger/event_parser.h"

namespace treaty::evaluation {
namespace {

using ledger::EventType;

// The other party of a two-party agreement; empty when `from` is not one of exactly two parties,
// which EvaluateLifecycle reports as a notice with no counterparty.
std::string Counterparty(const std::vector<std::string>& parties, const std::string& from) {
  if (parties.size() != 2) return {};
  if (from == parties[0]) return parties[1];
  if (from == parties[1]) return parties[0];
  return {};
}

// The life cycle's facts known on `at`: the written notices of the ledger (sec_6__para_2,
// sec_6__para_5, sec_6__para_7) and, when a termination notice is among them, the activities
// decided (pledges and allocations, sec_6__para_8).
LifecycleFacts LifecycleFactsAt(const AgreementRules& rules, const LedgerFacts& facts, Date at,
                                const LifecycleFacts& external) {
  LifecycleFacts out = external;
  bool termination = false;
  for (const auto& [id, fact] : facts.facts(EventType::kNotice)) {
    if (fact.date > at) continue;
    Notice notice;
    if (fact.subtype == "extension") {
      notice.kind = NoticeKind::kExtension;
    } else if (fact.subtype == "termination") {
      notice.kind = NoticeKind::kTermination;
      termination = true;
    } else if (fact.subtype == "amendment_acceptance") {
      notice.kind = NoticeKind::kAmendmentAcceptance;
      notice.amendment = fact.responds_to;
    } else {
      continue;
    }
    notice.event_id = id;
    notice.from = fact.participant;
    notice.to = Counterparty(rules.parties, fact.participant);
    notice.date = fact.date;
    notice.effective_date = fact.effective_date;
    out.notices.push_back(notice);
  }
  for (const Notice& notice : external.notices) {
    termination = termination || notice.kind == NoticeKind::kTermination;
  }
  if (termination) {
    for (const auto& [id, decided] : facts.decisions()) {
      if (decided <= at) out.activities.push_back(Activity{id, decided});
    }
  }
  return out;
}

void AddOutcome(const AgreementRules& rules, RuleOutcome outcome, AgreementStatus& status) {
  if (const auto title = rules.titles.find(outcome.status.id); title != rules.titles.end()) {
    outcome.status.title = title->second;
  }
  status.commitments.push_back(std::move(outcome.status));
  for (DeadlineStatus& deadline : outcome.deadlines) status.deadlines.push_back(deadline);
  for (Deadline& deadline : outcome.calendar) status.calendar.push_back(deadline);
}

}  // namespace

Result<AgreementRules> LoadAgreementRules(const std::string& folder) {
  Result<commitments::AgreementCommitments> agreement =
      commitments::ExtractAgreementCommitments(folder);
  if (!agreement.ok()) return agreement.error();
  return LoadAgreementRules(agreement.value(), folder);
}

Result<AgreementRules> LoadAgreementRules(const commitments::AgreementCommitments& agreement,
                                          const std::string& folder) {
  Result<RuleBindings> bindings = LoadRuleBindings(folder);
  if (!bindings.ok()) return bindings.error();
  return BuildAgreementRules(agreement, bindings.value(), folder);
}

Instant EndOfDay(Date date) {
  return Instant(
      std::chrono::sys_seconds(date.days()) + std::chrono::hours(24) - std::chrono::seconds(1), 0);
}

Result<Instant> ParseStatusMoment(const std::string& text, const std::string& where) {
  const std::string given = ledger::TrimSpace(text);
  if (given.empty()) {
    return Error{"empty: give a date (YYYY-MM-DD) or a moment (RFC 3339, 2024-04-11T10:00:00Z)",
                 where};
  }
  // A word ("yesterday", "now") is neither, and is told both forms.
  if (!std::isdigit(static_cast<unsigned char>(given.front()))) {
    return Error{fmt::format("'{}' is neither a date (YYYY-MM-DD) nor a moment (RFC 3339, "
                             "2024-04-11T10:00:00Z)",
                             given),
                 where};
  }
  // Without a time it is meant as a date, and is told so when it is not one ("2024-4-1").
  if (given.find_first_of("Tt") == std::string::npos) {
    Result<Date> date = ParseDate(given, where);
    if (!date.ok()) return date.error();
    return EndOfDay(date.value());
  }
  return ParseInstant(given, where);
}

namespace {

Result<AgreementStatus> Evaluate(const AgreementRules& rules, const LedgerFacts& facts, Instant at,
                                 const LifecycleFacts& external) {
  // The day on the clock of the moment's own offset: "2024-04-11T00:00:00+03:00" is the day of
  // the signature in Vilnius, whatever the date in UTC.
  const Date day = at.LocalDate();
  // The facts file is the caller's input: a notice in it that cannot be one is an error, not set
  // aside as one recorded in the ledger is.
  for (const Notice& notice : external.notices) {
    if (Result<bool> check = CheckNotice(rules.lifecycle, notice); !check.ok()) {
      return check.error();
    }
  }
  Result<Lifecycle> lifecycle =
      EvaluateLifecycle(rules.lifecycle, LifecycleFactsAt(rules, facts, day, external), day);
  if (!lifecycle.ok()) return lifecycle.error();
  const int64_t counted = facts.StandingThrough(day);
  AgreementStatus status{rules.agreement,
                         rules.title,
                         at,
                         facts.audience(),
                         facts.events(),
                         counted,
                         facts.Standing() - counted,
                         lifecycle.value(),
                         {},
                         {},
                         {},
                         {}};
  status.calendar_sequence = facts.Revision(at);
  status.tree_size = facts.tree_size();
  for (const Notice& notice : external.notices) status.calendar_sequence += notice.date <= day;
  if (external.ukraine_nato_membership && *external.ukraine_nato_membership <= day) {
    ++status.calendar_sequence;
  }
  for (const Deadline& deadline : LifecycleDeadlines(status.lifecycle, rules.lifecycle)) {
    status.deadlines.push_back({deadline, deadline.source.commitment_id,
                                LifecycleDeadlineState(status.lifecycle, deadline, day)});
    status.calendar.push_back(deadline);
  }
  AddOutcome(rules, EvaluateConsultations(rules, facts, status.lifecycle, at), status);
  AddOutcome(rules, EvaluateAnnualMeeting(rules, facts, status.lifecycle, day), status);
  AddOutcome(rules, EvaluateAuthorisedInstitutions(rules, facts, day), status);
  for (const TargetRule& rule : rules.targets) {
    AddOutcome(rules, EvaluateTarget(rule, rules, facts, status.lifecycle, day), status);
  }
  std::stable_sort(status.deadlines.begin(), status.deadlines.end(),
                   [](const DeadlineStatus& a, const DeadlineStatus& b) {
                     return a.deadline.date < b.deadline.date;
                   });
  std::stable_sort(status.calendar.begin(), status.calendar.end(),
                   [](const Deadline& a, const Deadline& b) { return a.date < b.date; });
  return status;
}

}  // namespace

Result<AgreementStatus> EvaluateStatus(const AgreementRules& rules, const LedgerFacts& facts,
                                       Instant at, const LifecycleFacts& external) {
  Result<AgreementStatus> status = Evaluate(rules, facts, at, external);
  if (!status.ok()) return status;
  const Lifecycle& lifecycle = status.value().lifecycle;
  const bool term_changed = lifecycle.termination_effective || lifecycle.term_number > 1;
  if (!term_changed && !facts.HasSupersededFacts()) return status;
  // Deadlines a calendar may have imported that are no longer among the deadlines now stay in it
  // as cancelled instead of being kept.
  std::set<std::string> keys;
  for (const Deadline& deadline : status.value().calendar) keys.insert(deadline.key);
  auto cancel_gone = [&](const AgreementStatus& before) {
    for (const Deadline& deadline : before.calendar) {
      if (keys.insert(deadline.key).second) status.value().cancelled.push_back(deadline);
    }
  };
  // sec_6__para_7: "The Agreement may be terminated by either Participant by giving a written
  // notice of its intention to terminate the Agreement to the other Participant at least 6 (six)
  // months in advance." A termination ends the term early, and with it deadlines and duties its
  // terms set (the last day of the term, the extension deadline, later dialogues and target
  // years). sec_6__para_2: "The Participants can jointly agree on its extension through a written
  // notice": an extension replaces the first term's last day and extension deadline with the next
  // term's. Those are the Agreement's deadlines with nothing recorded.
  if (term_changed) {
    const LedgerFacts nothing_recorded(rules.agreement, facts.audience(), rules.categories);
    Result<AgreementStatus> terms_alone = Evaluate(rules, nothing_recorded, at, {});
    if (terms_alone.ok()) cancel_gone(terms_alone.value());
  }
  // A termination also takes away what an agreed extension had set (the next term's deadlines):
  // those evaluated without the termination notices.
  if (lifecycle.termination_effective) {
    LifecycleFacts untermined = external;
    std::erase_if(untermined.notices,
                  [](const Notice& notice) { return notice.kind == NoticeKind::kTermination; });
    const LedgerFacts view = facts.FactsOnly([](const EventFact& fact) {
      return fact.type != ledger::EventType::kNotice || fact.subtype != "termination";
    });
    Result<AgreementStatus> before = Evaluate(rules, view, at, untermined);
    if (before.ok()) cancel_gone(before.value());
  }
  // A correction that withdraws a fact (a consultation request, a notice) takes away the
  // deadlines it set (docs/ledger-format.md §9.2): those evaluated with it put back.
  if (facts.HasSupersededFacts()) {
    Result<AgreementStatus> before = Evaluate(rules, facts.FactsBeforeCorrections(), at, external);
    if (before.ok()) cancel_gone(before.value());
  }
  return status;
}

std::string StatusCalendar(const AgreementStatus& status, Instant stamp) {
  return WriteICalendar(status.agreement, status.calendar, status.cancelled,
                        status.calendar_sequence, stamp);
}

}  // namespace treaty::evaluation
