// `treaty verify` as a library function (docs/ledger-format.md §8): recomputes everything a store
// holds for one agreement — canonical bytes, event validity, leaf hashes, derived columns, content
// hashes, uniqueness, order, attribution, cached nodes, roots, heads and their signatures — and
// names the first thing that does not match, in leaf-index order.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"
#include "ledger/keys.h"
#include "ledger/ledger_store.h"

namespace treaty::ledger {

struct VerifyReport {
  std::string agreement;
  // The first mismatch as §8 prints it after "verify: AGREEMENT: ", e.g. "leaf 3 (event ID): the
  // stored leaf hash differs from its bytes"; empty when everything matches.
  std::string mismatch;
  int64_t mismatch_leaf = -1;  // the leaf the mismatch names, -1 for none (a head or a row)
  std::string mismatch_event_id;
  int64_t events = 0;                 // events checked
  int64_t heads = 0;                  // heads checked
  Hash root{};                        // the recomputed root of all events
  std::vector<std::string> warnings;  // demo keys, revoked keys, unknown commitment ids

  bool ok() const { return mismatch.empty(); }
  // "verify: OK lv-ua-2024: 7 events, 1 tree head, root HEX at size 7", or
  // "verify: lv-ua-2024: MISMATCH".
  std::string Line() const;
};

// What VerifyOptions::progress counts: the events checked, then the `event_commitments` rows read
// to compare with them.
enum class VerifyStage { kEvents, kCommitmentRows };

struct VerifyOptions {
  const KeysFile* keys = nullptr;  // REQUIRES: not null
  // Commitment ids the store now holds for the agreement; ids outside it are warnings. nullopt:
  // not checked.
  std::optional<std::set<std::string>> known_commitments;
  // The agreement's party codes (agreement.json), which an event's `participant` names; empty:
  // any party code of the form, for a ledger whose package is not at hand.
  std::vector<std::string> participants;
  int64_t chunk = 10000;  // events (and `event_commitments` rows) read per query
  // Called on the calling thread after each chunk of events with the events checked and the
  // ledger's size; then, when every event passed, before the first page of `event_commitments`
  // rows and after each with the rows read and the links the events make (more rows than links:
  // stray rows). A second reading of the rows, to name a difference, is not reported. May be
  // empty.
  std::function<void(VerifyStage stage, int64_t done, int64_t total)> progress;
};

// Verifies the ledger of `agreement` in `store`. A mismatch is a finding in the report, not an
// error; errors are a store that cannot be read. Memory: the ids, keys and commitments of all
// events. `store` is read from a second thread while other threads check what was read before,
// never from two threads at once; REQUIRES: nothing else uses `store` until this returns.
Result<VerifyReport> VerifyLedger(LedgerStore& store, const std::string& agreement,
                                  const VerifyOptions& options);

}  // namespace treaty::ledger
