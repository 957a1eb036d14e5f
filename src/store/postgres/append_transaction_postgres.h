// One append transaction of the PostgreSQL ledger store (docs/ledger-format.md §6.2, §6.3): a READ
// COMMITTED transaction that holds the agreement's `ledgers` row FOR UPDATE from Begin until it
// commits or is destroyed. Created by PostgresLedgerStore::BeginAppend; not thread safe.
//
// Inserted events are buffered and written with one COPY per table (events, event_commitments)
// when the transaction next reads leaf hashes or cached nodes, or commits: one round trip per
// batch instead of per event. Lookups by id or idempotency key consult the buffer first, so every
// read sees the transaction's own inserts, as the interface requires.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/result.h"
#include "ledger/ledger_store.h"

namespace treaty::store {

class PostgresAppendTransaction : public ledger::AppendTransaction {
 public:
  // Step 1 of §6.2 on `connection`: begins, creates the agreement's `ledgers` row at size 0 if it
  // is missing, then locks and reads it (SELECT … FOR UPDATE, waiting at most the connection's
  // lock_timeout). REQUIRES: no other transaction open on `connection`, which must outlive the
  // result. Errors carry `where`; "the ledger is busy" when the lock was not granted in time.
  static Result<std::unique_ptr<ledger::AppendTransaction>> Begin(pqxx::connection& connection,
                                                                  const std::string& agreement,
                                                                  const std::string& where);

  // Rolls back unless Commit succeeded; buffered events are dropped.
  ~PostgresAppendTransaction() override;

  const ledger::LedgerState& state() const override { return state_; }

  Result<std::vector<ledger::Hash>> LeafHashes(const std::string& agreement, int64_t begin,
                                               int64_t end) override;
  Result<std::vector<ledger::Hash>> CachedNodes(const std::string& agreement, int level,
                                                int64_t begin, int64_t end) override;
  Result<std::string> NodeChildren(const std::string& agreement, int level,
                                   int64_t node_index) override;
  Result<std::map<std::string, ledger::StoredEvent>> FindByIdempotencyKeys(
      const std::string& institution, const std::vector<std::string>& idempotency_keys) override;
  Result<std::optional<ledger::StoredEvent>> FindById(const std::string& id) override;
  // Buffers the row. Returns false when row.id is already used by a row of this transaction. An
  // id already used by a committed row (a UUID v7 collision, 74 random bits within one
  // millisecond) is caught by the unique index when the buffer is written: the whole append then
  // fails with the server's message and nothing is written.
  Result<bool> InsertEvent(const ledger::StoredEvent& row,
                           const std::vector<std::string>& commitments) override;
  Result<bool> InsertNode(const std::string& agreement, const ledger::CachedNode& node) override;
  Result<bool> InsertHead(const ledger::SignedTreeHead& head) override;
  Result<bool> UpdateState(const ledger::LedgerState& state) override;
  Result<bool> Commit() override;

 private:
  PostgresAppendTransaction(std::unique_ptr<pqxx::work> work, ledger::LedgerState state,
                            std::string where);

  // Writes the buffered rows (COPY), then empties the buffer. Throws libpqxx's exceptions.
  void Flush();

  std::unique_ptr<pqxx::work> work_;  // null once committed
  ledger::LedgerState state_;
  std::string where_;

  std::vector<ledger::StoredEvent> pending_;
  std::vector<std::pair<int64_t, std::string>> pending_commitments_;  // (leaf_index, id)
  std::unordered_map<std::string, size_t> pending_by_id_;             // index into pending_
  std::map<std::pair<std::string, std::string>, size_t> pending_by_key_;
};

}  // namespace treaty::store
