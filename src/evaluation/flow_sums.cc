#include "evaluation/flow_sums.h"

#include <algorithm>
#include <climits>
#include <string>

namespace treaty::evaluation {

int64_t FlowSums::Measure(const std::string& measure) const {
  if (measure == "allocated") return allocated;
  if (measure == "pledged") return pledged;
  return disbursed + delivered_value;
}

FlowSums SumFlows(const LedgerFacts& facts, const FlowQuery& query) {
  FlowSums sums;
  // Flows sort by scope first: start at the scope's smallest possible key.
  const FlowKey first{query.scope,
                      ledger::EventType::kPledge,
                      "",
                      "",
                      Date(std::chrono::sys_days(std::chrono::days(INT_MIN / 4))),
                      INT_MIN};
  // (date, id) of the latest events seen, for `latest`.
  std::vector<std::pair<Date, std::string>> latest;
  for (auto it = facts.flows().lower_bound(first);
       it != facts.flows().end() && it->first.scope == query.scope; ++it) {
    const FlowKey& key = it->first;
    const FlowTotal& total = it->second;
    if (key.date > query.through) continue;
    if (query.first_year != 0 && (key.year < query.first_year || key.year > query.last_year)) {
      continue;
    }
    sums.events += total.events;
    sums.events_by_type[std::string(ledger::EventTypeName(key.type))] += total.events;
    if (!sums.last_date || key.date > *sums.last_date) sums.last_date = key.date;
    for (const std::string& id : total.latest) latest.emplace_back(key.date, id);
    if (!key.currency.empty() && key.currency != query.currency) {
      sums.other_currency_events += total.events;
    } else if (!key.currency.empty()) {
      switch (key.type) {
        case ledger::EventType::kPledge:
          sums.pledged += total.minor_units;
          break;
        case ledger::EventType::kAllocation:
          sums.allocated += total.minor_units;
          break;
        case ledger::EventType::kDisbursement:
          sums.disbursed += total.minor_units;
          break;
        case ledger::EventType::kDelivery:
          sums.delivered_value += total.minor_units;
          break;
        default:
          break;
      }
    }
    if (key.type == ledger::EventType::kDelivery && !query.unit.empty() && key.unit == query.unit) {
      sums.delivered_quantity += total.quantity;
    }
  }
  std::stable_sort(latest.begin(), latest.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t begin = latest.size() > kLatestListed ? latest.size() - kLatestListed : 0;
  for (size_t i = begin; i < latest.size(); ++i) sums.latest.push_back(latest[i].second);
  return sums;
}

}  // namespace treaty::evaluation
