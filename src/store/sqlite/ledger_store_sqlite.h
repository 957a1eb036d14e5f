// The ledger store in SQLite (docs/ledger-format.md §6): the tables of §6.1 in the same database
// file as the documents but independent of the document store's schema version (the ledger's is
// the `ledger_schema` row), append-only triggers (§6.5), writers serialised by BEGIN IMMEDIATE
// (§6.3), WAL with synchronous=FULL (§6.4) and a 60 s busy timeout.
//
// Not thread-safe: a SqliteLedgerStore (one connection, opened without SQLite's own mutex) is
// used by one thread at a time. Any number of stores, in threads or processes, may share one
// file; the contract is that of ledger::LedgerStore.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "ledger/ledger_store.h"
#include "store/sqlite/sqlite_handle.h"

namespace treaty::store {

class SqliteLedgerStore : public ledger::LedgerStore {
 public:
  // Opens `path` (creating the file and the ledger tables when missing; ":memory:" gives a private
  // in-memory store). With MissingLedgerTables::kLeaveAlone nothing is written: the file must
  // exist, one without the ledger tables gives a null store, and one with them is read without
  // setting a pragma, taking the write lock or bringing the tables of an earlier version up to
  // date (an error instead). Errors: the folder or the file does not exist, the file is not a
  // SQLite database, a ledger schema version other than 1, or any SQLite failure.
  static Result<std::unique_ptr<SqliteLedgerStore>> Open(
      const std::string& path,
      ledger::MissingLedgerTables missing = ledger::MissingLedgerTables::kCreate);

  SqliteLedgerStore(const SqliteLedgerStore&) = delete;
  SqliteLedgerStore& operator=(const SqliteLedgerStore&) = delete;
  ~SqliteLedgerStore() override;

  Result<std::vector<ledger::Hash>> LeafHashes(const std::string& agreement, int64_t begin,
                                               int64_t end) override;
  Result<std::vector<ledger::Hash>> CachedNodes(const std::string& agreement, int level,
                                                int64_t begin, int64_t end) override;
  Result<std::string> NodeChildren(const std::string& agreement, int level,
                                   int64_t node_index) override;
  // A read transaction (WAL: writers go on, the reader keeps its snapshot).
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

  const std::string& path() const { return path_; }

 protected:
  Result<std::unique_ptr<ledger::AppendTransaction>> BeginAppend(
      const std::string& agreement) override;

 private:
  friend class SqliteAppendTransaction;

  SqliteLedgerStore(std::string path, DatabaseHandle db);

  // The prepared statement for `sql`, reset and with its bindings cleared; prepared once per
  // connection.
  Result<sqlite3_stmt*> Statement(const std::string& sql);
  // Whether the file's ledger tables are of this version: nothing to create, add or drop.
  Result<bool> IsCurrentSchema();
  // Sets the file up for appends (WAL, 16 KiB pages) and creates the ledger tables, or adds what
  // a file of an earlier version lacks, in one IMMEDIATE transaction.
  std::optional<Error> CreateOrUpgradeTables();
  Error Fail(std::string_view what) const;
  // The head `statement` selects (kHeadColumns), or nullopt; a root_hash or signature of the
  // wrong size is an error (ledger::WrongSizeHeadError).
  Result<std::optional<ledger::SignedTreeHead>> OneCheckedHead(sqlite3_stmt* statement);

  std::string path_;
  DatabaseHandle db_;
  std::map<std::string, StatementHandle> statements_;
};

}  // namespace treaty::store
