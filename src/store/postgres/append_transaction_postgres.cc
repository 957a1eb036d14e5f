#include "store/postgres/append_transaction_postgres.h"

#include <utility>

#include "store/postgres/ledger_queries_postgres.h"
#include "store/postgres/postgres_connection.h"

namespace treaty::store {

Result<std::unique_ptr<ledger::AppendTransaction>> PostgresAppendTransaction::Begin(
    pqxx::connection& connection, const std::string& agreement, const std::string& where) {
  return Guarded(where, [&]() -> Result<std::unique_ptr<ledger::AppendTransaction>> {
    // READ COMMITTED, the default: under REPEATABLE READ the snapshot would predate the lock.
    auto work = std::make_unique<pqxx::work>(connection);
    work->exec_params0(
        "INSERT INTO ledgers (agreement, tree_size, root_hash, last_recorded_at) "
        "VALUES ($1, 0, $2, NULL) ON CONFLICT (agreement) DO NOTHING",
        agreement, HashParameter(ledger::Sha256("")));
    Result<std::optional<ledger::LedgerState>> state = SelectState(*work, agreement, true);
    if (!state.ok()) return state.error();
    if (!state.value()) return Error{"the ledgers row of " + agreement + " vanished", where};
    return std::unique_ptr<ledger::AppendTransaction>(
        new PostgresAppendTransaction(std::move(work), std::move(*state.value()), where));
  });
}

PostgresAppendTransaction::PostgresAppendTransaction(std::unique_ptr<pqxx::work> work,
                                                     ledger::LedgerState state, std::string where)
    : work_(std::move(work)), state_(std::move(state)), where_(std::move(where)) {}

PostgresAppendTransaction::~PostgresAppendTransaction() {
  // pqxx::work's destructor rolls back; it never throws.
  work_.reset();
}

Result<std::vector<ledger::Hash>> PostgresAppendTransaction::LeafHashes(
    const std::string& agreement, int64_t begin, int64_t end) {
  return Guarded(where_, [&] { return SelectLeafHashes(*work_, agreement, begin, end); });
}

Result<std::vector<ledger::Hash>> PostgresAppendTransaction::CachedNodes(
    const std::string& agreement, int level, int64_t begin, int64_t end) {
  return Guarded(where_, [&] { return SelectCachedNodes(*work_, agreement, level, begin, end); });
}

Result<std::optional<ledger::StoredEvent>> PostgresAppendTransaction::FindByIdempotencyKey(
    const std::string& institution, const std::string& idempotency_key) {
  return Guarded(where_, [&]() -> Result<std::optional<ledger::StoredEvent>> {
    const pqxx::result rows = work_->exec_params(
        std::string("SELECT ") + kEventColumns +
            " FROM events WHERE agreement = $1 AND institution = $2 AND idempotency_key = $3",
        state_.agreement, institution, idempotency_key);
    if (rows.empty()) return std::optional<ledger::StoredEvent>();
    Result<ledger::StoredEvent> event = EventFromRow(rows[0]);
    if (!event.ok()) return event.error();
    return std::optional<ledger::StoredEvent>(std::move(event).value());
  });
}

Result<std::optional<ledger::StoredEvent>> PostgresAppendTransaction::FindById(
    const std::string& id) {
  return Guarded(where_, [&] { return SelectEventById(*work_, id); });
}

Result<bool> PostgresAppendTransaction::InsertEvent(const ledger::StoredEvent& row,
                                                    const std::vector<std::string>& commitments) {
  return Guarded(where_, [&]() -> Result<bool> {
    // ON CONFLICT (id) only: a clash on any other key is a real error and aborts the transaction.
    const pqxx::result inserted = work_->exec_params(
        "INSERT INTO events (agreement, leaf_index, id, type, fact_date, recorded_at, institution, "
        "classification, corrects, idempotency_key, content_hash, leaf_hash, canonical) "
        "VALUES ($1, $2, $3::uuid, $4, NULLIF($5, '')::date, $6::timestamptz, $7, $8, "
        "NULLIF($9, '')::uuid, $10, $11, $12, $13) ON CONFLICT (id) DO NOTHING",
        row.agreement, row.leaf_index, row.id, row.type, row.fact_date, row.recorded_at,
        row.institution, row.classification, row.corrects, row.idempotency_key,
        HashParameter(row.content_hash), HashParameter(row.leaf_hash),
        pqxx::binarystring(row.canonical));
    if (inserted.affected_rows() == 0) return false;
    if (!commitments.empty()) {
      work_->exec_params0(
          "INSERT INTO event_commitments (agreement, commitment_id, leaf_index) "
          "SELECT $1, unnest($2::text[]), $3",
          row.agreement, TextArrayLiteral(commitments), row.leaf_index);
    }
    return true;
  });
}

Result<bool> PostgresAppendTransaction::InsertNode(const std::string& agreement,
                                                   const ledger::CachedNode& node) {
  return Guarded(where_, [&]() -> Result<bool> {
    work_->exec_params0(
        "INSERT INTO tree_nodes (agreement, level, node_index, hash) VALUES ($1, $2, $3, $4)",
        agreement, node.level, node.node_index, HashParameter(node.hash));
    return true;
  });
}

Result<bool> PostgresAppendTransaction::InsertHead(const ledger::SignedTreeHead& head) {
  return Guarded(where_, [&]() -> Result<bool> {
    work_->exec_params0(
        "INSERT INTO tree_heads (agreement, tree_size, root_hash, \"timestamp\", signer, key_id, "
        "head, signature) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        head.head.agreement, head.head.tree_size, HashParameter(head.head.root_hash),
        head.head.timestamp, head.head.signer, head.head.key_id,
        pqxx::binarystring(head.head_bytes),
        pqxx::binarystring(head.signature.data(), head.signature.size()));
    return true;
  });
}

Result<bool> PostgresAppendTransaction::UpdateState(const ledger::LedgerState& state) {
  return Guarded(where_, [&]() -> Result<bool> {
    const pqxx::result updated = work_->exec_params(
        "UPDATE ledgers SET tree_size = $2, root_hash = $3, last_recorded_at = NULLIF($4, '') "
        "WHERE agreement = $1",
        state.agreement, state.tree_size, HashParameter(state.root_hash), state.last_recorded_at);
    if (updated.affected_rows() != 1) return Error{"no ledgers row for " + state.agreement, ""};
    state_ = state;
    return true;
  });
}

Result<bool> PostgresAppendTransaction::Commit() {
  if (!work_) return Error{"the append transaction is already committed", where_};
  return Guarded(where_, [&]() -> Result<bool> {
    work_->commit();
    work_.reset();
    return true;
  });
}

}  // namespace treaty::store
