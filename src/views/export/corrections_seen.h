// What the corrections a caller may see say of some events (docs/ledger-format.md §9): the pages
// mark a corrected event, the API names its corrections, so that a withdrawn event is not read as
// standing.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"
#include "evaluation/ledger_facts.h"
#include "ledger/ledger_store.h"

namespace treaty::views {

struct CorrectionSeen {
  std::string id;
  int64_t leaf_index = 0;
  std::string action;  // "retract" or "amend"
};

// By the id of the event each correction visible to `audience` from leaf `first_leaf` on names,
// those corrections in leaf order; `classification` "public" reads public corrections only.
// Errors: the store's.
using CorrectionsByEvent = std::map<std::string, std::vector<CorrectionSeen>>;
Result<CorrectionsByEvent> CorrectionsFrom(ledger::LedgerStore& store, const std::string& agreement,
                                           const std::string& classification, int64_t first_leaf,
                                           evaluation::Audience audience);

// CorrectionsFrom for the events of `corrected` alone. A correction follows what it corrects, so
// `first_leaf` may be the first leaf of those events.
Result<CorrectionsByEvent> CorrectionsOf(ledger::LedgerStore& store, const std::string& agreement,
                                         const std::string& classification, int64_t first_leaf,
                                         const std::set<std::string>& corrected,
                                         evaluation::Audience audience);

// The ids of the corrections of event `id` among `corrections`, in leaf order: its `corrected_by`.
std::vector<std::string> CorrectionIds(const CorrectionsByEvent& corrections,
                                       const std::string& id);

}  // namespace treaty::views
