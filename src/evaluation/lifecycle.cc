#include "evaluation/lifecycle.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "evaluation/amount_text.h"

namespace treaty::evaluation {

namespace {

bool IsParty(const LifecycleParameters& parameters, const std::string& code) {
  return std::find(parameters.parties.begin(), parameters.parties.end(), code) !=
         parameters.parties.end();
}

const Citation& CitationFor(const LifecycleParameters& parameters, NoticeKind kind) {
  switch (kind) {
    case NoticeKind::kExtension:
      return parameters.extension_notice.source;
    case NoticeKind::kTermination:
      return parameters.termination_notice.source;
    case NoticeKind::kAmendmentAcceptance:
      return parameters.amendment;
  }
  return parameters.amendment;
}

Result<bool> CheckPeriod(const Cited<Period>& period, std::string_view name, bool may_be_zero) {
  std::string where = fmt::format("parameter {} ({})", name, period.source.commitment_id);
  if (period.value.time.count() != 0) {
    return Error{fmt::format("{} has hours, minutes or seconds; a period on dates is whole days, "
                             "months or years",
                             period.value.ToString()),
                 where};
  }
  if (!may_be_zero && period.value.IsZero()) return Error{"the period is zero", where};
  return true;
}

Result<bool> CheckParameters(const LifecycleParameters& parameters) {
  const std::vector<std::string>& parties = parameters.parties;
  if (parties.size() != 2 || parties[0].empty() || parties[1].empty() || parties[0] == parties[1]) {
    return Error{fmt::format("an agreement of two Participants needs two different party codes, "
                             "not [{}]",
                             fmt::join(parties, ", ")),
                 "parameter parties"};
  }
  for (auto check : {CheckPeriod(parameters.term, "term", false),
                     CheckPeriod(parameters.extension_notice, "extension_notice", true),
                     CheckPeriod(parameters.termination_notice, "termination_notice", true)}) {
    if (!check.ok()) return check;
  }
  return true;
}

// The termination that ends the agreement first, among notices known on the evaluation date.
struct Termination {
  const Notice* notice = nullptr;
  Date effective;
  bool deferred = false;  // the notice asked for a day earlier than the text allows
};

// When the termination `notice` gives takes effect.
Termination TerminationBy(const LifecycleParameters& parameters, const Notice* notice) {
  // sec_6__para_7: "The Agreement may be terminated by either Participant by giving a written
  // notice of its intention to terminate the Agreement to the other Participant at least
  // 6 (six) months in advance." The notice period runs from the day after the notice; the
  // termination takes effect at the end of its last day, or later when the notice says so.
  Termination termination{
      notice, LastDayOfPeriod(notice->date, parameters.termination_notice.value), false};
  if (notice->effective_date && *notice->effective_date > termination.effective) {
    termination.effective = *notice->effective_date;
  } else if (notice->effective_date && *notice->effective_date < termination.effective) {
    termination.deferred = true;
  }
  return termination;
}

std::optional<Termination> EarliestTermination(const LifecycleParameters& parameters,
                                               const std::vector<const Notice*>& known) {
  std::optional<Termination> earliest;
  for (const Notice* notice : known) {
    if (notice->kind != NoticeKind::kTermination) continue;
    const Termination termination = TerminationBy(parameters, notice);
    if (!earliest || termination.effective < earliest->effective) earliest = termination;
  }
  return earliest;
}

// The first notice of each Participant among `notices`, in date order.
std::map<std::string, const Notice*> FirstByParty(const std::vector<const Notice*>& notices) {
  std::map<std::string, const Notice*> first;
  for (const Notice* notice : notices) {
    auto [it, added] = first.emplace(notice->from, notice);
    if (!added && notice->date < it->second->date) it->second = notice;
  }
  return first;
}

}  // namespace

Result<bool> CheckNotice(const LifecycleParameters& parameters, const Notice& notice) {
  std::string where = fmt::format("event {}", notice.event_id);
  std::string what =
      fmt::format("the {} notice given by {} on {}", NoticeKindName(notice.kind),
                  notice.from.empty() ? "nobody" : notice.from, notice.date.ToString());
  std::string provision = CitationFor(parameters, notice.kind).eid;
  std::string party_list = fmt::format("{}", fmt::join(parameters.parties, ", "));
  if (notice.event_id.empty()) return Error{what + " has no event id to cite", "notice"};
  if (!IsParty(parameters, notice.from)) {
    return Error{fmt::format("{} is not from a Participant ({})", what, party_list), where};
  }
  if (notice.to.empty()) {
    return Error{fmt::format("{} names no counterparty: a written notice passes to the other "
                             "Participant ({})",
                             what, provision),
                 where};
  }
  if (!IsParty(parameters, notice.to)) {
    return Error{
        fmt::format("{} is addressed to '{}', not a Participant ({})", what, notice.to, party_list),
        where};
  }
  if (notice.to == notice.from) {
    return Error{fmt::format("{} is addressed to its sender; it passes to the other Participant "
                             "({})",
                             what, provision),
                 where};
  }
  if (notice.date < parameters.signature.value) {
    return Error{fmt::format("{} predates the Agreement, signed on {}", what,
                             parameters.signature.value.ToString()),
                 where};
  }
  if (notice.kind == NoticeKind::kAmendmentAcceptance && notice.amendment.empty()) {
    return Error{what + " does not name the amendment it accepts", where};
  }
  if (notice.extension_term) {
    if (notice.kind != NoticeKind::kExtension) {
      return Error{what + " states a term length, which only an extension notice can", where};
    }
    if (notice.extension_term->time.count() != 0 || !notice.extension_term->HasCalendarPart()) {
      return Error{fmt::format("{} states a term of {}, not whole days, months or years", what,
                               notice.extension_term->ToString()),
                   where};
    }
  }
  return true;
}

const char* NoticeKindName(NoticeKind kind) {
  switch (kind) {
    case NoticeKind::kExtension:
      return "extension";
    case NoticeKind::kTermination:
      return "termination";
    case NoticeKind::kAmendmentAcceptance:
      return "amendment_acceptance";
  }
  return "";
}

const char* LifecycleStateName(LifecycleState state) {
  switch (state) {
    case LifecycleState::kNotYetInForce:
      return "not_yet_in_force";
    case LifecycleState::kInForce:
      return "in_force";
    case LifecycleState::kTerminationPending:
      return "termination_pending";
    case LifecycleState::kTerminated:
      return "terminated";
    case LifecycleState::kExpired:
      return "expired";
  }
  return "";
}

std::string LifecycleSummary(const Lifecycle& lifecycle) {
  const std::string from = lifecycle.in_force_from.ToString();
  const std::string term_end = lifecycle.term_last_day.ToString();
  const std::string deadline = lifecycle.extension_deadline.ToString();
  const std::string last_day = lifecycle.last_day_in_force.ToString();
  switch (lifecycle.state) {
    case LifecycleState::kNotYetInForce:
      return fmt::format(
          "Comes into force on {}; term 1 would end on {}, and an extension could be agreed in "
          "writing by {}.",
          from, term_end, deadline);
    case LifecycleState::kInForce:
      return fmt::format(
          "In force from {}; {} {} ends on {}; {} extension {} by {}.", from,
          lifecycle.term_number == 1 ? "term" : "extended in writing, term", lifecycle.term_number,
          term_end, lifecycle.term_number == 1 ? "an" : "a further",
          lifecycle.extension_possible ? "can be agreed in writing" : "could have been agreed",
          deadline);
    case LifecycleState::kTerminationPending:
      return fmt::format(
          "In force from {}; termination notice {} makes {} its last day in force, before term "
          "{} ends on {}; no extension can be agreed.",
          from, lifecycle.termination_notice, last_day, lifecycle.term_number, term_end);
    case LifecycleState::kTerminated:
      return fmt::format("Was in force from {} to {}, ended by termination notice {}.", from,
                         last_day, lifecycle.termination_notice);
    case LifecycleState::kExpired:
      return fmt::format("Was in force from {} to {}, when term {} ended.", from, last_day,
                         lifecycle.term_number);
  }
  return "";
}

Result<Lifecycle> EvaluateLifecycle(const LifecycleParameters& parameters,
                                    const LifecycleFacts& facts, Date at) {
  if (Result<bool> check = CheckParameters(parameters); !check.ok()) return check.error();
  Lifecycle out;
  out.at = at;
  auto reason = [&](const Citation& provision, std::string finding,
                    std::vector<std::string> events = {}) {
    out.reasons.push_back(Reason{provision, std::move(finding), std::move(events)});
  };
  // Only what has happened by `at` is known on `at`; notices in date order. A notice that cannot
  // be one of the agreement's is set aside with its reason, after the others: the ledger keeps
  // every event, and one recorded in error must not stop the evaluation of all the rest.
  std::vector<const Notice*> known;
  std::vector<Reason> set_aside;
  for (const Notice& notice : facts.notices) {
    if (notice.date > at) continue;
    if (Result<bool> check = CheckNotice(parameters, notice); !check.ok()) {
      set_aside.push_back(Reason{CitationFor(parameters, notice.kind),
                                 check.error().message + ": it is set aside, without effect",
                                 {notice.event_id}});
      continue;
    }
    known.push_back(&notice);
  }
  std::stable_sort(known.begin(), known.end(),
                   [](const Notice* a, const Notice* b) { return a->date < b->date; });

  // sec_6__para_1: "The Agreement comes into effect on the day of its signature."
  out.in_force_from = parameters.signature.value;
  reason(parameters.entry_into_force,
         fmt::format("signed on {}, so in force from that day", out.in_force_from.ToString()));

  // sec_6__para_2, sentence 1: "The Agreement is valid for 10 (ten) years." Counted from the
  // signature, the term's last day is the same date ten years later (period.h).
  out.term_last_day = LastDayOfPeriod(out.in_force_from, parameters.term.value);
  reason(parameters.term.source,
         fmt::format("a term of {} from {}: its last day is {} (a period counted from a day "
                     "begins the day after, as Regulation 1182/71 counts)",
                     parameters.term.value.InWords(), out.in_force_from.ToString(),
                     out.term_last_day.ToString()));

  std::optional<Termination> termination = EarliestTermination(parameters, known);

  // sec_6__para_2, sentence 2: "The Participants can jointly agree on its extension through a
  // written notice no later than 6 (six) months prior to the expiry of the term of the
  // Agreement." Jointly: both Participants' notices; the later one is the day they agreed.
  std::optional<Date> previous_deadline;
  while (true) {
    out.extension_deadline = DayPeriodBefore(out.term_last_day, parameters.extension_notice.value);
    std::vector<const Notice*> extensions;
    for (const Notice* notice : known) {
      if (notice->kind == NoticeKind::kExtension && notice->date <= out.term_last_day &&
          (!previous_deadline || notice->date > *previous_deadline)) {
        extensions.push_back(notice);
      }
    }
    if (termination && termination->effective <= out.term_last_day) {
      // The extension notices of this term are not lost from sight: each is named with why it
      // extends nothing.
      std::vector<std::string> events;
      std::vector<std::string> given;
      for (const Notice* notice : extensions) {
        events.push_back(notice->event_id);
        given.push_back(fmt::format("{} on {}", notice->from, notice->date.ToString()));
      }
      if (!events.empty()) {
        events.push_back(termination->notice->event_id);
        reason(parameters.extension_notice.source,
               fmt::format("notice of extension given by {} extends nothing: the termination "
                           "notice of {} ends the Agreement on {}, within term {}",
                           fmt::join(given, " and "), termination->notice->date.ToString(),
                           termination->effective.ToString(), out.term_number),
               events);
      }
      break;
    }
    std::map<std::string, const Notice*> first = FirstByParty(extensions);
    if (first.empty()) break;
    std::vector<std::string> events;
    for (const auto& [party, notice] : first) events.push_back(notice->event_id);
    if (first.size() < parameters.parties.size()) {
      const Notice* only = first.begin()->second;
      reason(parameters.extension_notice.source,
             fmt::format("{} gave notice of extension on {}; the other Participant has not "
                         "agreed in writing, so term {} is not extended",
                         only->from, only->date.ToString(), out.term_number),
             events);
      break;
    }
    const Notice* later = std::max_element(first.begin(), first.end(), [](auto& a, auto& b) {
                            return a.second->date < b.second->date;
                          })->second;
    if (later->date > out.extension_deadline) {
      reason(
          parameters.extension_notice.source,
          fmt::format("the Participants agreed on extension on {}, after the deadline {}, so "
                      "term {} is not extended",
                      later->date.ToString(), out.extension_deadline.ToString(), out.term_number),
          events);
      break;
    }
    // The new term's length: as the notices state it, else as long as the first term.
    std::optional<Period> length;
    bool disagree = false;
    for (const auto& [party, notice] : first) {
      if (!notice->extension_term) continue;
      if (length && !(*length == *notice->extension_term)) disagree = true;
      length = notice->extension_term;
    }
    if (disagree) {
      reason(parameters.extension_notice.source,
             fmt::format("the Participants' extension notices state different terms, so they "
                         "have not agreed on one and term {} is not extended",
                         out.term_number),
             events);
      break;
    }
    out.agreed_extensions.push_back({out.term_number, out.extension_deadline, later->date, events});
    Date previous_last_day = out.term_last_day;
    out.term_last_day = LastDayOfPeriod(previous_last_day, length.value_or(parameters.term.value));
    previous_deadline = out.extension_deadline;
    ++out.term_number;
    reason(
        parameters.extension_notice.source,
        fmt::format("the Participants agreed in writing on {} to extend the Agreement, no later "
                    "than the deadline {}: term {} runs after {} for {}{} and its last day is {}",
                    later->date.ToString(), out.extension_deadline.ToString(), out.term_number,
                    previous_last_day.ToString(), length.value_or(parameters.term.value).InWords(),
                    length ? "" : " (the notices state no length: as long as the first term)",
                    out.term_last_day.ToString()),
        events);
  }

  out.last_day_in_force = out.term_last_day;
  bool ends_by_termination = false;
  if (termination) {
    const Notice& notice = *termination->notice;
    out.termination_effective = termination->effective;
    out.termination_notice = notice.event_id;
    std::string asked = termination->deferred
                            ? fmt::format("; it asked for {}, earlier than the text allows",
                                          notice.effective_date->ToString())
                            : "";
    if (notice.date > out.term_last_day) {
      reason(parameters.termination_notice.source,
             fmt::format("{} gave notice of termination on {}, after the Agreement's last day "
                         "{}: it has no effect",
                         notice.from, notice.date.ToString(), out.term_last_day.ToString()),
             {notice.event_id});
      out.termination_effective.reset();
      out.termination_notice.clear();
    } else if (termination->effective <= out.term_last_day) {
      ends_by_termination = true;
      out.last_day_in_force = termination->effective;
      reason(parameters.termination_notice.source,
             fmt::format("{} gave {} written notice of termination on {}{}: the termination takes "
                         "effect on {}, the last day in force",
                         notice.from, notice.to, notice.date.ToString(), asked,
                         termination->effective.ToString()),
             {notice.event_id});
      // Other termination notices known by then end nothing: this one ends the Agreement first.
      for (const Notice* other : known) {
        if (other->kind != NoticeKind::kTermination || other == &notice) continue;
        reason(parameters.termination_notice.source,
               other->date > termination->effective
                   ? fmt::format("{} gave notice of termination on {}, after the Agreement "
                                 "ended on {}: it has no effect",
                                 other->from, other->date.ToString(),
                                 termination->effective.ToString())
                   : fmt::format("{} also gave notice of termination on {}: it would take "
                                 "effect on {}, but the Agreement ends first, on {}",
                                 other->from, other->date.ToString(),
                                 TerminationBy(parameters, other).effective.ToString(),
                                 termination->effective.ToString()),
               {other->event_id, notice.event_id});
      }
    } else {
      // It never takes effect: the Agreement has ended by then, so nothing reports it as effective.
      out.termination_effective.reset();
      reason(parameters.termination_notice.source,
             fmt::format("{} gave {} written notice of termination on {}{}: it would take effect "
                         "on {}, but the term ends first, on {}",
                         notice.from, notice.to, notice.date.ToString(), asked,
                         termination->effective.ToString(), out.term_last_day.ToString()),
             {notice.event_id});
    }
  }

  bool in_force = at >= out.in_force_from && at <= out.last_day_in_force;
  if (at < out.in_force_from) {
    out.state = LifecycleState::kNotYetInForce;
  } else if (in_force) {
    out.state =
        ends_by_termination ? LifecycleState::kTerminationPending : LifecycleState::kInForce;
  } else {
    out.state = ends_by_termination ? LifecycleState::kTerminated : LifecycleState::kExpired;
  }

  out.extension_possible = in_force && at <= out.extension_deadline && !ends_by_termination;
  if (!ends_by_termination && at <= out.term_last_day) {
    reason(parameters.extension_notice.source,
           fmt::format("an extension of term {} must be agreed in writing by {}{}", out.term_number,
                       out.extension_deadline.ToString(),
                       at > out.extension_deadline ? "; that day has passed" : ""));
  }

  // sec_6__para_4: "In the event that Ukraine becomes a member of NATO before the end of the
  // Agreement, the Participants will decide on its future status."
  if (facts.ukraine_nato_membership && *facts.ukraine_nato_membership <= at) {
    Date joined = *facts.ukraine_nato_membership;
    std::string when = fmt::format("Ukraine became a member of NATO on {}", joined.ToString());
    if (!facts.ukraine_nato_membership_source.empty()) {
      when += fmt::format(" ({})", facts.ukraine_nato_membership_source);
    }
    if (joined <= out.last_day_in_force) {
      out.future_status_pending = in_force;
      reason(parameters.nato_membership,
             fmt::format("{}, before the end of the Agreement ({}): {}", when,
                         out.last_day_in_force.ToString(),
                         in_force ? "the Participants are to decide on its future status"
                                  : "the Agreement has since ended"));
    } else {
      reason(parameters.nato_membership, fmt::format("{}, after the Agreement's last day {}", when,
                                                     out.last_day_in_force.ToString()));
    }
  }

  // sec_6__para_5: "This Agreement may be amended and supplemented, including by adding annexes
  // thereto, by mutual agreement of the Participants, which shall be made in writing." An
  // amendment takes effect once every Participant has accepted it in writing, or on the latest
  // day an acceptance names, whichever is later.
  std::map<std::string, Date> asked_for;
  for (const Notice* notice : known) {
    if (notice->kind != NoticeKind::kAmendmentAcceptance) continue;
    auto it = std::find_if(out.amendments.begin(), out.amendments.end(),
                           [&](const AmendmentStatus& a) { return a.id == notice->amendment; });
    if (it == out.amendments.end()) {
      out.amendments.push_back(AmendmentStatus{notice->amendment, {}, std::nullopt, {}});
      it = out.amendments.end() - 1;
    }
    it->events.push_back(notice->event_id);
    if (std::find(it->accepted_by.begin(), it->accepted_by.end(), notice->from) ==
        it->accepted_by.end()) {
      it->accepted_by.push_back(notice->from);
      if (it->accepted_by.size() == parameters.parties.size()) it->in_effect_from = notice->date;
    }
    if (notice->effective_date) {
      auto [asked, added] = asked_for.emplace(it->id, *notice->effective_date);
      if (!added && *notice->effective_date > asked->second) {
        asked->second = *notice->effective_date;
      }
    }
  }
  for (AmendmentStatus& amendment : out.amendments) {
    auto asked = asked_for.find(amendment.id);
    if (amendment.in_effect_from && asked != asked_for.end() &&
        asked->second > *amendment.in_effect_from) {
      amendment.in_effect_from = asked->second;
    }
    std::string finding =
        amendment.in_effect_from
            ? fmt::format("amendment {} was accepted in writing by {}: {} {}", amendment.id,
                          fmt::join(amendment.accepted_by, " and "),
                          *amendment.in_effect_from <= at ? "in effect from" : "takes effect on",
                          amendment.in_effect_from->ToString())
            : fmt::format(
                  "amendment {} was accepted in writing by {} only: not in effect until "
                  "the other Participant accepts it in writing",
                  amendment.id, fmt::join(amendment.accepted_by, " and "));
    reason(parameters.amendment, std::move(finding), amendment.events);
  }

  // sec_6__para_8: "The termination will not affect the implementation of ongoing activities or
  // projects, which have been decided prior to the date of its termination unless the
  // Participants decide otherwise."
  if (ends_by_termination) {
    for (const Activity& activity : facts.activities) {
      if (activity.decided <= at && activity.decided < *out.termination_effective) {
        out.continuing_activities.push_back(activity.id);
      }
    }
    if (!out.continuing_activities.empty()) {
      reason(parameters.ongoing_activities,
             fmt::format("{} decided before {} continue, unless the Participants decide "
                         "otherwise",
                         CountOf(static_cast<int64_t>(out.continuing_activities.size()),
                                 "activity or project", "activities or projects"),
                         out.termination_effective->ToString()),
             out.continuing_activities);
    }
  }
  out.reasons.insert(out.reasons.end(), set_aside.begin(), set_aside.end());
  return out;
}

}  // namespace treaty::evaluation
