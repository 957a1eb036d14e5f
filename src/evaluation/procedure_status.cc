#include "evaluation/procedure_status.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "evaluation/amount_text.h"

#include "evaluation/response_window.h"

namespace treaty::evaluation {
namespace {

using ledger::EventType;
using nlohmann::json;

// Meetings of one year whose ids are listed as evidence.
constexpr size_t kMeetingsListed = 10;

bool InForceOn(const Lifecycle& lifecycle, Date day) {
  return lifecycle.in_force_from <= day && day <= lifecycle.last_day_in_force;
}

// "(in force from 2024-04-11 to 2034-04-11)": the days a request or meeting must fall on.
std::string InForceDays(const Lifecycle& lifecycle) {
  return fmt::format("in force from {} to {}", lifecycle.in_force_from.ToString(),
                     lifecycle.last_day_in_force.ToString());
}

// "armed attack" for the subtype armed_attack: how a summary or a finding names it.
std::string SubtypeInWords(std::string subtype) {
  std::replace(subtype.begin(), subtype.end(), '_', ' ');
  return subtype;
}

}  // namespace

// sec_4__para_1: "at the request of either Participant, the Participants will consult
// bilaterally or through other mutually acceptable channels within 24 hours". A
// consultation_request of the bound subtype opens the window at its `occurred_at`; the first
// consultation_held that responds to it closes it.
RuleOutcome EvaluateConsultations(const AgreementRules& rules, const LedgerFacts& facts,
                                  const Lifecycle& lifecycle, Instant at) {
  const ConsultationRule& rule = rules.consultations;
  const std::chrono::seconds length = *rule.window.value.ExactLength();
  RuleOutcome outcome;
  CommitmentStatus& status = outcome.status;
  status.id = rule.window.source.commitment_id;
  status.provision = rule.window.source.eid;
  status.rule = "consultations";
  json requests = json::array();
  int open = 0, met = 0, missed = 0, set_aside = 0;
  for (const auto& [id, fact] : facts.facts(EventType::kConsultationRequest)) {
    if (fact.subtype != rule.request_subtype) continue;
    Result<Instant> opens = ParseInstant(fact.occurred_at, "occurred_at");
    if (!opens.ok() || opens.value() > at) continue;
    if (!InForceOn(lifecycle, opens.value().LocalDate())) {
      status.reasons.push_back(
          Reason{rule.window.source,
                 fmt::format("request {} at {} is not counted: the Agreement was not in force "
                             "then ({}), so it opened no window",
                             id, opens.value().ToString(), InForceDays(lifecycle)),
                 {id}});
      ++set_aside;
      continue;
    }
    std::vector<Instant> responses;
    std::vector<std::string> response_ids;
    for (const auto& [response_id, response] : facts.facts(EventType::kConsultationHeld)) {
      if (response.responds_to != id) continue;
      Result<Instant> held = ParseInstant(response.occurred_at, "occurred_at");
      if (!held.ok() || held.value() > at) continue;
      if (held.value() < opens.value()) {
        status.reasons.push_back(
            Reason{rule.window.source,
                   fmt::format("consultation {} is dated before request {} and cannot answer it",
                               response_id, id),
                   {response_id, id}});
        continue;
      }
      responses.push_back(held.value());
      response_ids.push_back(response_id);
    }
    Result<WindowStatus> window = EvaluateWindow(opens.value(), length, responses, at);
    if (!window.ok()) continue;
    const WindowStatus& w = window.value();
    json entry = {{"request", id},
                  {"requested_by", fact.participant},
                  {"opens", w.opens.ToString()},
                  {"closes", w.closes.ToString()},
                  {"state", WindowStateName(w.state)}};
    std::vector<std::string> evidence = {id};
    std::string finding;
    if (w.response) {
      size_t first = 0;
      for (size_t i = 1; i < responses.size(); ++i) {
        if (responses[i] < responses[first]) first = i;
      }
      entry["response"] = response_ids[first];
      entry["response_at"] = w.response->ToString();
      evidence.push_back(response_ids[first]);
    }
    switch (w.state) {
      case WindowState::kOpen:
        ++open;
        entry["time_left_seconds"] = w.time_left.count();
        finding = fmt::format("request {} of {} opened a window of {} at {}; {} left until {}", id,
                              fact.participant, rule.window.value.InWords(), w.opens.ToString(),
                              TimeLeftText(w.time_left.count()), w.closes.ToString());
        break;
      case WindowState::kMet:
        ++met;
        finding =
            fmt::format("request {} at {} was answered by consultations at {}, within {}", id,
                        w.opens.ToString(), w.response->ToString(), rule.window.value.InWords());
        break;
      case WindowState::kMissed:
        ++missed;
        finding =
            fmt::format("request {} at {}: no consultations by {}{}", id, w.opens.ToString(),
                        w.closes.ToString(),
                        w.response ? fmt::format(" (held late, at {})", w.response->ToString())
                                   : std::string());
        break;
    }
    status.reasons.push_back(Reason{rule.window.source, finding, evidence});
    requests.push_back(entry);
    // On the request's own clock, as its reasons say it; the calendar's event is the instant.
    Deadline deadline{fmt::format("consultations-{}", id),
                      w.closes.LocalDate(),
                      std::nullopt,
                      fmt::format("Consultations due by {} (request {})", w.closes.ToString(), id),
                      rule.window.source,
                      evidence,
                      w.closes};
    const char* state = w.state == WindowState::kOpen  ? "upcoming"
                        : w.state == WindowState::kMet ? "met"
                                                       : "missed";
    outcome.deadlines.push_back({deadline, status.id, state});
    outcome.calendar.push_back(deadline);
  }
  status.progress = {{"window", rule.window.value.ToString()},
                     {"request_subtype", rule.request_subtype},
                     {"requests", requests}};
  status.status = missed > 0 ? "missed" : open > 0 ? "open" : met > 0 ? "met" : "no_request";
  const std::string not_counted =
      set_aside == 0 ? std::string()
                     : fmt::format(" ({} not counted: the Agreement was not in force)", set_aside);
  status.summary =
      requests.empty()
          ? fmt::format("no {} consultation request {}{}", SubtypeInWords(rule.request_subtype),
                        set_aside == 0 ? "recorded" : "counted", not_counted)
          : fmt::format("{} request{}: {} met, {} open, {} missed{}", requests.size(),
                        requests.size() == 1 ? "" : "s", met, open, missed, not_counted);
  if (requests.empty()) {
    status.reasons.push_back(
        Reason{rule.window.source,
               fmt::format("no {} consultation request {} by {}: no clock runs",
                           SubtypeInWords(rule.request_subtype),
                           set_aside == 0 ? "is recorded" : "counts", at.ToUtcString()),
               {}});
  }
  return outcome;
}

// sec_2__para_6: "the Participants will hold an annual senior-level Strategic Security and
// Defence Policy Dialogue". Each calendar year in which the agreement is in force needs a meeting
// of the bound subtype, by 31 December or by the last day in force if that is earlier.
RuleOutcome EvaluateAnnualMeeting(const AgreementRules& rules, const LedgerFacts& facts,
                                  const Lifecycle& lifecycle, Date at) {
  const AnnualMeetingRule& rule = rules.annual_meeting;
  RuleOutcome outcome;
  CommitmentStatus& status = outcome.status;
  status.id = rule.recurrence.source.commitment_id;
  status.provision = rule.recurrence.source.eid;
  status.rule = "annual_meeting";
  // Per year: the meetings held, and the ids of the first kMeetingsListed as evidence.
  std::map<int, std::pair<int64_t, std::vector<std::string>>> meetings;
  int64_t outside_count = 0;  // held while the agreement was not in force
  std::vector<std::string> outside_ids;
  for (const auto& [day, held] : facts.meetings(rule.meeting_subtype)) {
    if (day > at) break;
    if (!InForceOn(lifecycle, day)) {
      outside_count += held.count;
      for (const std::string& id : held.ids) {
        if (outside_ids.size() < kMeetingsListed) outside_ids.push_back(id);
      }
      continue;
    }
    auto& [count, ids] = meetings[day.year()];
    count += held.count;
    for (const std::string& id : held.ids) {
      if (ids.size() < kMeetingsListed) ids.push_back(id);
    }
  }
  json years = json::array();
  int missed = 0, due = 0, met = 0;
  const int first = lifecycle.in_force_from.year();
  const int last = lifecycle.last_day_in_force.year();
  for (int year = first; year <= last; ++year) {
    const Date due_date = std::min(Date::LastOfYear(year), lifecycle.last_day_in_force);
    std::string state;
    const auto held = meetings.find(year);
    if (held != meetings.end()) {
      state = "met";
      ++met;
    } else if (at < std::max(Date::FirstOfYear(year), lifecycle.in_force_from)) {
      state = "upcoming";
    } else if (at <= due_date) {
      state = "due";
      ++due;
    } else {
      state = "missed";
      ++missed;
    }
    const int64_t held_count = held == meetings.end() ? 0 : held->second.first;
    std::vector<std::string> events =
        held == meetings.end() ? std::vector<std::string>() : held->second.second;
    years.push_back({{"year", year},
                     {"due", due_date.ToString()},
                     {"state", state},
                     {"meetings", held_count},
                     {"events", events}});
    if (state != "upcoming") {
      status.reasons.push_back(Reason{
          rule.recurrence.source,
          state == "met"
              ? fmt::format("{}: held {} time{}", year, held_count, held_count == 1 ? "" : "s")
          : state == "due"
              ? fmt::format("{}: no meeting recorded yet; due by {}", year, due_date.ToString())
              : fmt::format("{}: no meeting recorded by {}", year, due_date.ToString()),
          events});
    }
    Deadline deadline{
        fmt::format("annual-meeting-{}", year),
        due_date,
        std::nullopt,
        fmt::format("Annual Strategic Security and Defence Policy Dialogue for {}", year),
        rule.recurrence.source,
        events};
    outcome.deadlines.push_back(
        {deadline, status.id, state == "due" ? std::string("upcoming") : state});
  }
  // In the calendar: every 31 December of the term as one yearly duty, and the last year's due
  // date apart when the term ends before its 31 December (a yearly rule repeats one day only).
  const Date last_due = std::min(Date::LastOfYear(last), lifecycle.last_day_in_force);
  const bool last_apart = last > first && last_due != Date::LastOfYear(last);
  const std::string duty_key = "annual-meeting";
  outcome.calendar.push_back(
      Deadline{duty_key,
               std::min(Date::LastOfYear(first), lifecycle.last_day_in_force),
               last_apart ? Date::LastOfYear(last - 1) : last_due,
               "Annual Strategic Security and Defence Policy Dialogue due by the end of the year",
               rule.recurrence.source,
               {}});
  if (last_apart) {
    outcome.calendar.push_back(Deadline{
        fmt::format("annual-meeting-{}", last),
        last_due,
        std::nullopt,
        fmt::format("Annual Strategic Security and Defence Policy Dialogue for {}, due by the "
                    "last day in force",
                    last),
        rule.recurrence.source,
        {},
        std::nullopt,
        duty_key});
  }
  if (outside_count > 0) {
    status.reasons.push_back(
        Reason{rule.recurrence.source,
               fmt::format("{} not counted: held while the Agreement was not in force ({})",
                           outside_count == 1 ? std::string("1 meeting")
                                              : fmt::format("{} meetings", outside_count),
                           InForceDays(lifecycle)),
               outside_ids});
  }
  status.progress = {{"meeting_subtype", rule.meeting_subtype}, {"years", years}};
  status.status = missed > 0 ? "missed" : due > 0 ? "due" : met > 0 ? "met" : "upcoming";
  // Every year of the term is one of the four states: those not held, due or missed are to come.
  const int years_in_force = last - first + 1;
  status.summary = fmt::format("{} of {} years held, {} due, {} missed, {} to come", met,
                               years_in_force, due, missed, years_in_force - met - due - missed);
  return outcome;
}

// sec_5__para_3: "The Participants will inform each other through diplomatic channels of the
// competent authorities": the authorised institutions are those named in authorised_institution
// notices.
RuleOutcome EvaluateAuthorisedInstitutions(const AgreementRules& rules, const LedgerFacts& facts,
                                           Date at) {
  RuleOutcome outcome;
  CommitmentStatus& status = outcome.status;
  status.id = rules.authorised_institutions.commitment_id;
  status.provision = rules.authorised_institutions.eid;
  status.rule = "authorised_institutions";
  json institutions = json::array();
  std::vector<std::string> events;
  std::set<std::string> informed;  // the Participants that have informed the other
  for (const auto& [id, fact] : facts.facts(EventType::kNotice)) {
    if (fact.subtype != "authorised_institution" || fact.date > at) continue;
    institutions.push_back({{"participant", fact.participant},
                            {"institution", fact.named_institution},
                            {"date", fact.date.ToString()},
                            {"event", id}});
    events.push_back(id);
    informed.insert(fact.participant);
  }
  // "each other": done when every Participant has informed the other, partly before.
  std::vector<std::string> not_yet;
  for (const std::string& party : rules.parties) {
    if (!informed.contains(party)) not_yet.push_back(party);
  }
  status.progress = {{"institutions", institutions}, {"not_yet_informed", not_yet}};
  status.status = institutions.empty() ? "none_notified"
                  : not_yet.empty()    ? "notified"
                                       : "partly_notified";
  status.summary = CountOf(static_cast<int64_t>(institutions.size()),
                           "authorised institution notified", "authorised institutions notified");
  if (!institutions.empty() && !not_yet.empty()) {
    status.summary += fmt::format("; not yet informed by {}", fmt::join(not_yet, ", "));
  }
  status.reasons.push_back(Reason{
      rules.authorised_institutions,
      fmt::format(
          "{} recorded by {}{}",
          CountOf(static_cast<int64_t>(institutions.size()), "notice of an authorised institution",
                  "notices of authorised institutions"),
          at.ToString(),
          not_yet.empty() ? std::string()
                          : fmt::format("; none yet from {}", fmt::join(not_yet, ", "))),
      events});
  return outcome;
}

}  // namespace treaty::evaluation
