// The ledger folded for evaluation (docs/ledger-format.md §9.2): corrections applied in leaf
// order, withdrawn events left out, and what the rules need kept small enough to evaluate any date
// in milliseconds however long the ledger is:
// - facts: the events the rules read one by one (notices, consultation requests and
//   consultations held, technical agreements), by id, in their latest content;
// - meetings: by subtype and day, how many were held and the ids of the first kLatestKept;
// - decisions: pledges and allocations with the day each was made (activities that a termination
//   does not affect, sec_6__para_8);
// - flows: sums of amounts, quantities and event counts by scope (a commitment, or a category of
//   commitments), type, currency, unit and the year the event is for (a series), and within a
//   series by fact date, with running totals so that the sums up to any day take a binary search.
// A LedgerFacts advances: CatchUp reads only the events appended since the last call.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/result.h"
#include "evaluation/date.h"
#include "evaluation/instant.h"
#include "ledger/event.h"
#include "ledger/ledger_store.h"

namespace treaty::evaluation {

// Who the evaluation is for: kPublic leaves out every restricted event (and its corrections), so
// nothing about them reaches a reader, not even a count.
enum class Audience { kPublic, kAll };
const char* AudienceName(Audience audience);  // "public", "all"
// Whether `audience` sees an event of `classification` ("public" or "restricted").
bool Sees(Audience audience, std::string_view classification);

struct EventFact {
  std::string id;
  ledger::EventType type = ledger::EventType::kNotice;
  std::string subtype;
  std::string participant;
  Date date;
  std::string occurred_at;  // RFC 3339, or empty
  std::optional<Date> effective_date;
  std::string responds_to;
  std::string named_institution;
  std::vector<std::string> commitments;
  std::vector<std::string> corrected_by;  // correction ids, in order
};

// Scopes of flows: "commitment:ID" and "category:NAME".
std::string CommitmentScope(const std::string& commitment_id);
std::string CategoryScope(const std::string& category);

// One series of flows: a scope, type, currency (empty: no amount), unit (empty: no quantity)
// and the year the events are for (their period's first year, else their date's).
struct SeriesKey {
  std::string scope;
  std::string participant;  // who acted: a party code or "both"
  ledger::EventType type = ledger::EventType::kPledge;
  std::string currency;
  std::string unit;
  int year = 0;
  auto operator<=>(const SeriesKey&) const = default;
};

// Sums in 128 bits: an event's amount or quantity is below 2^53, so no ledger's sum overflows
// (sums reported in 64 bits are capped, flow_sums.h).
struct FlowTotal {
  __int128 minor_units = 0;
  __int128 quantity = 0;
  int64_t events = 0;
};

// The days of one series. Sums up to a day are a binary search over running totals once
// Refresh() has run after the last change, and a walk over the days before that.
class FlowSeries {
 public:
  // Adds (sign +1) or removes (−1) one event dated `day`.
  void Apply(Date day, const std::string& id, const FlowTotal& amounts, int sign);
  void Refresh();

  // Totals of the events dated on or before `through`.
  FlowTotal Through(Date through) const;
  // The day of the latest event on or before `through`, or nullopt.
  std::optional<Date> LastDayThrough(Date through) const;
  // Appends (day, id) of up to `count` of the latest events dated on or before `through`.
  void LatestThrough(Date through, size_t count,
                     std::vector<std::pair<Date, const std::string*>>& out) const;
  size_t days() const { return by_day_.size(); }

 private:
  struct Day {
    FlowTotal total;
    std::vector<std::string> latest;  // ids of up to kLatestKept events, the latest recorded last
  };
  std::map<Date, Day> by_day_;
  bool fresh_ = false;
  std::vector<Date> days_;          // by_day_'s keys, when fresh_
  std::vector<FlowTotal> running_;  // running_[i]: totals of days_[0..i], when fresh_
};
inline constexpr size_t kLatestKept = 5;

// The meetings of one subtype held on one day.
struct DayMeetings {
  int64_t count = 0;
  std::vector<std::string> ids;  // up to kLatestKept, in the order recorded
};

// Finds an earlier event of the agreement by id: the original of a correction that the fold no
// longer holds in full. nullopt when there is none.
using EventLookup = std::function<Result<std::optional<ledger::Event>>(const std::string& id)>;

class LedgerFacts {
 public:
  // `categories`: the category of every commitment id of the agreement.
  LedgerFacts(std::string agreement, Audience audience,
              std::map<std::string, std::string> categories);

  // Folds the event at the next leaf index. Errors: an event of another agreement, a correction
  // of an event that is not there, a date that does not read (each naming the event id); the
  // event is then not folded and tree_size() does not move past it.
  Result<bool> Add(const ledger::Event& event, const EventLookup& lookup);
  // Folds the events appended to `store` since the last call, in chunks. Errors: the store's, and
  // those of Add.
  Result<bool> CatchUp(ledger::LedgerStore& store);

  const std::string& agreement() const { return agreement_; }
  Audience audience() const { return audience_; }
  int64_t tree_size() const { return tree_size_; }  // leaves read
  // Events folded for the audience, corrections included: a public count reveals nothing about
  // restricted events.
  int64_t events() const { return events_; }
  // Events as corrections leave them (a withdrawn one gone, an amended one by its new date), and
  // not corrections themselves, dated on or before `day`: those a status on that day counts.
  int64_t StandingThrough(Date day) const;
  // All the events standing, whatever their date.
  int64_t Standing() const;
  // A number that grows whenever what the calendar shows at `at` may have changed, and never
  // falls as the ledger grows or `at` moves on (on one clock offset, as the evaluation's day is
  // `at`'s own): the corrections, plus each version of a fact or meeting (as first recorded and
  // as each correction left it) once its date is `at`'s day or before, and once more once its
  // `occurred_at` is `at` or before. The calendar's SEQUENCE (RFC 5545 §3.8.7.4). Flows change
  // no deadline and are not counted. Not kept by FactsOnly views.
  int64_t Revision(Instant at) const;
  // The facts of one type (notice, consultation_request, consultation_held,
  // technical_agreement), by id.
  const std::map<std::string, EventFact>& facts(ledger::EventType type) const;
  const std::map<std::string, Date>& decisions() const { return decisions_; }
  // The meetings of `subtype` by day.
  const std::map<Date, DayMeetings>& meetings(const std::string& subtype) const;
  const std::map<SeriesKey, FlowSeries>& series() const { return series_; }
  // Rebuilds the running totals of the series changed since the last call, so that sums up to a
  // day are binary searches. CatchUp calls it; after Add, call it before evaluating many times.
  void Refresh();

  // Whether a correction took away a fact the rules read (withdrew it, or amended it into another
  // type or subtype), so that deadlines it set may have gone.
  bool HasSupersededFacts() const { return !superseded_.empty(); }
  // The facts `keep` accepts, the meetings, the decisions and the counts of StandingThrough, and
  // no flows: for evaluating the deadlines other facts would set (sums of flows set none).
  LedgerFacts FactsOnly(const std::function<bool(const EventFact&)>& keep) const;
  // FactsOnly of every fact, with each fact a correction took away put back in its last content:
  // the deadlines the calendar held before the corrections.
  LedgerFacts FactsBeforeCorrections() const;

 private:
  Result<bool> Fold(const ledger::Event& event, const EventLookup& lookup);
  void Apply(const std::string& id, const ledger::EventContent& content, int sign);
  Result<bool> Insert(const std::string& id, const ledger::EventContent& content,
                      const std::vector<std::string>& corrected_by);
  void Remove(const std::string& id, const ledger::EventContent& content);

  std::string agreement_;
  Audience audience_;
  std::map<std::string, std::string> categories_;
  int64_t tree_size_ = 0;
  int64_t events_ = 0;
  // Revision: versions of facts and meetings by their date, and by their occurred_at.
  std::map<Date, int64_t> versions_by_day_;
  std::map<Instant, int64_t> versions_by_moment_;
  std::map<Date, int64_t> standing_by_day_;  // StandingThrough: events standing, by their date
  int64_t corrections_folded_ = 0;
  std::map<ledger::EventType, std::map<std::string, EventFact>> facts_;
  std::map<std::string, Date> decisions_;
  std::map<std::string, std::map<Date, DayMeetings>> meetings_;
  std::map<SeriesKey, FlowSeries> series_;
  // Facts that corrections took away and that are not back under their type and subtype, by type
  // and id.
  std::map<std::pair<ledger::EventType, std::string>, EventFact> superseded_;
  // The latest content of each corrected event (absent: withdrawn), with its corrections.
  std::unordered_map<std::string, std::optional<ledger::EventContent>> corrected_;
  std::unordered_map<std::string, std::vector<std::string>> corrections_;
};

}  // namespace treaty::evaluation
