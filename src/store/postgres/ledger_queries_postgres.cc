#include "store/postgres/ledger_queries_postgres.h"

#include <array>
#include <cstring>
#include <utility>

#include "ledger/hash.h"
#include "ledger/uuid.h"

namespace treaty::store {

const char* const kEventColumns =
    "agreement, leaf_index, id::text, type, to_char(fact_date, 'YYYY-MM-DD'), "
    "to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), institution, "
    "classification, corrects::text, idempotency_key, content_hash, leaf_hash, canonical";

const char* const kHeadColumns =
    "agreement, tree_size, root_hash, \"timestamp\", signer, key_id, head, signature";

namespace {

// A text field into `out`, keeping its buffer; NULL as "".
void AssignText(const pqxx::field& field, std::string& out) {
  if (field.is_null()) {
    out.clear();
    return;
  }
  out.assign(field.c_str(), field.size());
}

// A bytea column of N bytes (a hash, a signature) into `out`; another size reads as zero, which
// `treaty verify` reports as differing from what it recomputes, as in the SQLite store.
// False for another size; the size stored goes to `stored_size` when given.
template <size_t N>
bool ReadBytes(const pqxx::field& field, std::array<uint8_t, N>& out,
               int64_t* stored_size = nullptr) {
  const pqxx::binarystring bytes(field);
  if (stored_size != nullptr) *stored_size = static_cast<int64_t>(bytes.size());
  out = {};
  if (bytes.size() != N) return false;
  std::memcpy(out.data(), bytes.data(), N);
  return true;
}

// The first column of `rows`: the leaf or node indexes a range read found, ascending.
std::vector<int64_t> Indexes(const pqxx::result& rows) {
  std::vector<int64_t> indexes;
  indexes.reserve(rows.size());
  for (const auto& row : rows) indexes.push_back(row[0].as<int64_t>());
  return indexes;
}

}  // namespace

void PrepareLedgerStatements(pqxx::connection_base& connection) {
  const std::string events = std::string("SELECT ") + kEventColumns + " FROM events ";
  connection.prepare(
      "ledger_leaf_hashes",
      "SELECT leaf_index, leaf_hash FROM events WHERE agreement = $1 AND leaf_index >= $2 "
      "AND leaf_index < $3 ORDER BY leaf_index");
  connection.prepare("ledger_cached_nodes",
                     "SELECT node_index, hash FROM tree_nodes WHERE agreement = $1 AND level = $2 "
                     "AND node_index >= $3 AND node_index < $4 ORDER BY node_index");
  connection.prepare("ledger_event_by_id", events + "WHERE id = $1::uuid");
  connection.prepare("ledger_state",
                     "SELECT tree_size, root_hash, last_recorded_at FROM ledgers "
                     "WHERE agreement = $1");
  connection.prepare("ledger_lock_state",
                     "SELECT tree_size, root_hash, last_recorded_at FROM ledgers "
                     "WHERE agreement = $1 FOR UPDATE");
  connection.prepare("ledger_node_children",
                     "SELECT children FROM tree_nodes WHERE agreement = $1 AND level = $2 "
                     "AND node_index = $3");
  connection.prepare("ledger_insert_node",
                     "INSERT INTO tree_nodes (agreement, level, node_index, hash, children) "
                     "VALUES ($1, $2, $3, $4, $5)");
}

std::string ByteaHexInput(std::string_view bytes) {
  return "\\x" + ledger::BytesToHex(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

pqxx::binarystring HashParameter(const ledger::Hash& hash) {
  return pqxx::binarystring(hash.data(), hash.size());
}

std::string BytesFromField(const pqxx::field& field) {
  return field.is_null() ? std::string() : pqxx::binarystring(field).str();
}

ledger::Hash HashFromField(const pqxx::field& field) {
  ledger::Hash hash;
  ReadBytes(field, hash);
  return hash;
}

std::string TextArrayLiteral(const std::vector<std::string>& items) {
  std::string literal = "{";
  for (const std::string& item : items) {
    if (literal.size() > 1) literal += ',';
    literal += '"';
    for (char c : item) {
      if (c == '"' || c == '\\') literal += '\\';
      literal += c;
    }
    literal += '"';
  }
  literal += '}';
  return literal;
}

namespace {

// An `events` row selected with kEventColumns into `event`, keeping its strings' buffers.
void ReadEventRowInto(const pqxx::row& row, ledger::StoredEvent& event) {
  AssignText(row[0], event.agreement);
  event.leaf_index = row[1].as<int64_t>();
  AssignText(row[2], event.id);
  AssignText(row[3], event.type);
  AssignText(row[4], event.fact_date);
  AssignText(row[5], event.recorded_at);
  AssignText(row[6], event.institution);
  AssignText(row[7], event.classification);
  AssignText(row[8], event.corrects);
  AssignText(row[9], event.idempotency_key);
  ReadBytes(row[10], event.content_hash);
  ReadBytes(row[11], event.leaf_hash);
  const pqxx::binarystring canonical(row[12]);
  event.canonical.assign(canonical.get(), canonical.size());
}

}  // namespace

ledger::StoredEvent EventFromRow(const pqxx::row& row) {
  ledger::StoredEvent event;
  ReadEventRowInto(row, event);
  return event;
}

ledger::SignedTreeHead HeadFromRow(const pqxx::row& row) {
  ledger::SignedTreeHead signed_head;
  ledger::TreeHead& head = signed_head.head;
  head.agreement = row[0].as<std::string>();
  head.tree_size = row[1].as<int64_t>();
  ReadBytes(row[2], head.root_hash, &signed_head.stored_sizes.root_hash);
  head.timestamp = row[3].as<std::string>();
  head.signer = row[4].as<std::string>();
  head.key_id = row[5].as<std::string>();
  signed_head.head_bytes = BytesFromField(row[6]);
  ReadBytes(row[7], signed_head.signature, &signed_head.stored_sizes.signature);
  return signed_head;
}

void EventsFromResult(const pqxx::result& result, std::vector<ledger::StoredEvent>& events) {
  events.resize(result.size());
  for (size_t i = 0; i < events.size(); ++i) {
    ReadEventRowInto(result[static_cast<pqxx::result::size_type>(i)], events[i]);
  }
}

std::vector<ledger::StoredEvent> EventsFromResult(const pqxx::result& result) {
  std::vector<ledger::StoredEvent> events;
  EventsFromResult(result, events);
  return events;
}

std::vector<ledger::SignedTreeHead> HeadsFromResult(const pqxx::result& result) {
  std::vector<ledger::SignedTreeHead> heads;
  heads.reserve(result.size());
  for (const pqxx::row& row : result) heads.push_back(HeadFromRow(row));
  return heads;
}

Result<std::optional<ledger::SignedTreeHead>> OneCheckedHead(const pqxx::result& result,
                                                             const std::string& where) {
  if (result.empty()) return std::optional<ledger::SignedTreeHead>();
  ledger::SignedTreeHead head = HeadFromRow(result[0]);
  if (std::optional<Error> wrong = ledger::WrongSizeHeadError(head, where)) return *wrong;
  return std::optional<ledger::SignedTreeHead>(std::move(head));
}

Result<std::vector<ledger::Hash>> SelectLeafHashes(pqxx::transaction_base& transaction,
                                                   const std::string& agreement, int64_t begin,
                                                   int64_t end) {
  std::vector<ledger::Hash> hashes;
  if (begin >= end) return hashes;
  const pqxx::result rows = transaction.exec_prepared("ledger_leaf_hashes", agreement, begin, end);
  if (static_cast<int64_t>(rows.size()) != end - begin) {
    return Error{ledger::MissingRowsMessage(Indexes(rows), begin, end, 0, agreement), ""};
  }
  // An append or a proof builds on these hashes: one of the wrong size is an error here.
  hashes.resize(rows.size());
  for (size_t i = 0; i < hashes.size(); ++i) {
    if (!ReadBytes(rows[static_cast<pqxx::result::size_type>(i)][1], hashes[i])) {
      return Error{"leaf " + std::to_string(begin + static_cast<int64_t>(i)) + " of " + agreement +
                       ": the stored leaf_hash is not 32 bytes",
                   ""};
    }
  }
  return hashes;
}

Result<std::vector<ledger::Hash>> SelectCachedNodes(pqxx::transaction_base& transaction,
                                                    const std::string& agreement, int level,
                                                    int64_t begin, int64_t end) {
  std::vector<ledger::Hash> hashes;
  if (begin >= end) return hashes;
  const pqxx::result rows =
      transaction.exec_prepared("ledger_cached_nodes", agreement, level, begin, end);
  if (static_cast<int64_t>(rows.size()) != end - begin) {
    return Error{ledger::MissingRowsMessage(Indexes(rows), begin, end, level, agreement), ""};
  }
  hashes.resize(rows.size());
  for (size_t i = 0; i < hashes.size(); ++i) {
    if (!ReadBytes(rows[static_cast<pqxx::result::size_type>(i)][1], hashes[i])) {
      return Error{"cached node (level " + std::to_string(level) + ", index " +
                       std::to_string(begin + static_cast<int64_t>(i)) + ") of " + agreement +
                       ": the stored hash is not 32 bytes",
                   ""};
    }
  }
  return hashes;
}

Result<std::string> SelectNodeChildren(pqxx::transaction_base& transaction,
                                       const std::string& agreement, int level,
                                       int64_t node_index) {
  const pqxx::result rows =
      transaction.exec_prepared("ledger_node_children", agreement, level, node_index);
  return rows.empty() ? std::string() : BytesFromField(rows[0][0]);
}

Result<std::optional<ledger::StoredEvent>> SelectEventById(pqxx::transaction_base& transaction,
                                                           const std::string& id) {
  if (!ledger::IsUuid(id)) return std::optional<ledger::StoredEvent>();
  const pqxx::result rows =
      transaction.exec_prepared("ledger_event_by_id", ledger::ToLowerAscii(id));
  if (rows.empty()) return std::optional<ledger::StoredEvent>();
  return std::optional<ledger::StoredEvent>(EventFromRow(rows[0]));
}

Result<std::optional<ledger::LedgerState>> SelectState(pqxx::transaction_base& transaction,
                                                       const std::string& agreement,
                                                       bool for_update) {
  const pqxx::result rows =
      transaction.exec_prepared(for_update ? "ledger_lock_state" : "ledger_state", agreement);
  if (rows.empty()) return std::optional<ledger::LedgerState>();
  ledger::LedgerState state;
  state.agreement = agreement;
  state.tree_size = rows[0][0].as<int64_t>();
  state.root_hash = HashFromField(rows[0][1]);
  AssignText(rows[0][2], state.last_recorded_at);
  return std::optional<ledger::LedgerState>(std::move(state));
}

}  // namespace treaty::store
