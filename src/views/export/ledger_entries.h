// The ledger's events as the exports show them (docs/ledger-format.md §9.2): read for an
// audience, then either as recorded (the raw view) or with corrections folded in. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "evaluation/ledger_facts.h"
#include "ledger/event.h"
#include "ledger/ledger_store.h"
#include "ledger/stored_records.h"

namespace treaty::views {

// One row of an export: an event as recorded, or an entry of the folded view, which keeps the
// original's id, leaf index, classification, recorded_at and recorded_by with its latest content.
struct LedgerEntry {
  int64_t leaf_index = 0;
  ledger::Event event;
  std::vector<std::string> corrected_by;  // folded view: the corrections applied, in order
};

// The raw view of `stored` (its canonical bytes as a JSON object, with its leaf_index) when
// `audience` may see it, else nullopt. For kPublic both the store's classification column and the
// event's own bytes must say "public": a changed column never publishes a restricted event.
// Errors: those of ReadStoredEvent (bytes that do not read as an event, naming it and its leaf).
Result<std::optional<nlohmann::json>> VisibleEventJson(const ledger::StoredEvent& stored,
                                                       evaluation::Audience audience);

// Every event of `agreement` that `audience` may see, each read once, as recorded, in leaf order:
// kPublic asks the store for public events only, so a restricted event is never read for a
// reader, and keeps those whose own bytes say "public" too. With `end`, the events of leaves
// below it only: those of a status (AgreementStatus::tree_size) however much the ledger grew
// since. Errors: the store's, and stored bytes that do not read as an event, naming its id and
// leaf.
Result<std::vector<LedgerEntry>> ReadVisibleEntries(ledger::LedgerStore& store,
                                                    const std::string& agreement,
                                                    evaluation::Audience audience,
                                                    std::optional<int64_t> end = std::nullopt);

// Each event as recorded, corrections included. Errors: stored bytes that do not read as an
// event, naming its id and leaf.
Result<std::vector<LedgerEntry>> RawEntries(const std::vector<ledger::StoredEvent>& events);

// The folded view of §9.2 of `raw` (RawEntries, ReadVisibleEntries), in the leaf order of the
// originals: an `amend` replaces the content, a `retract` withdraws the entry (left out), the last
// correction wins. REQUIRES: one agreement's entries in leaf order, not filtered by anything but
// classification (a correction has its original's). Errors: a correction whose original is not
// among them.
Result<std::vector<LedgerEntry>> FoldedEntries(std::vector<LedgerEntry> raw);
// FoldedEntries of RawEntries(events).
Result<std::vector<LedgerEntry>> FoldedEntries(const std::vector<ledger::StoredEvent>& events);

}  // namespace treaty::views
