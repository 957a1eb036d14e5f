#include "store/postgres/ledger_store_postgres.h"

#include <utility>

#include "store/ledger_store_sql.h"
#include "store/postgres/append_transaction_postgres.h"
#include "store/postgres/ledger_queries_postgres.h"
#include "store/postgres/ledger_schema_postgres.h"
#include "store/postgres/postgres_connection.h"

namespace treaty::store {

// Reads run outside any transaction (pqxx::nontransaction, one statement each) unless a read
// snapshot is open: every statement sees only committed rows, and rows below a committed size
// never change.

Result<std::unique_ptr<PostgresLedgerStore>> PostgresLedgerStore::Open(
    const std::string& url, ledger::MissingLedgerTables missing) {
  Result<std::unique_ptr<pqxx::connection>> connection = ConnectPostgres(url);
  if (!connection.ok()) return connection.error();
  Result<bool> schema = missing == ledger::MissingLedgerTables::kLeaveAlone
                            ? HasLedgerSchema(*connection.value())
                            : EnsureLedgerSchema(*connection.value());
  if (!schema.ok()) return Error{schema.error().message, RedactPostgresUrl(url)};
  if (!schema.value()) return std::unique_ptr<PostgresLedgerStore>();
  PrepareLedgerStatements(*connection.value());
  return std::unique_ptr<PostgresLedgerStore>(
      new PostgresLedgerStore(std::move(connection).value(), url));
}

Result<std::unique_ptr<ledger::LedgerStore>> OpenPostgresLedgerStore(
    const std::string& url, ledger::MissingLedgerTables missing) {
  Result<std::unique_ptr<PostgresLedgerStore>> store = PostgresLedgerStore::Open(url, missing);
  if (!store.ok()) return store.error();
  return std::unique_ptr<ledger::LedgerStore>(std::move(store).value());
}

PostgresLedgerStore::PostgresLedgerStore(std::unique_ptr<pqxx::connection> connection,
                                         std::string url)
    : connection_(std::move(connection)), url_(std::move(url)), where_(RedactPostgresUrl(url_)) {}

std::optional<Error> PostgresLedgerStore::Reconnect() {
  Result<std::unique_ptr<pqxx::connection>> connection = ConnectPostgres(url_);
  if (!connection.ok()) return connection.error();
  Result<bool> prepared = Guarded(where_, [&]() -> Result<bool> {
    PrepareLedgerStatements(*connection.value());
    return true;
  });
  if (!prepared.ok()) return prepared.error();
  connection_ = std::move(connection).value();
  return std::nullopt;
}

std::optional<Error> PostgresLedgerStore::BeginReadSnapshot() {
  if (snapshot_) return Error{"cannot begin a read snapshot: one is open", where_};
  // A failed snapshot goes before its connection may be replaced.
  Result<bool> begun = Reconnecting([&] {
    Result<bool> taken = Guarded(where_, [&]() -> Result<bool> {
      snapshot_ =
          std::make_unique<pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>>(*connection_);
      // The snapshot is taken by the transaction's first statement.
      snapshot_->exec("SELECT 1");
      return true;
    });
    if (!taken.ok()) snapshot_.reset();
    return taken;
  });
  if (begun.ok()) return std::nullopt;
  return begun.error();
}

// Destroying the read-only transaction rolls it back, which changes nothing.
void PostgresLedgerStore::EndReadSnapshot() { snapshot_.reset(); }

Result<std::unique_ptr<ledger::AppendTransaction>> PostgresLedgerStore::BeginAppend(
    const std::string& agreement) {
  return Reconnecting(
      [&] { return PostgresAppendTransaction::Begin(*connection_, agreement, where_); });
}

Result<std::vector<ledger::Hash>> PostgresLedgerStore::LeafHashes(const std::string& agreement,
                                                                  int64_t begin, int64_t end) {
  return Reading(
      [&](pqxx::transaction_base& read) { return SelectLeafHashes(read, agreement, begin, end); });
}

Result<std::vector<ledger::Hash>> PostgresLedgerStore::CachedNodes(const std::string& agreement,
                                                                   int level, int64_t begin,
                                                                   int64_t end) {
  return Reading([&](pqxx::transaction_base& read) {
    return SelectCachedNodes(read, agreement, level, begin, end);
  });
}

Result<std::string> PostgresLedgerStore::NodeChildren(const std::string& agreement, int level,
                                                      int64_t node_index) {
  return Reading([&](pqxx::transaction_base& read) {
    return SelectNodeChildren(read, agreement, level, node_index);
  });
}

Result<std::vector<std::string>> PostgresLedgerStore::ListLedgers() {
  return Reading([&](pqxx::transaction_base& read) -> Result<std::vector<std::string>> {
    // COLLATE "C": byte order whatever the database's collation.
    const pqxx::result rows =
        read.exec(std::string(kAgreementsOfTheStore) + "ORDER BY agreement COLLATE \"C\"");
    std::vector<std::string> agreements;
    for (const pqxx::row& row : rows) agreements.push_back(row[0].as<std::string>());
    return agreements;
  });
}

Result<std::optional<ledger::LedgerState>> PostgresLedgerStore::State(
    const std::string& agreement) {
  return Reading([&](pqxx::transaction_base& read) { return SelectState(read, agreement, false); });
}

std::optional<Error> PostgresLedgerStore::ReadEventsInto(const std::string& agreement,
                                                         int64_t begin, int64_t end,
                                                         std::vector<ledger::StoredEvent>& rows) {
  Result<bool> read = Reading([&](pqxx::transaction_base& query) -> Result<bool> {
    EventsFromResult(query.exec_params(std::string("SELECT ") + kEventColumns +
                                           " FROM events WHERE agreement = $1 AND leaf_index >= "
                                           "$2 AND leaf_index < $3 ORDER BY leaf_index",
                                       agreement, begin, end),
                     rows);
    return true;
  });
  if (!read.ok()) return read.error();
  return std::nullopt;
}

Result<std::vector<ledger::StoredEvent>> PostgresLedgerStore::FindEvents(
    const ledger::EventFilter& filter) {
  return Reading([&](pqxx::transaction_base& read) -> Result<std::vector<ledger::StoredEvent>> {
    // One statement for every combination: an empty parameter disables its condition. Dates go
    // through NULLIF so that an empty one is never cast. A correction has no date or commitments
    // of its own: it takes those of the event it corrects, and is listed with that event's type.
    return EventsFromResult(read.exec_params(
        std::string("SELECT ") + kEventColumns +
            " FROM events WHERE agreement = $1"
            " AND ($2 = '' OR type = $2 OR (events.corrects IS NOT NULL AND (SELECT o.type"
            " FROM events o WHERE o.id = events.corrects) = $2))"
            " AND ($3 = '' OR EXISTS (SELECT 1 FROM event_commitments c"
            " WHERE c.agreement = events.agreement AND c.commitment_id = $3"
            " AND c.leaf_index = events.leaf_index)"
            " OR (events.corrects IS NOT NULL AND EXISTS (SELECT 1 FROM events o"
            " JOIN event_commitments c ON c.agreement = o.agreement AND c.leaf_index = o.leaf_index"
            " WHERE o.id = events.corrects AND c.commitment_id = $3)))"
            " AND ($4 = '' OR COALESCE(fact_date, (SELECT o.fact_date FROM events o"
            " WHERE o.id = events.corrects)) >= NULLIF($4, '')::date)"
            " AND ($5 = '' OR COALESCE(fact_date, (SELECT o.fact_date FROM events o"
            " WHERE o.id = events.corrects)) <= NULLIF($5, '')::date)"
            " AND ($6 = '' OR institution = $6)"
            " AND ($7 = '' OR classification = $7)"
            " AND leaf_index >= $8"
            " ORDER BY leaf_index"
            " LIMIT CASE WHEN $9::bigint < 0 THEN NULL ELSE $9::bigint END",
        filter.agreement, filter.type, filter.commitment, filter.date_from, filter.date_to,
        filter.institution, filter.classification, filter.begin, filter.limit));
  });
}

Result<std::optional<ledger::StoredEvent>> PostgresLedgerStore::EventById(const std::string& id) {
  return Reading([&](pqxx::transaction_base& read) { return SelectEventById(read, id); });
}

Result<std::vector<ledger::EventCommitment>> PostgresLedgerStore::ReadEventCommitments(
    const std::string& agreement, const std::optional<ledger::EventCommitment>& after,
    int64_t limit) {
  return Reading([&](pqxx::transaction_base& read) -> Result<std::vector<ledger::EventCommitment>> {
    // In the primary key's order (the column's collation), so that the key's index serves it;
    // every text sorts after "" at leaf -1, so nullopt starts at the first row.
    const pqxx::result rows = read.exec_params(
        "SELECT leaf_index, commitment_id FROM event_commitments WHERE agreement = $1 "
        "AND (commitment_id, leaf_index) > ($2, $3) ORDER BY commitment_id, leaf_index LIMIT $4",
        agreement, after ? after->commitment_id : "", after ? after->leaf_index : -1, limit);
    std::vector<ledger::EventCommitment> commitments;
    commitments.reserve(rows.size());
    for (const pqxx::row& row : rows) {
      commitments.push_back({row[0].as<int64_t>(), row[1].as<std::string>()});
    }
    return commitments;
  });
}

Result<std::vector<ledger::SignedTreeHead>> PostgresLedgerStore::TreeHeads(
    const std::string& agreement) {
  return Reading([&](pqxx::transaction_base& read) -> Result<std::vector<ledger::SignedTreeHead>> {
    return HeadsFromResult(read.exec_params(std::string("SELECT ") + kHeadColumns +
                                                " FROM tree_heads WHERE agreement = $1 "
                                                "ORDER BY tree_size",
                                            agreement));
  });
}

Result<std::optional<ledger::SignedTreeHead>> PostgresLedgerStore::TreeHeadAt(
    const std::string& agreement, int64_t tree_size) {
  return Reading(
      [&](pqxx::transaction_base& read) -> Result<std::optional<ledger::SignedTreeHead>> {
        const pqxx::result rows =
            read.exec_params(std::string("SELECT ") + kHeadColumns +
                                 " FROM tree_heads WHERE agreement = $1 AND tree_size = $2",
                             agreement, tree_size);
        return OneCheckedHead(rows, where_);
      });
}

Result<std::optional<ledger::SignedTreeHead>> PostgresLedgerStore::LatestTreeHead(
    const std::string& agreement) {
  return Reading(
      [&](pqxx::transaction_base& read) -> Result<std::optional<ledger::SignedTreeHead>> {
        const pqxx::result rows = read.exec_params(
            std::string("SELECT ") + kHeadColumns +
                " FROM tree_heads WHERE agreement = $1 ORDER BY tree_size DESC LIMIT 1",
            agreement);
        return OneCheckedHead(rows, where_);
      });
}

Result<std::vector<ledger::CachedNodeRow>> PostgresLedgerStore::CachedNodeRows(
    const std::string& agreement) {
  return Reading([&](pqxx::transaction_base& read) -> Result<std::vector<ledger::CachedNodeRow>> {
    // The server hashes the children: 32 bytes a node cross the connection instead of 8 KiB.
    // Empty children are none, as for proofs.
    const pqxx::result rows = read.exec_params(
        "SELECT level, node_index, hash, sha256(NULLIF(children, ''::bytea)) FROM tree_nodes "
        "WHERE agreement = $1 ORDER BY level, node_index",
        agreement);
    std::vector<ledger::CachedNodeRow> nodes;
    nodes.reserve(rows.size());
    for (const pqxx::row& row : rows) {
      nodes.push_back({row[0].as<int>(), row[1].as<int64_t>(), HashFromField(row[2]), {}});
      if (!row[3].is_null()) nodes.back().children_sha256 = HashFromField(row[3]);
    }
    return nodes;
  });
}

}  // namespace treaty::store
