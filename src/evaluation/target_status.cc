#include "evaluation/target_status.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "evaluation/amount_text.h"
#include "evaluation/flow_sums.h"
#include "evaluation/status_words.h"
#include "ledger/currency.h"

namespace treaty::evaluation {
namespace {

using nlohmann::json;

// What each measure counts, in words for findings.
std::string MeasureWords(const std::string& measure) {
  if (measure == "allocated") {
    return "allocated (allocation decisions, or what was provided when that is more: it was "
           "allocated first)";
  }
  if (measure == "pledged") return "pledged";
  return "provided (disbursements, the value of deliveries and the cost of training)";
}

std::string EventsText(int64_t events) { return CountOf(events, "event", "events"); }

std::string DeliveriesText(int64_t deliveries) {
  return CountOf(deliveries, "delivery", "deliveries");
}

// "besides, EUR 112,000,000 pledged (1 event) and EUR 10,000,000 allocated (1 event) for 2024, not
// counted as provided": what the same events' other measures come to, which `measure` does not
// count, citing their events; nullopt when they come to nothing.
std::optional<Reason> OtherMeasuresReason(const Citation& source, const FlowSums& sums,
                                          const std::string& measure, const std::string& currency,
                                          const std::string& years) {
  std::vector<std::string> others;
  std::vector<std::string> events;
  // The allocation decisions alone: FlowSums::Measure("allocated") may be what was provided.
  for (const auto& [other, amount, counted] :
       {std::tuple{"pledged", sums.pledged, &sums.pledges},
        std::tuple{"allocated", sums.allocated, &sums.allocations},
        std::tuple{"provided", sums.Measure("provided"), &sums.provided}}) {
    // What was provided is part of what was allocated.
    const bool within = measure == "allocated" && std::string_view(other) == "provided";
    if (other == measure || amount <= 0 || within) continue;
    others.push_back(
        fmt::format("{} {} ({})", MoneyText(amount, currency), other, EventsText(counted->count)));
    events.insert(events.end(), counted->latest.begin(), counted->latest.end());
  }
  if (others.empty()) return std::nullopt;
  std::string joined = others.front();
  for (size_t i = 1; i < others.size(); ++i) {
    joined += (i + 1 == others.size() ? " and " : ", ") + others[i];
  }
  return Reason{source,
                fmt::format("besides, {} for {}, not counted as {}", joined, years, measure),
                std::move(events)};
}

std::string YearsLabel(int first, int last) {
  return first == last ? std::to_string(first) : fmt::format("{}–{}", first, last);
}

// A span of years a numeric target covers ([0, 0]: no years named, so it runs while the Agreement
// is in force).
struct Span {
  int first = 0;
  int last = 0;
  bool open_ended() const { return first == 0; }
};

std::vector<Span> SpansOf(const TargetRule& rule) {
  std::vector<Span> spans;
  if (rule.years.empty()) return {Span{}};
  if (rule.per_year) {
    for (int year : rule.years) spans.push_back(Span{year, year});
    return spans;
  }
  return {Span{rule.years.front(), rule.years.back()}};
}

// The last day of a span: its last year's end, or the Agreement's last day in force when that is
// earlier (a span without years runs as long as the Agreement is in force).
Date SpanEnd(const Span& span, Date last_day_in_force) {
  return span.open_ended() ? last_day_in_force
                           : std::min(Date::LastOfYear(span.last), last_day_in_force);
}

// The status of a span with `achieved` against `reached_at` (nullopt: not yet measurable) on
// `at`. Before the Agreement is in force nothing of it runs: upcoming.
std::string SpanStatus(const Span& span, std::optional<int64_t> reached_at, int64_t achieved,
                       Date at, const Lifecycle& lifecycle) {
  if (at < lifecycle.in_force_from) return "upcoming";
  if (!span.open_ended() && at < Date::FirstOfYear(span.first)) return "upcoming";
  const bool running = at <= SpanEnd(span, lifecycle.last_day_in_force);
  if (!reached_at) return running ? "in_progress" : "not_yet_measurable";
  if (achieved >= *reached_at) return "met";
  return running ? "in_progress" : "missed";
}

// The precision an amount is stated to, in minor units: the largest power of ten it is a multiple
// of ("112 million": one million).
int64_t StatedPrecision(int64_t minor_units) {
  int64_t precision = 1;
  while (minor_units > 0 && minor_units % (precision * 10) == 0) precision *= 10;
  return precision;
}

// The least amount that reaches `money`: the amount itself, or, for one stated approximately
// ("approximately 112 million EUR"), the least that rounds to it at the precision it is stated
// to (EUR 111,500,000).
int64_t LeastReaching(const MoneyTarget& money) {
  return money.approximate ? money.minor_units - StatedPrecision(money.minor_units) / 2
                           : money.minor_units;
}

// Overall: a missed span first, then one in progress, then one not yet measurable, then met.
std::string OverallStatus(const std::vector<std::string>& statuses) {
  for (const char* status : {"missed", "in_progress", "not_yet_measurable", "met"}) {
    for (const std::string& candidate : statuses) {
      if (candidate == status) return status;
    }
  }
  return "upcoming";
}

std::string DeadlineState(const std::string& status) {
  if (status == "met" || status == "missed") return status;
  if (status == "not_yet_measurable") return "passed";
  return "upcoming";
}

std::string ScopeOf(const TargetRule& rule) {
  return rule.options.scope == "category" ? CategoryScope(rule.category)
                                          : CommitmentScope(rule.commitment_id);
}

std::string ScopeWords(const TargetRule& rule) {
  return rule.options.scope == "category"
             ? fmt::format("events linked to any {} commitment, each counted once", rule.category)
             : fmt::format("events linked to {}", rule.commitment_id);
}

// sec_2__hcontainer_1__para_2: "Latvia has set the target … of providing the necessary military
// support to Ukraine": a target is met by what its obligors did, not by the other Participant,
// so events recorded as another Participant's acts are named and left out.
Reason OtherParticipantsReason(const TargetRule& rule, const FlowSums& sums,
                               const std::string& years) {
  return Reason{rule.source,
                fmt::format("{} of {} for {} not counted: only what {} did counts towards {}",
                            EventsText(sums.other_participant.count),
                            fmt::join(sums.other_participants, ", "), years,
                            fmt::join(rule.obligors, " and "), rule.commitment_id),
                sums.other_participant.latest};
}

json SumsJson(const FlowSums& sums) {
  return {{"pledged_minor_units", sums.pledged},
          {"allocated_minor_units", sums.allocated},
          {"disbursed_minor_units", sums.disbursed},
          {"delivered_value_minor_units", sums.delivered_value},
          {"training_cost_minor_units", sums.training_cost},
          {"events", sums.events},
          {"other_currency_events", sums.other_currency.count}};
}

ReferenceUse UseOf(const ReferenceSeries& series, const ReferenceRow& row) {
  return ReferenceUse{series.file, row.line,       row.year,      row.value,
                      series.unit, series.measure, row.Vintage(), row.source};
}

// share_ppm of a whole-unit figure, in minor units of `currency`.
int64_t ShareInMinorUnits(int64_t whole_units, int64_t share_ppm, const std::string& currency) {
  const int exponent = ledger::CurrencyMinorUnit(currency).value_or(0);
  __int128 value = whole_units;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return static_cast<int64_t>(value * share_ppm / 1000000);
}

// Why a series has no figure of `year` on `at`: "LV's GDP for 2024 is published on 2025-03-01
// (FILE, line 3), after 2024-06-01", or "LV's GDP for 2026 is not in FILE, the series the rules
// read" (the series holds what was published when it was made).
std::string NotPublishedText(const ReferenceSeries& series, const std::string& party,
                             const std::string& measure, int year, Date at) {
  if (const ReferenceRow* later = series.Find(year)) {
    return fmt::format("{}'s {} for {} is published on {} ({}, line {}), after {}", party, measure,
                       year, later->published.ToString(), series.file, later->line, at.ToString());
  }
  return fmt::format("{}'s {} for {} is not in {}, the series the rules read", party, measure, year,
                     series.file);
}

Reason ConditionReason(const TargetRule& rule) {
  std::string words;
  for (const std::string& condition : rule.condition_words) {
    words += (words.empty() ? "" : "; ") + fmt::format("\"{}\"", condition);
  }
  return Reason{rule.source,
                fmt::format("the commitment is conditional ({}); a shortfall is reported as "
                            "missed and the condition is left to the reader",
                            words),
                {}};
}

RuleOutcome Numeric(const TargetRule& rule, const AgreementRules& rules, const LedgerFacts& facts,
                    const Lifecycle& lifecycle, Date at) {
  RuleOutcome outcome;
  CommitmentStatus& status = outcome.status;
  const bool gdp = rule.kind == TargetRuleKind::kGdpShare;
  const std::string party = rule.obligors.empty() ? std::string() : rule.obligors.front();
  // A share of GDP is money in the series' unit ("gdp_eur": EUR).
  const ReferenceSeries* series =
      gdp ? &rules.reference_series.at(rule.share_of).at(party) : nullptr;
  const std::string currency = gdp ? series->unit : rule.money.currency;
  if (gdp) {
    status.progress = {{"share_percent", static_cast<double>(rule.share_ppm) / 10000.0},
                       {"of", rule.share_of},
                       {"party", party},
                       {"series", series->file}};
  } else {
    status.progress = {{"target_minor_units", rule.money.minor_units},
                       {"approximate", rule.money.approximate},
                       {"per_year", rule.per_year}};
  }
  status.progress["currency"] = currency;
  status.progress["measure"] = rule.options.measure;
  status.progress["scope"] = ScopeWords(rule);

  json periods = json::array();
  std::vector<std::string> statuses;
  std::vector<std::string> summaries;
  std::vector<int> not_owed;  // years after the last day in force
  for (const Span& span : SpansOf(rule)) {
    if (!span.open_ended() && Date::FirstOfYear(span.first) > lifecycle.last_day_in_force) {
      for (int year = span.first; year <= span.last; ++year) not_owed.push_back(year);
      continue;
    }
    // An amount for no year is owed while the Agreement is in force, and so is one for years the
    // Agreement ended within: what came after its last day in force does not count towards it.
    const Date span_end = SpanEnd(span, lifecycle.last_day_in_force);
    const bool cut = !span.open_ended() && span_end < Date::LastOfYear(span.last);
    const Date through = span.open_ended() || cut ? std::min(at, span_end) : at;
    FlowSums sums = SumFlows(
        facts,
        FlowQuery{ScopeOf(rule), currency, "", through, span.first, span.last, rule.obligors, {}});
    const int64_t achieved = sums.Measure(rule.options.measure);
    std::optional<int64_t> target;
    json period = {{"label", span.open_ended() ? std::string("all years")
                                               : YearsLabel(span.first, span.last)}};
    if (!span.open_ended()) period["years"] = {span.first, span.last};
    if (gdp) {
      const ReferenceRow* row = series->Find(span.first, at);
      if (row != nullptr) {
        target = ShareInMinorUnits(row->value, rule.share_ppm, currency);
        status.references.push_back(UseOf(*series, *row));
        period["reference"] = {{"value", row->value},
                               {"unit", series->unit},
                               {"vintage", row->Vintage()},
                               {"file", series->file},
                               {"line", row->line}};
        status.reasons.push_back(Reason{
            rule.source,
            fmt::format("{} of {}'s {} {} ({}, {}: {}, line {}) is {}", PpmText(rule.share_ppm),
                        party, span.first, rule.share_of,
                        MoneyText(ShareInMinorUnits(row->value, 1000000, currency), currency),
                        row->Vintage(), series->file, row->line, MoneyText(*target, currency)),
            {}});
      } else {
        period["reference"] = nullptr;
        status.reasons.push_back(
            Reason{rule.source,
                   fmt::format("{}: the year is not yet measurable",
                               NotPublishedText(*series, party, rule.share_of, span.first, at)),
                   {}});
      }
    } else {
      target = rule.money.minor_units;
    }
    const std::optional<int64_t> reached_at =
        gdp || !target ? target : std::optional<int64_t>(LeastReaching(rule.money));
    const std::string span_status = SpanStatus(span, reached_at, achieved, at, lifecycle);
    if (span.open_ended() && at > lifecycle.last_day_in_force) {
      status.reasons.push_back(
          Reason{rule.source,
                 fmt::format("the text names no year: the amount was owed while the Agreement "
                             "was in force, to {}",
                             lifecycle.last_day_in_force.ToString()),
                 {}});
    }
    if (cut) {
      status.reasons.push_back(Reason{
          rule.source,
          fmt::format("the Agreement's last day in force, {}, comes before the end of {}: what "
                      "was {} by then is measured against the whole target, not a part of it",
                      span_end.ToString(), YearsLabel(span.first, span.last), rule.options.measure),
          {}});
    }
    statuses.push_back(span_status);
    period["status"] = span_status;
    period["target_minor_units"] = target ? json(*target) : json(nullptr);
    period["achieved_minor_units"] = achieved;
    period["percent_of_target"] = target ? json(PercentOf(achieved, *target)) : json(nullptr);
    period.update(SumsJson(sums));
    periods.push_back(period);
    // sec_3__hcontainer_16__para_2: what was provided, when it is more than the allocation
    // decisions, is what was allocated: its events are the ones the figure rests on.
    const bool provided_counts =
        rule.options.measure == "provided" ||
        (rule.options.measure == "allocated" && sums.ProvidedExceedsAllocated());
    const bool allocated_by_provision = rule.options.measure == "allocated" && provided_counts;
    // Its events are those of the figure it counts; allocation decisions it names beside what was
    // provided are not among them.
    const CountedEvents& counted =
        allocated_by_provision ? sums.provided : sums.EventsOf(rule.options.measure);
    const std::string years =
        span.open_ended() ? std::string("any year") : YearsLabel(span.first, span.last);
    status.reasons.push_back(
        Reason{rule.source,
               fmt::format("{} for {} by {}: {} from {} ({}){}", MeasureWords(rule.options.measure),
                           years, at.ToString(), MoneyText(achieved, currency),
                           EventsText(counted.count), ScopeWords(rule),
                           allocated_by_provision
                               ? fmt::format(": what was provided, more than the {} of allocation "
                                             "decisions",
                                             MoneyText(sums.allocated, currency))
                               : ""),
               counted.latest});
    if (std::optional<Reason> others =
            OtherMeasuresReason(rule.source, sums, rule.options.measure, currency, years)) {
      status.reasons.push_back(std::move(*others));
    }
    if (provided_counts && sums.training_cost > 0) {
      status.reasons.push_back(Reason{
          rule.source,
          fmt::format("{} of it is the cost recorded on trainings: a cost also recorded as a "
                      "disbursement counts twice",
                      MoneyText(sums.training_cost, currency)),
          sums.trainings.latest});
    }
    if (sums.other_participant.count > 0) {
      status.reasons.push_back(OtherParticipantsReason(rule, sums, years));
    }
    if (provided_counts && sums.unvalued.count > 0) {
      status.reasons.push_back(Reason{
          rule.source,
          fmt::format("{} for {} not counted: recorded without a value, and goods count by their "
                      "value in {}",
                      DeliveriesText(sums.unvalued.count), years, currency),
          sums.unvalued.latest});
    }
    if (sums.other_currency.count > 0) {
      status.reasons.push_back(Reason{
          rule.source,
          fmt::format("{} in {} for {} not counted: amounts are compared in {} only, without "
                      "conversion",
                      EventsText(sums.other_currency.count), fmt::join(sums.other_currencies, ", "),
                      years, currency),
          sums.other_currency.latest});
    }
    const std::string label =
        span.open_ended() ? std::string("in all") : period["label"].get<std::string>();
    // A target not reached by what was provided says beside its state what was allocated, which
    // does not count as provided: a reader sees the decision, and that the giving is not recorded.
    const std::string state =
        rule.options.measure == "provided" && span_status != "met" && sums.allocated > achieved
            ? fmt::format("{}; {} allocated, not counted as provided", StatusWords(span_status),
                          MoneyText(sums.allocated, currency))
            : StatusWords(span_status);
    // Without its year's GDP a share has no figure to be "of" yet.
    summaries.push_back(
        target ? fmt::format("{}: {} of {} ({})", label, MoneyText(achieved, currency),
                             MoneyText(*target, currency), state)
               : fmt::format("{}: {}, the target unknown until the {} of {} is published ({})",
                             label, MoneyText(achieved, currency), rule.share_of,
                             YearsLabel(span.first, span.last), state));
    if (!span.open_ended()) {
      const std::string what = fmt::format("{} for {}{}", YearsLabel(span.first, span.last),
                                           !gdp && rule.money.approximate ? "approximately " : "",
                                           gdp ? PpmText(rule.share_ppm) + " of " + rule.share_of
                                               : MoneyText(rule.money.minor_units, currency));
      Deadline deadline{fmt::format("target-{}-{}", rule.commitment_id, span.last),
                        span_end,
                        std::nullopt,
                        "End of " + what + (cut ? ": the Agreement's last day in force" : ""),
                        rule.source,
                        {}};
      // The calendar's entry changes only with the deadline (LedgerFacts::Revision: flows change
      // no deadline), so it does not list the events that count towards it; the status's does.
      outcome.calendar.push_back(deadline);
      deadline.events = counted.latest;
      outcome.deadlines.push_back({deadline, rule.commitment_id, DeadlineState(span_status)});
    }
  }
  if (!not_owed.empty()) {
    status.reasons.push_back(
        Reason{rule.source,
               fmt::format("{} {} not owed: the Agreement's last day in force is {}",
                           not_owed.size() == 1 ? "year" : "years", fmt::join(not_owed, ", "),
                           lifecycle.last_day_in_force.ToString()),
               {}});
    summaries.push_back(fmt::format("{} not owed (the Agreement ended on {})",
                                    fmt::join(not_owed, ", "),
                                    lifecycle.last_day_in_force.ToString()));
  }
  status.progress["periods"] = periods;
  status.status = OverallStatus(statuses);
  std::string joined;
  for (const std::string& summary : summaries) joined += (joined.empty() ? "" : "; ") + summary;
  status.summary = fmt::format("{}: {}", rule.options.measure, joined);
  if (!rule.options.because.empty()) {
    status.reasons.push_back(
        Reason{rule.source,
               fmt::format("measured by what was {} because the text says \"{}\"",
                           rule.options.measure, rule.options.because),
               {}});
  }
  if (!rule.conditions.empty()) status.reasons.push_back(ConditionReason(rule));
  // sec_2__hcontainer_1__para_5: "annual contributions to NATO CAP of EUR 2 million are planned":
  // a plan or an aim is measured as a promise is, and the reader told which it is.
  if (rule.strength == "endeavours" || rule.strength == "considers" || rule.strength == "may") {
    status.reasons.push_back(Reason{
        rule.source,
        fmt::format("the text aims at this figure rather than promising it (strength \"{}\"): a "
                    "shortfall is reported as missed and what the strength allows is left to the "
                    "reader",
                    rule.strength),
        {}});
  }
  if (rule.money.approximate) {
    status.reasons.push_back(Reason{
        rule.source,
        fmt::format("the amount is approximate (\"approximately\"), stated to {}: what rounds to "
                    "it, {} or more, reaches it",
                    MoneyText(StatedPrecision(rule.money.minor_units), rule.money.currency),
                    MoneyText(LeastReaching(rule.money), rule.money.currency)),
        {}});
  }
  return outcome;
}

// "the ~EUR 112 M named for 2024 shown beside 0.25 % of the published 2024 GDP".
void AddBeside(const TargetRule& rule, const AgreementRules& rules, Date at,
               CommitmentStatus& status) {
  const TargetRule* share = FindTargetRule(rules, rule.options.beside);
  if (share == nullptr || share->kind != TargetRuleKind::kGdpShare || rule.years.empty()) return;
  const int year = rule.years.front();
  const std::string party = share->obligors.empty() ? std::string() : share->obligors.front();
  const ReferenceSeries& series = rules.reference_series.at(share->share_of).at(party);
  const ReferenceRow* row = series.Find(year, at);
  json beside = {{"commitment", share->commitment_id},
                 {"provision", share->source.eid},
                 {"year", year},
                 {"share_percent", static_cast<double>(share->share_ppm) / 10000.0}};
  const std::string& currency = rule.money.currency;
  const int64_t named = rule.money.minor_units;
  // The GDP of which the named amount is the share, in minor units, as every other amount of
  // the status (the reference row keeps its file's unit).
  const int64_t implied_gdp =
      static_cast<int64_t>(static_cast<__int128>(named) * 1000000 / share->share_ppm);
  beside["implied_gdp_minor_units"] = implied_gdp;
  if (row == nullptr) {
    beside["share_minor_units"] = nullptr;
    beside["explanation"] = fmt::format("{} named for {} would be {} of a {} of {}; {}",
                                        MoneyText(named, currency), year, PpmText(share->share_ppm),
                                        share->share_of, MoneyText(implied_gdp, currency),
                                        NotPublishedText(series, party, share->share_of, year, at));
  } else {
    const int64_t share_amount = ShareInMinorUnits(row->value, share->share_ppm, currency);
    const int64_t difference = named - share_amount;
    beside["share_minor_units"] = share_amount;
    beside["difference_minor_units"] = difference;
    beside["reference"] = {{"value", row->value},
                           {"unit", series.unit},
                           {"vintage", row->Vintage()},
                           {"file", series.file},
                           {"line", row->line}};
    status.references.push_back(UseOf(series, *row));
    beside["explanation"] = fmt::format(
        "{} named for {} would be {} of a {} of {}; {}'s published {} {} is {} ({}), of which {} "
        "is {}, "
        "so the named amount is {} {} than {} of the published figure",
        MoneyText(named, currency), year, PpmText(share->share_ppm), share->share_of,
        MoneyText(implied_gdp, currency), party, year, share->share_of,
        MoneyText(ShareInMinorUnits(row->value, 1000000, currency), currency), row->Vintage(),
        PpmText(share->share_ppm), MoneyText(share_amount, currency),
        MoneyText(difference < 0 ? -difference : difference, currency),
        difference < 0 ? "less" : "more", PpmText(share->share_ppm));
  }
  status.progress["beside"] = beside;
  status.reasons.push_back(Reason{share->source, beside["explanation"].get<std::string>(), {}});
}

RuleOutcome CountTarget(const TargetRule& rule, const LedgerFacts& facts,
                        const Lifecycle& lifecycle, Date at) {
  RuleOutcome outcome;
  CommitmentStatus& status = outcome.status;
  // A count for no year is owed while the Agreement is in force, as an amount for no year is:
  // what came after its last day in force does not count.
  const Date counted_to = std::min(at, lifecycle.last_day_in_force);
  FlowSums sums = SumFlows(facts, FlowQuery{CommitmentScope(rule.commitment_id),
                                            "",
                                            rule.unit,
                                            counted_to,
                                            0,
                                            0,
                                            rule.obligors,
                                            {ledger::EventType::kDelivery}});
  const double share = PercentOf(sums.delivered_quantity, rule.count);
  // The deliveries counted: those in the text's unit.
  const int64_t deliveries = sums.events_by_type["delivery"] - sums.other_unit.count;
  const std::string own = rule.obligors.empty() ? std::string("own") : rule.obligors.front();
  status.progress = {{"unit", rule.unit},
                     {"goal", rule.count},
                     {"delivered", sums.delivered_quantity},
                     {"share_of_goal_percent", share},
                     {"events", deliveries}};
  if (!rule.options.goal_of.empty()) {
    status.status = "coalition_goal";
    status.progress["goal_of"] = rule.options.goal_of;
    status.progress["label"] =
        fmt::format("{}'s own deliveries as a share of the goal of {}", own, rule.options.goal_of);
    status.summary = fmt::format("{} {}s delivered by {}: {}% of the {} goal of {} ({})",
                                 CountText(sums.delivered_quantity), rule.unit, own, share,
                                 "shared", CountText(rule.count), rule.options.goal_of);
    status.reasons.push_back(Reason{
        rule.source,
        fmt::format("the goal of {} {}s is one of {}, not of {} alone: it is neither met nor "
                    "missed by {}'s deliveries, which are shown as a share of it",
                    CountText(rule.count), rule.unit, rule.options.goal_of, own, own),
        {}});
  } else {
    // As SpanStatus says of an amount for no year: upcoming before the Agreement is in force, met
    // once reached, missed if not reached by its last day in force.
    status.status = at < lifecycle.in_force_from            ? "upcoming"
                    : sums.delivered_quantity >= rule.count ? "met"
                    : at > lifecycle.last_day_in_force      ? "missed"
                                                            : "in_progress";
    status.summary = fmt::format("{} of {} {}s delivered ({}%)", CountText(sums.delivered_quantity),
                                 CountText(rule.count), rule.unit, share);
  }
  status.reasons.push_back(
      Reason{rule.source,
             fmt::format("{} {}s delivered by {} in {} linked to {}",
                         CountText(sums.delivered_quantity), rule.unit, counted_to.ToString(),
                         deliveries == 1 ? std::string("1 delivery event")
                                         : fmt::format("{} delivery events", deliveries),
                         rule.commitment_id),
             sums.latest});
  if (sums.other_participant.count > 0) {
    status.reasons.push_back(OtherParticipantsReason(rule, sums, "any year"));
  }
  if (sums.other_unit.count > 0) {
    status.reasons.push_back(
        Reason{rule.source,
               fmt::format("{} not counted: counted in {}, not in the text's unit \"{}\"",
                           DeliveriesText(sums.other_unit.count),
                           fmt::format("\"{}\"", fmt::join(sums.other_units, "\", \"")), rule.unit),
               sums.other_unit.latest});
  }
  return outcome;
}

RuleOutcome LinkedActivity(const TargetRule& rule, const LedgerFacts& facts, Date at) {
  RuleOutcome outcome;
  CommitmentStatus& status = outcome.status;
  FlowSums sums =
      SumFlows(facts, FlowQuery{CommitmentScope(rule.commitment_id), "", "", at, 0, 0, {}, {}});
  status.status = sums.events > 0 ? "activity_recorded" : "no_activity_recorded";
  status.progress = {{"events", sums.events}, {"events_by_type", sums.events_by_type}};
  if (sums.last_date) status.progress["last_event_date"] = sums.last_date->ToString();
  status.progress["latest_events"] = sums.latest;
  status.summary = sums.events > 0
                       ? fmt::format("{}, the last dated {}",
                                     CountOf(sums.events, "linked event", "linked events"),
                                     sums.last_date->ToString())
                       : std::string("no linked events");
  status.reasons.push_back(Reason{
      rule.source,
      rule.ceiling_words.empty()
          ? fmt::format("the commitment names no amount or count: its linked activity by {} is "
                        "shown, not a percentage",
                        at.ToString())
          : fmt::format("\"{}\" is a ceiling, not a target: less is no shortfall, so the linked "
                        "activity by {} is shown, not a percentage",
                        rule.ceiling_words, at.ToString()),
      sums.latest});
  return outcome;
}

}  // namespace

RuleOutcome EvaluateTarget(const TargetRule& rule, const AgreementRules& rules,
                           const LedgerFacts& facts, const Lifecycle& lifecycle, Date at) {
  RuleOutcome outcome;
  switch (rule.kind) {
    case TargetRuleKind::kGdpShare:
    case TargetRuleKind::kMoney:
      outcome = Numeric(rule, rules, facts, lifecycle, at);
      if (!rule.options.beside.empty()) AddBeside(rule, rules, at, outcome.status);
      break;
    case TargetRuleKind::kCount:
      outcome = CountTarget(rule, facts, lifecycle, at);
      break;
    case TargetRuleKind::kActivity:
      outcome = LinkedActivity(rule, facts, at);
      break;
  }
  // A coalition's goal (a count shared with others) is not compared, so it has no minimum.
  if (!rule.lower_bound_words.empty() && outcome.status.status != "coalition_goal") {
    outcome.status.reasons.push_back(
        Reason{rule.source,
               fmt::format("\"{}\" is a lower bound: reaching it meets the commitment",
                           rule.lower_bound_words),
               {}});
  }
  outcome.status.id = rule.commitment_id;
  outcome.status.provision = rule.source.eid;
  outcome.status.rule = TargetRuleKindName(rule.kind);
  return outcome;
}

}  // namespace treaty::evaluation
