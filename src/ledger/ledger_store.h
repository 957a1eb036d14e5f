// The ledger store: the contract that both the SQLite store (src/store/sqlite) and the
// PostgreSQL store (src/store/postgres) implement, over the tables of docs/ledger-format.md §6.1.
//
// A store implements only SQL: the virtual primitives below (reads, and the steps of one append
// transaction through AppendTransaction). Everything else is shared and lives in this class's
// non-virtual members and in src/ledger: the append algorithm of §6.2 (idempotency, references,
// correction rules, ids, recorded_at, serialisation, the node cache, the signed head), root and
// proof computation over the node cache (§6.6, range_hash.h), and `treaty verify` (verify.h).
//
// Errors are values: every method returns Result<…> (or, with nothing else to return, an
// optional Error) and never throws; `Error::where` names the store (database path or connection)
// unless a method says otherwise.
//
// Thread safety: a LedgerStore object is not thread-safe. It is used by one thread at a time; it
// may pass from thread to thread where they synchronise (a mutex, a future), and calls that
// overlap are undefined. Any number of objects, in any number of processes, may use one database at
// once: appends are serialised by the database (§6.3), readers never block them, and every reader
// sees only committed transactions. Rows below a committed tree size never change, so proofs and
// roots for a size ≤ the size read in State() are stable without a read transaction.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "ledger/event.h"
#include "ledger/hash.h"
#include "ledger/keys.h"
#include "ledger/range_hash.h"
#include "ledger/stored_records.h"
#include "ledger/tree_head.h"

namespace treaty::ledger {

// What a store's Open does with a database that has no ledger tables: create them (the writing
// commands and the server), or leave the database as it is and give no store (the commands that
// only read, for which such a database holds no events).
enum class MissingLedgerTables { kCreate, kLeaveAlone };

// Filters of `treaty events` (§9.2 raw view); an empty member does not filter. Events come in
// leaf-index order. A correction, which has no date or commitments of its own (an amendment's
// replacement is not looked at), is filtered by those of the event it corrects as recorded, and
// by its type too besides its own, so that a listing shows the corrections of what it lists.
struct EventFilter {
  std::string agreement;       // required
  std::string type;            // events.type, or the type of the event a correction corrects
  std::string commitment;      // an event_commitments row for this commitment id
  std::string date_from;       // fact_date ≥ date_from (YYYY-MM-DD)
  std::string date_to;         // fact_date ≤ date_to
  std::string institution;     // events.institution
  std::string classification;  // "public" or "restricted"
  int64_t begin = 0;           // leaf_index ≥ begin (paging)
  int64_t limit = -1;          // at most this many; negative: no limit
};

// `filter` with its values trimmed of surrounding white space (§1.4, as every input string is),
// or what is wrong with them: bytes that are not UTF-8, a type that is no event type, a bound that
// is not a date, `date_from` after `date_to`, an institution that is no institution id, a
// classification other than public or restricted. The error's `where` names the filter as a user
// gives it: "type", "commitment", "from", "to", "institution", "classification".
Result<EventFilter> CheckedEventFilter(EventFilter filter);

class LedgerStore;
// The commitment and institution filters of `filter`, in that order and named as
// CheckedEventFilter names them ("commitment", "institution"), that no event of its agreement
// matches, among the events of `classification` ("" for any), whatever else `filter` asks: ids
// to look up in the agreement before answering with an empty list, which a mistyped id would
// give. One row read for each filter given. Errors: those of FindEvents.
Result<std::vector<std::string>> IdFiltersMatchingNoEvent(LedgerStore& store,
                                                          const EventFilter& filter,
                                                          const std::string& classification = "");

// What one append call is asked to do (§6.2 input).
struct AppendRequest {
  std::string agreement;
  // Validated events (event_parser.h, Form::kInput) of `agreement`, in order, each with its
  // idempotency_key (given or derived) and recorded_by complete; id and recorded_at empty.
  std::vector<Event> submissions;
  PrivateKey key;  // the recording institution's key; every submission is recorded by it
  const KeysFile* keys = nullptr;  // REQUIRES: not null; institutions, participants and keys
};

// The outcome for one submission, in submission order.
struct AppendedEvent {
  std::string id;
  int64_t leaf_index = 0;
  std::string recorded_at;
  bool already_recorded = false;  // skipped: its key was present with the same content hash
};

struct AppendResult {
  std::vector<AppendedEvent> events;
  std::optional<SignedTreeHead> head;  // none when every submission was already recorded
  LedgerState state;                   // after the transaction
  int added = 0;
  int already_recorded = 0;
};

// One open append transaction (§6.2) of one agreement, holding the store's write lock for it
// from the moment the store returns it. The destructor rolls back unless Commit succeeded.
// Reads (TreeReader, Find*) see the transaction's own inserts. Used only by LedgerStore::Append.
class AppendTransaction : public TreeReader {
 public:
  ~AppendTransaction() override = default;

  // The `ledgers` row as read under the lock in step 1 (created at size 0 if it was missing).
  virtual const LedgerState& state() const = 0;

  // The events of this agreement recorded by `institution` whose idempotency key is one of
  // `idempotency_keys`, by key; keys without an event are absent. One call serves a whole batch
  // (PostgreSQL: one round trip).
  virtual Result<std::map<std::string, StoredEvent>> FindByIdempotencyKeys(
      const std::string& institution, const std::vector<std::string>& idempotency_keys) = 0;
  // The event with `id` (any agreement; ids are unique in the store), or nullopt.
  virtual Result<std::optional<StoredEvent>> FindById(const std::string& id) = 0;

  // Inserts the `events` row and one `event_commitments` row per id of `commitments`. Returns
  // false, inserting nothing, when row.id is already used (the caller retries with new ids).
  virtual Result<bool> InsertEvent(const StoredEvent& row,
                                   const std::vector<std::string>& commitments) = 0;
  virtual Result<bool> InsertNode(const std::string& agreement, const CachedNode& node) = 0;
  virtual Result<bool> InsertHead(const SignedTreeHead& head) = 0;
  // Updates the `ledgers` row to `state`.
  virtual Result<bool> UpdateState(const LedgerState& state) = 0;
  // Commits; afterwards the events are acknowledged (§6.4). Errors leave nothing written.
  virtual Result<bool> Commit() = 0;
};

class LedgerStore : public TreeReader {
 public:
  ~LedgerStore() override = default;

  // ---- shared (implemented in ledger_store.cc on top of the primitives) ----

  // The append transaction of §6.2 for request.submissions, all or nothing. Returns the outcome
  // of each submission (new, or already recorded with its existing id and leaf) and the signed
  // head (none if nothing was added). Errors, with nothing written (`where` is
  // "submissions[I].PATH" for an error of submission I, else the store):
  // - an idempotency key reused with different content ("reused with different content: event ID
  //   (leaf N) has it"), also within the request;
  // - `corrects` / `responds_to` naming no earlier event of the agreement or one of the wrong type,
  //   and the correction rules of §9.1;
  // - a submission of another agreement, recorded by another institution than the key's, or with
  //   a `date` later than the recording date plus one day;
  // - the key: not in the keys file, of another institution, not valid at the transaction's
  //   time, or a seed that does not match;
  // - "the ledger is busy" when the write lock was not granted within 60 s;
  // - any database failure.
  Result<AppendResult> Append(const AppendRequest& request);

  // MTH of the first `tree_size` leaves (§6.6 RangeHash). REQUIRES: tree_size ≤ the committed size.
  Result<Hash> Root(const std::string& agreement, int64_t tree_size);
  // The inclusion path of `leaf_index` in the tree of `tree_size` leaves (§3.2). Errors:
  // leaf_index ≥ tree_size, or tree_size beyond the committed size.
  Result<std::vector<Hash>> InclusionPath(const std::string& agreement, int64_t leaf_index,
                                          int64_t tree_size);
  // The consistency path from `old_size` to `new_size` (§3.3; empty when equal). Errors: old_size
  // < 1, old_size > new_size, or new_size beyond the committed size.
  Result<std::vector<Hash>> ConsistencyPath(const std::string& agreement, int64_t old_size,
                                            int64_t new_size);

  // ReadEventsInto, into new rows.
  Result<std::vector<StoredEvent>> ReadEvents(const std::string& agreement, int64_t begin,
                                              int64_t end);

  // ---- primitives (each store implements them in SQL) ----

  // Until EndReadSnapshot, every read of this store sees what was committed when BeginReadSnapshot
  // returned, while other connections append: `treaty verify` reads heads, cached nodes, the
  // `ledgers` row and events in many statements. Not nested; no append on this store meanwhile;
  // after a read fails, only EndReadSnapshot. Errors: a snapshot or transaction already open, the
  // store's.
  virtual std::optional<Error> BeginReadSnapshot() = 0;
  virtual void EndReadSnapshot() = 0;

  // TreeReader (range_hash.h): leaf hashes of leaves [begin, end) and cached nodes of `level`,
  // indexes [begin, end), in order, an error unless every one exists; a cached node's children.

  // Ids of the agreements with a `ledgers` row, an event or a tree head, in byte order: `treaty
  // verify` checks them all, so removing an agreement's `ledgers` row does not hide its events.
  virtual Result<std::vector<std::string>> ListLedgers() = 0;
  // The `ledgers` row, or nullopt when the agreement has no ledger yet.
  virtual Result<std::optional<LedgerState>> State(const std::string& agreement) = 0;

  // Events with begin ≤ leaf_index < end, in leaf order (fewer if the ledger is shorter), into
  // `rows`, replacing what it held. The strings of the rows already there keep their buffers, so
  // that reading chunk after chunk into the same rows allocates little. On an error `rows` is
  // unspecified. In this read, and in those of heads, cached-node rows and the `ledgers` row, a
  // hash or signature of another size reads as zero, which `treaty verify` names as differing;
  // LeafHashes and CachedNodes (TreeReader) refuse it instead.
  virtual std::optional<Error> ReadEventsInto(const std::string& agreement, int64_t begin,
                                              int64_t end, std::vector<StoredEvent>& rows) = 0;
  // Events matching `filter`, in leaf order.
  virtual Result<std::vector<StoredEvent>> FindEvents(const EventFilter& filter) = 0;
  // The event with `id` (lowercase UUID), or nullopt.
  virtual Result<std::optional<StoredEvent>> EventById(const std::string& id) = 0;
  // At most `limit` `event_commitments` rows after `after` in the order of their key
  // (commitment_id, then leaf_index); from the first row when `after` is nullopt. Each
  // commitment's rows come together, by leaf index; the order of commitment ids is the store's.
  virtual Result<std::vector<EventCommitment>> ReadEventCommitments(
      const std::string& agreement, const std::optional<EventCommitment>& after, int64_t limit) = 0;

  // All `tree_heads` rows of the agreement, by tree size.
  virtual Result<std::vector<SignedTreeHead>> TreeHeads(const std::string& agreement) = 0;
  // The head of exactly `tree_size`, or nullopt.
  virtual Result<std::optional<SignedTreeHead>> TreeHeadAt(const std::string& agreement,
                                                           int64_t tree_size) = 0;
  // The head of the largest size, or nullopt when there is none.
  virtual Result<std::optional<SignedTreeHead>> LatestTreeHead(const std::string& agreement) = 0;
  // Every `tree_nodes` row of the agreement, by level, then index, with SHA-256 of its children
  // (made where they are stored: ~40,000 nodes of 8 KiB at 10M events).
  virtual Result<std::vector<CachedNodeRow>> CachedNodeRows(const std::string& agreement) = 0;

 protected:
  // Step 1 of §6.2: begins a transaction, takes the agreement's write lock (waiting up to 60 s,
  // else the error "the ledger is busy"), creates its `ledgers` row at size 0 if missing and reads
  // it.
  virtual Result<std::unique_ptr<AppendTransaction>> BeginAppend(const std::string& agreement) = 0;

 private:
  // The blocks of hashes that Root, InclusionPath and ConsistencyPath read, kept for later calls:
  // they read only committed rows, which never change. 512 blocks: at most 4 MiB.
  BlockCache blocks_{512};
};

}  // namespace treaty::ledger
