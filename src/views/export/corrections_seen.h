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

// By the id of each of `corrected` that a correction visible to `audience` names, those
// corrections in leaf order. A correction follows what it corrects, so only leaves from
// `first_leaf` are read; `classification` "public" reads public corrections only. Errors: the
// store's.
Result<std::map<std::string, std::vector<CorrectionSeen>>> CorrectionsOf(
    ledger::LedgerStore& store, const std::string& agreement, const std::string& classification,
    int64_t first_leaf, const std::set<std::string>& corrected, evaluation::Audience audience);

}  // namespace treaty::views
