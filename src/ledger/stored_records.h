// The rows both ledger stores keep (docs/ledger-format.md §6.1), as plain values, and how an
// event's row is derived from the event. Shared by the SQLite and PostgreSQL stores and by
// `treaty verify`; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "ledger/event.h"
#include "ledger/hash.h"
#include "ledger/tree_head.h"

namespace treaty::ledger {

// The `ledgers` row of one agreement: its state after the last append transaction.
struct LedgerState {
  std::string agreement;
  int64_t tree_size = 0;
  Hash root_hash{};              // MTH of all events; SHA-256("") at size 0
  std::string last_recorded_at;  // empty at size 0
};

// An `events` row. Every field but leaf_index, content_hash and leaf_hash is derived from
// `canonical` (or, for the hashes, computed from it); empty strings are SQL NULL.
struct StoredEvent {
  std::string agreement;
  int64_t leaf_index = 0;
  std::string id;
  std::string type;
  std::string fact_date;  // empty for a correction
  std::string recorded_at;
  std::string institution;
  std::string classification;
  std::string corrects;  // empty unless a correction
  std::string idempotency_key;
  Hash content_hash{};
  Hash leaf_hash{};
  std::string canonical;  // the leaf input, verbatim
};

// The byte lengths of a `tree_heads` row's root_hash and signature as stored (NULL: 0); a
// value of another size than its field's reads as zero.
struct StoredHeadSizes {
  int64_t root_hash = std::tuple_size_v<Hash>;
  int64_t signature = std::tuple_size_v<Signature>;
};

// A `tree_heads` row: the head, its RFC 8785 bytes as stored, and its signature.
struct SignedTreeHead {
  TreeHead head;
  std::string head_bytes;  // JCS(head), verbatim
  Signature signature{};
  StoredHeadSizes stored_sizes;
};

// An error naming the head and the column when its stored root hash or signature is not 32 or 64
// bytes, for the reads that hand a head on as signed (proofs, the list of heads): a wrong-size
// value must not be read as zero there.
std::optional<Error> WrongSizeHeadError(const SignedTreeHead& head, const std::string& where);

// When a read of the rows [begin, end) found fewer, the message naming the first one missing, given
// the indexes found in ascending order: "leaf 550 of lv-ua-2024 is missing" (`level` 0) or
// "cached node (level 8, index 1) of lv-ua-2024 is missing"; and with how many are missing from
// there on when the rows stop early ("leaves 598–599 … are missing"). Empty when none is missing.
std::string MissingRowsMessage(const std::vector<int64_t>& found, int64_t begin, int64_t end,
                               int level, const std::string& agreement);

// A `tree_nodes` row: the hash of the perfect subtree over leaves
// [node_index·2^level, (node_index+1)·2^level), level ∈ {8, 16, 24, 32, 40, 48} (§6.6).
struct CachedNode {
  int level = 0;
  int64_t node_index = 0;
  Hash hash{};
  // The 2^8 hashes the node is folded from, concatenated (kNodeChildrenBytes in range_hash.h): the
  // leaf hashes for level 8, else the cached nodes of level − 8 (§6.6).
  std::string children;
};

// A `tree_nodes` row as `treaty verify` reads it: the node's hash, and SHA-256 of its children,
// nullopt when it has none (NULL or empty: cached before children were kept).
struct CachedNodeRow {
  int level = 0;
  int64_t node_index = 0;
  Hash hash{};
  std::optional<Hash> children_sha256;
};

// An `event_commitments` row.
struct EventCommitment {
  int64_t leaf_index = 0;
  std::string commitment_id;
};

// The row of `event` at `leaf_index`; one serialisation gives its bytes and content hash.
// REQUIRES: `event` is complete (id, recorded_at, idempotency_key assigned). Errors: those of
// CanonicalEvent.
Result<StoredEvent> MakeStoredEvent(const Event& event, int64_t leaf_index);

// The event a stored row holds, read from its canonical bytes as recorded (§1.5). Errors name
// the event and its leaf: a row that does not read means the store was changed (`verify` says
// how).
Result<Event> ReadStoredEvent(const StoredEvent& stored);

// Signs `head` with `seed` and keeps its bytes. Errors: those of SignTreeHead.
Result<SignedTreeHead> MakeSignedTreeHead(const TreeHead& head, const Seed& seed);

}  // namespace treaty::ledger
