// Sums over the flows of a folded ledger (ledger_facts.h): what a scope pledged, allocated,
// disbursed and delivered in a currency and unit, from events dated up to a day and meant for a
// range of years.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "evaluation/date.h"
#include "evaluation/ledger_facts.h"

namespace treaty::evaluation {

struct FlowQuery {
  std::string scope;     // CommitmentScope(...) or CategoryScope(...)
  std::string currency;  // amounts in other currencies are counted apart
  std::string unit;      // delivered quantities in this unit; empty: none summed
  Date through;          // events dated on or before this day
  int first_year = 0;    // events meant for [first_year, last_year]; 0: any year
  int last_year = 0;
  // The Participants whose acts count (a commitment's obligors); acts of both Participants count
  // too. Empty: anyone's.
  std::vector<std::string> providers;
  std::vector<ledger::EventType> types;  // the event types summed; empty: every type
};

// Events that make up a figure: how many, and the ids of the latest kLatestListed of them, the
// latest last, for a reason to cite.
struct CountedEvents {
  int64_t count = 0;
  std::vector<std::string> latest;
};

// Sums larger than INT64_MAX are INT64_MAX.
struct FlowSums {
  int64_t pledged = 0;  // minor units of `currency`
  int64_t allocated = 0;
  int64_t disbursed = 0;
  int64_t delivered_value = 0;
  int64_t training_cost = 0;
  int64_t delivered_quantity = 0;  // in the query's unit
  int64_t events = 0;
  std::map<std::string, int64_t> events_by_type;
  CountedEvents other_currency;              // events with an amount in another currency
  std::set<std::string> other_currencies;    // their currencies
  CountedEvents other_unit;                  // deliveries counted in another unit than the query's
  std::set<std::string> other_units;         // their units
  CountedEvents other_participant;           // events of a Participant not among the providers
  std::set<std::string> other_participants;  // those Participants
  CountedEvents unvalued;  // deliveries without a value, in a sum of money: not counted in it
  std::vector<std::string> latest;  // up to kLatestListed event ids, the latest last
  std::optional<Date> last_date;
  // The events in the query's currency of what was provided (disbursements, deliveries,
  // trainings), pledged and allocated (the allocation decisions).
  CountedEvents provided;
  CountedEvents pledges;
  CountedEvents allocations;
  CountedEvents trainings;  // those with a cost

  // "provided": disbursed + delivered_value + training_cost; "allocated": allocated, or what was
  // provided when that is more (it was allocated first: ProvidedExceedsAllocated); "pledged".
  int64_t Measure(const std::string& measure) const;
  // The events that make up `measure`: "allocated": the allocation decisions; "pledged";
  // "provided".
  const CountedEvents& EventsOf(const std::string& measure) const;
  // Whether what was provided is more than the allocation decisions, so that it is what was
  // allocated.
  bool ProvidedExceedsAllocated() const;
};
inline constexpr size_t kLatestListed = 10;

FlowSums SumFlows(const LedgerFacts& facts, const FlowQuery& query);

// Whether an act of `participant` counts for a commitment of `providers` (FlowQuery::providers):
// one of them, "both", or anyone's when there are none.
bool IsProvider(const std::vector<std::string>& providers, const std::string& participant);

}  // namespace treaty::evaluation
