// The SQL that the PostgreSQL ledger store and its append transaction share (the tables of
// docs/ledger-format.md §6.1), over any libpqxx transaction, with rows converted to the values of
// ledger/stored_records.h. These functions let libpqxx's exceptions through (callers wrap them in
// Guarded). A stored hash or signature of the wrong size reads as zero, which `treaty verify`
// names as differing, except in SelectLeafHashes and SelectCachedNodes, as in the SQLite store.
#pragma once

#include <cstdint>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "ledger/hash.h"
#include "ledger/stored_records.h"

namespace treaty::store {

// The columns of `events` in the order EventFromRow reads them, with `recorded_at` and `fact_date`
// spelled exactly as in the canonical bytes (UTC, microseconds) whatever the session's settings.
extern const char* const kEventColumns;
// The columns of `tree_heads` in the order HeadFromRow reads them.
extern const char* const kHeadColumns;

// Registers these named statements on `connection` (idempotent; the server prepares each on
// its first use): ledger_leaf_hashes, ledger_cached_nodes, ledger_event_by_id, ledger_state,
// ledger_lock_state (FOR UPDATE), ledger_node_children and ledger_insert_node (agreement, level,
// node_index, hash, children). A prepared statement is planned once per connection, so each lookup
// of an append costs one round trip and no parsing.
void PrepareLedgerStatements(pqxx::connection_base& connection);

// `bytes` in bytea's hex input form (a backslash, "x", lowercase hex) for COPY through
// pqxx::stream_to, which escapes the backslash.
std::string ByteaHexInput(std::string_view bytes);

// A bytea parameter (sent in binary) of `hash`.
pqxx::binarystring HashParameter(const ledger::Hash& hash);

// A bytea column's bytes; empty for NULL.
std::string BytesFromField(const pqxx::field& field);

// A bytea hash column; zero unless it holds 32 bytes.
ledger::Hash HashFromField(const pqxx::field& field);

// A text[] literal ("{\"a\",\"b\"}") of `items`, for unnest($n::text[]).
std::string TextArrayLiteral(const std::vector<std::string>& items);

// An `events` row selected with kEventColumns, a `tree_heads` row with kHeadColumns.
ledger::StoredEvent EventFromRow(const pqxx::row& row);
ledger::SignedTreeHead HeadFromRow(const pqxx::row& row);
// Every row of `result` through EventFromRow / HeadFromRow.
std::vector<ledger::StoredEvent> EventsFromResult(const pqxx::result& result);
// Every row of `result` into `events`, replacing what it held; its strings keep their buffers.
void EventsFromResult(const pqxx::result& result, std::vector<ledger::StoredEvent>& events);
std::vector<ledger::SignedTreeHead> HeadsFromResult(const pqxx::result& result);
// The head of a result of at most one `tree_heads` row (kHeadColumns), or nullopt; a root_hash or
// signature of the wrong size is an error (ledger::WrongSizeHeadError) with `where`.
Result<std::optional<ledger::SignedTreeHead>> OneCheckedHead(const pqxx::result& result,
                                                             const std::string& where);

// The leaf hashes of leaves [begin, end). Errors: a missing leaf, a hash that is not 32 bytes.
Result<std::vector<ledger::Hash>> SelectLeafHashes(pqxx::transaction_base& transaction,
                                                   const std::string& agreement, int64_t begin,
                                                   int64_t end);
// The cached nodes (level, begin) … (level, end − 1). Errors: a missing node, a hash that is not
// 32 bytes.
Result<std::vector<ledger::Hash>> SelectCachedNodes(pqxx::transaction_base& transaction,
                                                    const std::string& agreement, int level,
                                                    int64_t begin, int64_t end);
// The children of the cached node (level, node_index) as stored; empty when it is missing or has
// none.
Result<std::string> SelectNodeChildren(pqxx::transaction_base& transaction,
                                       const std::string& agreement, int level, int64_t node_index);
// The event with `id` in any agreement, or nullopt (also for a string that is not a UUID).
Result<std::optional<ledger::StoredEvent>> SelectEventById(pqxx::transaction_base& transaction,
                                                           const std::string& id);
// The `ledgers` row, or nullopt. `for_update` locks it until the transaction ends (§6.3).
Result<std::optional<ledger::LedgerState>> SelectState(pqxx::transaction_base& transaction,
                                                       const std::string& agreement,
                                                       bool for_update);

}  // namespace treaty::store
