#include "store/postgres/append_transaction_postgres.h"

#include <tuple>
#include <utility>

#include "ledger/merkle_tree.h"
#include "ledger/uuid.h"
#include "store/postgres/ledger_queries_postgres.h"
#include "store/postgres/postgres_connection.h"

namespace treaty::store {
namespace {

// NULL in COPY for an empty string (stream_to writes a null const char* as \N).
const char* NullIfEmpty(const std::string& text) { return text.empty() ? nullptr : text.c_str(); }

}  // namespace

Result<std::unique_ptr<ledger::AppendTransaction>> PostgresAppendTransaction::Begin(
    pqxx::connection& connection, const std::string& agreement, const std::string& where) {
  return Guarded(where, [&]() -> Result<std::unique_ptr<ledger::AppendTransaction>> {
    PrepareLedgerStatements(connection);
    // READ COMMITTED (§6.3), said so rather than taken from the server's default, which a role or
    // database may set to REPEATABLE READ: then the snapshot would predate the lock and a second
    // writer fail to serialize instead of waiting for it.
    auto work = std::make_unique<pqxx::work>(connection);
    work->exec0("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
    work->exec_params0(
        "INSERT INTO ledgers (agreement, tree_size, root_hash, last_recorded_at) "
        "VALUES ($1, 0, $2, NULL) ON CONFLICT (agreement) DO NOTHING",
        agreement, HashParameter(ledger::EmptyTreeRoot()));
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

void PostgresAppendTransaction::Flush() {
  if (pending_.empty()) return;
  {
    pqxx::stream_to events(
        *work_, "events",
        std::vector<std::string>{"agreement", "leaf_index", "id", "type", "fact_date",
                                 "recorded_at", "institution", "classification", "corrects",
                                 "idempotency_key", "content_hash", "leaf_hash", "canonical"});
    for (const ledger::StoredEvent& row : pending_) {
      events << std::make_tuple(
          row.agreement, row.leaf_index, row.id, row.type, NullIfEmpty(row.fact_date),
          row.recorded_at, row.institution, row.classification, NullIfEmpty(row.corrects),
          row.idempotency_key,
          ByteaHexInput(
              {reinterpret_cast<const char*>(row.content_hash.data()), row.content_hash.size()}),
          ByteaHexInput(
              {reinterpret_cast<const char*>(row.leaf_hash.data()), row.leaf_hash.size()}),
          ByteaHexInput(row.canonical));
    }
    events.complete();
  }
  if (!pending_commitments_.empty()) {
    pqxx::stream_to commitments(
        *work_, "event_commitments",
        std::vector<std::string>{"agreement", "commitment_id", "leaf_index"});
    for (const auto& [leaf_index, commitment] : pending_commitments_) {
      commitments << std::make_tuple(state_.agreement, commitment, leaf_index);
    }
    commitments.complete();
  }
  pending_.clear();
  pending_commitments_.clear();
  pending_by_id_.clear();
  pending_by_key_.clear();
}

Result<std::vector<ledger::Hash>> PostgresAppendTransaction::LeafHashes(
    const std::string& agreement, int64_t begin, int64_t end) {
  return Guarded(where_, [&] {
    Flush();
    return SelectLeafHashes(*work_, agreement, begin, end);
  });
}

Result<std::vector<ledger::Hash>> PostgresAppendTransaction::CachedNodes(
    const std::string& agreement, int level, int64_t begin, int64_t end) {
  return Guarded(where_, [&] {
    Flush();
    return SelectCachedNodes(*work_, agreement, level, begin, end);
  });
}

Result<std::string> PostgresAppendTransaction::NodeChildren(const std::string& agreement, int level,
                                                            int64_t node_index) {
  return Guarded(where_, [&] {
    Flush();
    return SelectNodeChildren(*work_, agreement, level, node_index);
  });
}

Result<std::map<std::string, ledger::StoredEvent>> PostgresAppendTransaction::FindByIdempotencyKeys(
    const std::string& institution, const std::vector<std::string>& idempotency_keys) {
  std::map<std::string, ledger::StoredEvent> found;
  if (idempotency_keys.empty()) return found;
  return Guarded(where_, [&]() -> Result<std::map<std::string, ledger::StoredEvent>> {
    // Planned per call, not prepared: a generic plan made while the table was small can stay a
    // sequential scan as it grows, and one parse per batch costs nothing.
    const pqxx::result rows = work_->exec_params(
        std::string("SELECT ") + kEventColumns +
            " FROM events WHERE agreement = $1 AND institution = $2 AND idempotency_key = "
            "ANY($3::text[])",
        state_.agreement, institution, TextArrayLiteral(idempotency_keys));
    for (const pqxx::row& row : rows) {
      ledger::StoredEvent event = EventFromRow(row);
      std::string key = event.idempotency_key;
      found.emplace(std::move(key), std::move(event));
    }
    // Rows of this transaction not yet written.
    for (const std::string& key : idempotency_keys) {
      if (auto pending = pending_by_key_.find({institution, key});
          pending != pending_by_key_.end()) {
        found.emplace(key, pending_[pending->second]);
      }
    }
    return found;
  });
}

Result<std::optional<ledger::StoredEvent>> PostgresAppendTransaction::FindById(
    const std::string& id) {
  if (auto found = pending_by_id_.find(ledger::ToLowerAscii(id)); found != pending_by_id_.end()) {
    return std::optional<ledger::StoredEvent>(pending_[found->second]);
  }
  return Guarded(where_, [&] { return SelectEventById(*work_, id); });
}

Result<bool> PostgresAppendTransaction::InsertEvent(const ledger::StoredEvent& row,
                                                    const std::vector<std::string>& commitments) {
  if (!work_) return Error{"the append transaction is already committed", where_};
  if (!pending_by_id_.emplace(row.id, pending_.size()).second) return false;
  pending_by_key_.emplace(std::pair{row.institution, row.idempotency_key}, pending_.size());
  pending_.push_back(row);
  for (const std::string& commitment : commitments) {
    pending_commitments_.emplace_back(row.leaf_index, commitment);
  }
  return true;
}

Result<bool> PostgresAppendTransaction::InsertNode(const std::string& agreement,
                                                   const ledger::CachedNode& node) {
  return Guarded(where_, [&]() -> Result<bool> {
    work_->exec_prepared0("ledger_insert_node", agreement, node.level, node.node_index,
                          HashParameter(node.hash),
                          pqxx::binarystring(node.children.data(), node.children.size()));
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
    Flush();
    work_->commit();
    work_.reset();
    return true;
  });
}

}  // namespace treaty::store
