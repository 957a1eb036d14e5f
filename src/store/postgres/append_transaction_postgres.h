// One append transaction of the PostgreSQL ledger store (docs/ledger-format.md §6.2, §6.3): a READ
// COMMITTED transaction that holds the agreement's `ledgers` row FOR UPDATE from Begin until it
// commits or is destroyed. Created only by PostgresLedgerStore::BeginAppend; not thread safe.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <pqxx/pqxx>
#include <string>
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

  // Rolls back unless Commit succeeded.
  ~PostgresAppendTransaction() override;

  const ledger::LedgerState& state() const override { return state_; }

  Result<std::vector<ledger::Hash>> LeafHashes(const std::string& agreement, int64_t begin,
                                               int64_t end) override;
  Result<std::vector<ledger::Hash>> CachedNodes(const std::string& agreement, int level,
                                                int64_t begin, int64_t end) override;
  Result<std::optional<ledger::StoredEvent>> FindByIdempotencyKey(
      const std::string& institution, const std::string& idempotency_key) override;
  Result<std::optional<ledger::StoredEvent>> FindById(const std::string& id) override;
  Result<bool> InsertEvent(const ledger::StoredEvent& row,
                           const std::vector<std::string>& commitments) override;
  Result<bool> InsertNode(const std::string& agreement, const ledger::CachedNode& node) override;
  Result<bool> InsertHead(const ledger::SignedTreeHead& head) override;
  Result<bool> UpdateState(const ledger::LedgerState& state) override;
  Result<bool> Commit() override;

 private:
  PostgresAppendTransaction(std::unique_ptr<pqxx::work> work, ledger::LedgerState state,
                            std::string where);

  std::unique_ptr<pqxx::work> work_;  // null once committed
  ledger::LedgerState state_;
  std::string where_;
};

}  // namespace treaty::store
