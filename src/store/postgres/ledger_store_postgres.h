// The ledger store on a PostgreSQL server (docs/ledger-format.md §6): the SQL primitives of
// ledger::LedgerStore over the tables of §6.1, whose shared code does the rest (the append
// algorithm, roots and proofs over the node cache). One object owns one connection: not thread
// safe, one object per thread; any number of objects and processes may share one database, their
// appends serialised by the lock row of §6.3. Error::where is the URL without its password.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "ledger/ledger_store.h"
#include "store/postgres/postgres_connection.h"

namespace treaty::store {

class PostgresLedgerStore : public ledger::LedgerStore {
 public:
  // Connects to `url` (a libpq connection string, e.g. "postgresql://treaty@127.0.0.1:5432/treaty";
  // "?options=-csearch_path%3Dname" selects the schema) with synchronous_commit on, and creates
  // the ledger tables, triggers and REVOKEs when missing (ledger_schema_postgres.h). With
  // MissingLedgerTables::kLeaveAlone nothing is changed: a search_path without the ledger tables
  // gives a null store, one with tables of an earlier version an error. Errors: the server cannot
  // be reached, no schema of the search_path exists (kLeaveAlone), the schema has another version,
  // any server failure.
  static Result<std::unique_ptr<PostgresLedgerStore>> Open(
      const std::string& url,
      ledger::MissingLedgerTables missing = ledger::MissingLedgerTables::kCreate);

  PostgresLedgerStore(const PostgresLedgerStore&) = delete;
  PostgresLedgerStore& operator=(const PostgresLedgerStore&) = delete;

  Result<std::vector<ledger::Hash>> LeafHashes(const std::string& agreement, int64_t begin,
                                               int64_t end) override;
  Result<std::vector<ledger::Hash>> CachedNodes(const std::string& agreement, int level,
                                                int64_t begin, int64_t end) override;
  Result<std::string> NodeChildren(const std::string& agreement, int level,
                                   int64_t node_index) override;

  // A REPEATABLE READ READ ONLY transaction, which every read then uses.
  std::optional<Error> BeginReadSnapshot() override;
  void EndReadSnapshot() override;
  Result<std::vector<std::string>> ListLedgers() override;
  Result<std::optional<ledger::LedgerState>> State(const std::string& agreement) override;
  std::optional<Error> ReadEventsInto(const std::string& agreement, int64_t begin, int64_t end,
                                      std::vector<ledger::StoredEvent>& rows) override;
  Result<std::vector<ledger::StoredEvent>> FindEvents(const ledger::EventFilter& filter) override;
  Result<std::optional<ledger::StoredEvent>> EventById(const std::string& id) override;
  Result<std::vector<ledger::EventCommitment>> ReadEventCommitments(
      const std::string& agreement, const std::optional<ledger::EventCommitment>& after,
      int64_t limit) override;
  Result<std::vector<ledger::SignedTreeHead>> TreeHeads(const std::string& agreement) override;
  Result<std::optional<ledger::SignedTreeHead>> TreeHeadAt(const std::string& agreement,
                                                           int64_t tree_size) override;
  Result<std::optional<ledger::SignedTreeHead>> LatestTreeHead(
      const std::string& agreement) override;
  Result<std::vector<ledger::CachedNodeRow>> CachedNodeRows(const std::string& agreement) override;

  // The URL without its password.
  const std::string& where() const { return where_; }

 protected:
  Result<std::unique_ptr<ledger::AppendTransaction>> BeginAppend(
      const std::string& agreement) override;

 private:
  PostgresLedgerStore(std::unique_ptr<pqxx::connection> connection, std::string url);

  // A new connection in place of a lost one, with the statements prepared.
  std::optional<Error> Reconnect();

  // `attempt()`, and once more on a new connection when it failed because the connection was
  // lost (the server restarted, or ended the session): only for reads and the start of a
  // transaction, which a lost connection leaves undone. A pooled store thus outlives a restart.
  template <typename Attempt>
  auto Reconnecting(Attempt&& attempt) -> decltype(attempt()) {
    auto result = attempt();
    if (result.ok() || connection_->is_open()) return result;
    if (std::optional<Error> error = Reconnect()) return *error;
    return attempt();
  }

  // `body(transaction)` through Guarded: in the snapshot's transaction when one is open, else in
  // a nontransaction of its own (one statement outside any transaction), reconnecting once.
  template <typename Body>
  auto Reading(Body&& body) -> decltype(body(std::declval<pqxx::transaction_base&>())) {
    if (snapshot_) {
      return Guarded(where_,
                     [&] { return body(static_cast<pqxx::transaction_base&>(*snapshot_)); });
    }
    return Reconnecting([&] {
      return Guarded(where_, [&] {
        pqxx::nontransaction own(*connection_);
        return body(static_cast<pqxx::transaction_base&>(own));
      });
    });
  }

  std::unique_ptr<pqxx::connection> connection_;
  std::string url_;
  std::string where_;  // url_ without its password
  std::unique_ptr<pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>> snapshot_;
};

// PostgresLedgerStore::Open as the interface type: the entry point for `--db postgresql://…`.
Result<std::unique_ptr<ledger::LedgerStore>> OpenPostgresLedgerStore(
    const std::string& url,
    ledger::MissingLedgerTables missing = ledger::MissingLedgerTables::kCreate);

}  // namespace treaty::store
