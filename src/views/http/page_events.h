// The events a page lists (a commitment's page, the ledger page): those the caller may see, with
// what corrections say of them, one table row each.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <ctemplate/template.h>
#include <nlohmann/json.hpp>

#include "core/result.h"
#include "ledger/ledger_store.h"
#include "views/http/router.h"
#include "views/http/site.h"

namespace treaty::http {

// The events a page shows: those the caller may see, each as parsed JSON, and, for callers who
// see restricted events, the problems of those whose stored bytes do not read (the ledger page
// lists them; other pages leave such events out, and the ledger page's badge names them).
struct PageEvents {
  std::vector<nlohmann::json> events;
  std::vector<std::pair<int64_t, std::string>> unreadable;  // leaf index, problem
  // What corrections say of the events shown (docs/ledger-format.md §9), by event id: "withdrawn
  // by leaf 12" or "amended by leaf 12" for a corrected event, "of leaf 3" for a correction.
  std::map<std::string, std::string> correction_notes;
};

// The visible events matching `filter` (views::VisibleEventJson for the caller's audience). An
// event that does not read is left out rather than failing the page: the verify badge and
// `treaty verify` say what is wrong. Errors: the store's.
Result<PageEvents> VisibleEvents(Site& site, const RequestContext& context,
                                 ledger::EventFilter filter);

// One event of a page; `notes` are PageEvents::correction_notes. Each of its commitments is a
// COMMITMENT section with its id's parts and its TITLE (commitments::Title; the id for one the
// review dropped). With `counted_to` (a status's day, YYYY-MM-DD), an event dated after it is
// marked (LATER, with DAY) as not counted there.
void FillEventRow(const Site& site, ctemplate::TemplateDictionary* row, const nlohmann::json& event,
                  const std::map<std::string, std::string>& notes,
                  const std::string& counted_to = "");

}  // namespace treaty::http
