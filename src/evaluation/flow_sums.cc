#include "evaluation/flow_sums.h"

#include <algorithm>
#include <climits>
#include <map>
#include <string>

namespace treaty::evaluation {

namespace {

// A sum as a 64-bit figure: the largest one when it is larger (a ledger of thousands of events at
// the largest amount an event may have).
int64_t Capped(__int128 sum) { return sum > INT64_MAX ? INT64_MAX : static_cast<int64_t>(sum); }

// A unit as recorded and as the text counts in: the same word, or one its English plural
// ("drones" for "drone"), as a recorder writes "5,000 drones".
bool IsSameUnit(const std::string& recorded, const std::string& counted) {
  return recorded == counted || recorded == counted + "s" || recorded + "s" == counted;
}

// Whether a series could count towards a figure: money or goods, or a training's cost, not
// meetings or a training without one.
bool CouldCount(const SeriesKey& key) {
  using ledger::EventType;
  return key.type == EventType::kPledge || key.type == EventType::kAllocation ||
         key.type == EventType::kDisbursement || key.type == EventType::kDelivery ||
         (key.type == EventType::kTraining && !key.currency.empty());
}

bool MakesProvided(ledger::EventType type) {
  // sec_2__hcontainer_1__para_2: support "including military training and supplies of
  // equipment": what a training cost is provided, as money paid and goods delivered are.
  return type == ledger::EventType::kDisbursement || type == ledger::EventType::kDelivery ||
         type == ledger::EventType::kTraining;
}

// The ids of `dated`, the latest kLatestListed of them, the latest last.
std::vector<std::string> LatestIds(std::vector<std::pair<Date, const std::string*>> dated) {
  std::stable_sort(dated.begin(), dated.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  const size_t begin = dated.size() > kLatestListed ? dated.size() - kLatestListed : 0;
  std::vector<std::string> ids;
  for (size_t i = begin; i < dated.size(); ++i) ids.push_back(*dated[i].second);
  return ids;
}

}  // namespace

bool IsProvider(const std::vector<std::string>& providers, const std::string& participant) {
  return providers.empty() || participant == "both" ||
         std::find(providers.begin(), providers.end(), participant) != providers.end();
}

bool FlowSums::ProvidedExceedsAllocated() const { return Measure("provided") > allocated; }

const CountedEvents& FlowSums::EventsOf(const std::string& measure) const {
  if (measure == "allocated") return allocations;
  if (measure == "pledged") return pledges;
  return provided;
}

int64_t FlowSums::Measure(const std::string& measure) const {
  const int64_t provided =
      Capped(static_cast<__int128>(disbursed) + delivered_value + training_cost);
  // sec_3__hcontainer_16__para_2: "Latvia earmarks EUR 15 million": what was provided was
  // allocated first, whether or not its allocation decision is in the ledger, so the allocated
  // amount is at least what was provided.
  if (measure == "allocated") return std::max(allocated, provided);
  if (measure == "pledged") return pledged;
  return provided;
}

FlowSums SumFlows(const LedgerFacts& facts, const FlowQuery& query) {
  FlowSums sums;
  // Series sort by scope first: start at the scope's smallest possible key.
  const SeriesKey first{query.scope, "", ledger::EventType::kPledge, "", "", INT_MIN};
  // The dated ids of all the series, and of each CountedEvents counted, of which the latest are
  // kept.
  using Dated = std::vector<std::pair<Date, const std::string*>>;
  Dated latest;
  std::map<CountedEvents*, Dated> dated;
  auto count = [&](const FlowSeries& series, int64_t events, CountedEvents& counted) {
    counted.count += events;
    series.LatestThrough(query.through, kLatestListed, dated[&counted]);
  };
  for (auto it = facts.series().lower_bound(first);
       it != facts.series().end() && it->first.scope == query.scope; ++it) {
    const SeriesKey& key = it->first;
    const FlowSeries& series = it->second;
    if (query.first_year != 0 && (key.year < query.first_year || key.year > query.last_year)) {
      continue;
    }
    if (!query.types.empty() &&
        std::find(query.types.begin(), query.types.end(), key.type) == query.types.end()) {
      continue;
    }
    const FlowTotal total = series.Through(query.through);
    if (total.events == 0) continue;
    if (!IsProvider(query.providers, key.participant)) {
      // Named only when it could have counted.
      if (CouldCount(key)) {
        count(series, total.events, sums.other_participant);
        sums.other_participants.insert(key.participant);
      }
      continue;
    }
    sums.events += total.events;
    sums.events_by_type[std::string(ledger::EventTypeName(key.type))] += total.events;
    const std::optional<Date> last = series.LastDayThrough(query.through);
    if (last && (!sums.last_date || *last > *sums.last_date)) sums.last_date = last;
    series.LatestThrough(query.through, kLatestListed, latest);
    if (!key.currency.empty() && key.currency != query.currency) {
      count(series, total.events, sums.other_currency);
      sums.other_currencies.insert(key.currency);
    } else if (!key.currency.empty()) {
      if (MakesProvided(key.type)) count(series, total.events, sums.provided);
      switch (key.type) {
        case ledger::EventType::kPledge:
          sums.pledged = Capped(sums.pledged + total.minor_units);
          count(series, total.events, sums.pledges);
          break;
        case ledger::EventType::kAllocation:
          sums.allocated = Capped(sums.allocated + total.minor_units);
          count(series, total.events, sums.allocations);
          break;
        case ledger::EventType::kDisbursement:
          sums.disbursed = Capped(sums.disbursed + total.minor_units);
          break;
        case ledger::EventType::kDelivery:
          sums.delivered_value = Capped(sums.delivered_value + total.minor_units);
          break;
        case ledger::EventType::kTraining:
          sums.training_cost = Capped(sums.training_cost + total.minor_units);
          count(series, total.events, sums.trainings);
          break;
        default:
          break;
      }
    }
    if (key.type == ledger::EventType::kDelivery && key.currency.empty() &&
        !query.currency.empty()) {
      count(series, total.events, sums.unvalued);
    }
    if (key.type == ledger::EventType::kDelivery && !query.unit.empty() &&
        IsSameUnit(key.unit, query.unit)) {
      sums.delivered_quantity = Capped(sums.delivered_quantity + total.quantity);
    } else if (key.type == ledger::EventType::kDelivery && !query.unit.empty() &&
               !key.unit.empty()) {
      count(series, total.events, sums.other_unit);
      sums.other_units.insert(key.unit);
    }
  }
  sums.latest = LatestIds(std::move(latest));
  for (auto& [counted, ids] : dated) counted->latest = LatestIds(std::move(ids));
  return sums;
}

}  // namespace treaty::evaluation
