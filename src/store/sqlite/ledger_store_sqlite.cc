#include "store/sqlite/ledger_store_sqlite.h"
#include "ledger/merkle_tree.h"
#include "store/ledger_store_sql.h"
#include "store/sqlite/sqlite_open.h"
#include "store/sqlite/sqlite_statement.h"

#include <cstring>
#include <filesystem>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace treaty::store {
namespace {

using ledger::AppendTransaction;
using ledger::CachedNode;
using ledger::EventCommitment;
using ledger::Hash;
using ledger::LedgerState;
using ledger::SignedTreeHead;
using ledger::StoredEvent;

constexpr int kLedgerSchemaVersion = 1;
constexpr int kBusyTimeoutMs = 60000;

// docs/ledger-format.md §6.1 and §6.5; keep in step with it.
constexpr char kSchema[] = R"sql(
CREATE TABLE ledger_schema (version INTEGER NOT NULL);
INSERT INTO ledger_schema (version) VALUES (1);
CREATE TABLE ledgers (
  agreement TEXT PRIMARY KEY,
  tree_size INTEGER NOT NULL,
  root_hash BLOB NOT NULL,
  last_recorded_at TEXT
);
CREATE TABLE events (
  agreement TEXT NOT NULL,
  leaf_index INTEGER NOT NULL,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  fact_date TEXT,
  recorded_at TEXT NOT NULL,
  institution TEXT NOT NULL,
  classification TEXT NOT NULL,
  corrects TEXT,
  idempotency_key TEXT NOT NULL,
  content_hash BLOB NOT NULL,
  leaf_hash BLOB NOT NULL,
  canonical BLOB NOT NULL,
  PRIMARY KEY (agreement, leaf_index),
  UNIQUE (agreement, institution, idempotency_key)
);
CREATE TABLE event_commitments (
  agreement TEXT NOT NULL,
  commitment_id TEXT NOT NULL,
  leaf_index INTEGER NOT NULL,
  PRIMARY KEY (agreement, commitment_id, leaf_index)
) WITHOUT ROWID;
CREATE TABLE tree_heads (
  agreement TEXT NOT NULL,
  tree_size INTEGER NOT NULL,
  root_hash BLOB NOT NULL,
  timestamp TEXT NOT NULL,
  signer TEXT NOT NULL,
  key_id TEXT NOT NULL,
  head BLOB NOT NULL,
  signature BLOB NOT NULL,
  PRIMARY KEY (agreement, tree_size)
);
CREATE TABLE tree_nodes (
  agreement TEXT NOT NULL,
  level INTEGER NOT NULL,
  node_index INTEGER NOT NULL,
  hash BLOB NOT NULL,
  PRIMARY KEY (agreement, level, node_index)
) WITHOUT ROWID;
)sql";

// The indexes of earlier versions, which this one drops: §6.1 keeps none that every append pays
// for, since each cost an append a B-tree insert per event or per commitment.
constexpr const char* kDroppedIndexes[] = {"events_by_type", "events_by_date",
                                           "event_commitments_by_leaf"};

// The corrections of an event, found by the event's id (event filters, §6.1). Only correction
// rows are in it, so the appends of other events do not touch it.
constexpr char kCorrectionsIndexName[] = "events_by_corrects";
constexpr char kCorrectionsIndex[] =
    "CREATE INDEX IF NOT EXISTS events_by_corrects ON events (corrects) WHERE corrects IS NOT "
    "NULL;\n";

// The children of cached nodes (§6.1, §6.6), apart from `tree_nodes`: a WITHOUT ROWID row keeps
// ~2 KiB of itself on its B-tree page, so 8 KiB of children in `tree_nodes` would spread the 256
// hashes of a range read over ~35 pages instead of one or two. A rowid table, unlike a WITHOUT
// ROWID one, keeps a row of 8 KiB whole on a 16 KiB page instead of spilling most of it into an
// overflow page of its own.
constexpr char kChildrenTable[] = R"sql(
CREATE TABLE tree_node_children (
  agreement TEXT NOT NULL,
  level INTEGER NOT NULL,
  node_index INTEGER NOT NULL,
  children BLOB NOT NULL,
  UNIQUE (agreement, level, node_index)
);
)sql";

constexpr const char* kAppendOnlyTables[] = {"events", "event_commitments", "tree_heads",
                                             "tree_nodes"};

// SQL making `table` append-only (§6.5).
std::string AppendOnlyTriggers(std::string_view table) {
  std::string sql;
  for (const char* operation : {"UPDATE", "DELETE"}) {
    sql += fmt::format(
        "CREATE TRIGGER {0}_no_{1} BEFORE {2} ON {0} BEGIN SELECT RAISE(ABORT, 'the ledger is "
        "append-only'); END;\n",
        table, operation[0] == 'U' ? "update" : "delete", operation);
  }
  return sql;
}

constexpr char kEventColumns[] =
    "agreement, leaf_index, id, type, fact_date, recorded_at, institution, classification, "
    "corrects, idempotency_key, content_hash, leaf_hash, canonical";

constexpr char kHeadColumns[] =
    "agreement, tree_size, root_hash, timestamp, signer, key_id, head, signature";

// A text or blob column into `out`, keeping its buffer; NULL as "".
void AssignColumnText(sqlite3_stmt* statement, int column, std::string& out) {
  const void* data = sqlite3_column_blob(statement, column);
  if (data == nullptr) {
    out.clear();
    return;
  }
  out.assign(static_cast<const char*>(data),
             static_cast<size_t>(sqlite3_column_bytes(statement, column)));
}

// A column of N bytes (a hash, a signature) into `out`; another size reads as zero, which
// `treaty verify` reports as differing from what it recomputes. False for another size; the size
// stored (NULL: 0) goes to `stored_size` when given.
template <size_t N>
bool ColumnBytes(sqlite3_stmt* statement, int column, std::array<uint8_t, N>& out,
                 int64_t* stored_size = nullptr) {
  const void* data = sqlite3_column_blob(statement, column);
  const int size = data == nullptr ? 0 : sqlite3_column_bytes(statement, column);
  if (stored_size != nullptr) *stored_size = size;
  if (size != static_cast<int>(N)) {
    out = {};
    return false;
  }
  std::memcpy(out.data(), data, N);
  return true;
}

// Reads an `events` row selected with kEventColumns into `row`, keeping its strings' buffers.
void ReadEventRowInto(sqlite3_stmt* statement, StoredEvent& row) {
  AssignColumnText(statement, 0, row.agreement);
  row.leaf_index = sqlite3_column_int64(statement, 1);
  AssignColumnText(statement, 2, row.id);
  AssignColumnText(statement, 3, row.type);
  AssignColumnText(statement, 4, row.fact_date);
  AssignColumnText(statement, 5, row.recorded_at);
  AssignColumnText(statement, 6, row.institution);
  AssignColumnText(statement, 7, row.classification);
  AssignColumnText(statement, 8, row.corrects);
  AssignColumnText(statement, 9, row.idempotency_key);
  ColumnBytes(statement, 10, row.content_hash);
  ColumnBytes(statement, 11, row.leaf_hash);
  AssignColumnText(statement, 12, row.canonical);
}

StoredEvent ReadEventRow(sqlite3_stmt* statement) {
  StoredEvent row;
  ReadEventRowInto(statement, row);
  return row;
}

// Reads a `tree_heads` row selected with kHeadColumns.
SignedTreeHead ReadHeadRow(sqlite3_stmt* statement) {
  SignedTreeHead signed_head;
  ledger::TreeHead& head = signed_head.head;
  head.agreement = ColumnText(statement, 0);
  head.tree_size = sqlite3_column_int64(statement, 1);
  ColumnBytes(statement, 2, head.root_hash, &signed_head.stored_sizes.root_hash);
  head.timestamp = ColumnText(statement, 3);
  head.signer = ColumnText(statement, 4);
  head.key_id = ColumnText(statement, 5);
  signed_head.head_bytes = ColumnText(statement, 6);
  ColumnBytes(statement, 7, signed_head.signature, &signed_head.stored_sizes.signature);
  return signed_head;
}

}  // namespace

// The transaction of one append, holding SQLite's write lock (BEGIN IMMEDIATE) until it commits
// or is destroyed (rolled back).
class SqliteAppendTransaction : public AppendTransaction {
 public:
  SqliteAppendTransaction(SqliteLedgerStore& store, LedgerState state)
      : store_(store), state_(std::move(state)) {}
  ~SqliteAppendTransaction() override {
    if (!committed_) sqlite3_exec(store_.db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  }

  const LedgerState& state() const override { return state_; }
  void set_state(LedgerState state) { state_ = std::move(state); }

  Result<std::vector<Hash>> LeafHashes(const std::string& agreement, int64_t begin,
                                       int64_t end) override {
    return store_.LeafHashes(agreement, begin, end);
  }
  Result<std::vector<Hash>> CachedNodes(const std::string& agreement, int level, int64_t begin,
                                        int64_t end) override {
    return store_.CachedNodes(agreement, level, begin, end);
  }
  Result<std::string> NodeChildren(const std::string& agreement, int level,
                                   int64_t node_index) override {
    return store_.NodeChildren(agreement, level, node_index);
  }

  // One indexed lookup per key on one prepared statement: in-process, so no round trips to save.
  Result<std::map<std::string, StoredEvent>> FindByIdempotencyKeys(
      const std::string& institution, const std::vector<std::string>& idempotency_keys) override {
    const std::string sql = fmt::format(
        "SELECT {} FROM events WHERE agreement = ? AND institution = ? AND idempotency_key = ?",
        kEventColumns);
    std::map<std::string, StoredEvent> found;
    for (const std::string& key : idempotency_keys) {
      Result<std::optional<StoredEvent>> row = FindOne(sql, {state_.agreement, institution, key});
      if (!row.ok()) return row.error();
      if (row.value()) found.emplace(key, *std::move(row).value());
    }
    return found;
  }

  Result<std::optional<StoredEvent>> FindById(const std::string& id) override {
    return store_.EventById(id);
  }

  Result<bool> InsertEvent(const StoredEvent& row,
                           const std::vector<std::string>& commitments) override {
    // A used id inserts nothing (no second lookup of the id index); any other constraint fails.
    static const std::string kInsert = fmt::format(
        "INSERT INTO events ({}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO NOTHING",
        kEventColumns);
    if (insert_event_ == nullptr) {
      Result<sqlite3_stmt*> insert = store_.Statement(kInsert);
      if (!insert.ok()) return insert.error();
      insert_event_ = insert.value();
      Result<sqlite3_stmt*> link = store_.Statement(
          "INSERT INTO event_commitments (agreement, commitment_id, leaf_index) VALUES (?, ?, ?)");
      if (!link.ok()) return link.error();
      insert_link_ = link.value();
    }
    // `row` and `commitments` outlive each step, so their bytes are bound without a copy.
    store::Binder binder(insert_event_, store::Binder::kBorrow);
    binder.Text(row.agreement)
        .Int(row.leaf_index)
        .Text(row.id)
        .Text(row.type)
        .TextOrNull(row.fact_date)
        .Text(row.recorded_at)
        .Text(row.institution)
        .Text(row.classification)
        .TextOrNull(row.corrects)
        .Text(row.idempotency_key)
        .Blob(row.content_hash.data(), row.content_hash.size())
        .Blob(row.leaf_hash.data(), row.leaf_hash.size())
        .Blob(row.canonical.data(), row.canonical.size());
    if (auto error = Step(insert_event_, binder.ok(), "cannot insert an event")) return *error;
    if (sqlite3_changes(store_.db_.get()) == 0) return false;
    for (const std::string& commitment : commitments) {
      store::Binder link_binder(insert_link_, store::Binder::kBorrow);
      link_binder.Text(row.agreement).Text(commitment).Int(row.leaf_index);
      if (auto error =
              Step(insert_link_, link_binder.ok(), "cannot insert an event's commitment")) {
        return *error;
      }
    }
    return true;
  }

  Result<bool> InsertNode(const std::string& agreement, const CachedNode& node) override {
    Result<sqlite3_stmt*> insert = store_.Statement(
        "INSERT INTO tree_nodes (agreement, level, node_index, hash) VALUES (?, ?, ?, ?)");
    if (!insert.ok()) return insert.error();
    Binder binder(insert.value());
    binder.Text(agreement).Int(node.level).Int(node.node_index).Blob(node.hash);
    if (auto error = Run(insert.value(), binder, "cannot insert a cached node")) return *error;
    Result<sqlite3_stmt*> insert_children = store_.Statement(
        "INSERT INTO tree_node_children (agreement, level, node_index, children) "
        "VALUES (?, ?, ?, ?)");
    if (!insert_children.ok()) return insert_children.error();
    Binder children_binder(insert_children.value(), Binder::kBorrow);
    children_binder.Text(agreement)
        .Int(node.level)
        .Int(node.node_index)
        .Blob(node.children.data(), node.children.size());
    if (auto error = Run(insert_children.value(), children_binder,
                         "cannot insert a cached node's children")) {
      return *error;
    }
    return true;
  }

  Result<bool> InsertHead(const SignedTreeHead& signed_head) override {
    Result<sqlite3_stmt*> insert = store_.Statement(
        fmt::format("INSERT INTO tree_heads ({}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", kHeadColumns));
    if (!insert.ok()) return insert.error();
    const ledger::TreeHead& head = signed_head.head;
    Binder binder(insert.value());
    binder.Text(head.agreement)
        .Int(head.tree_size)
        .Blob(head.root_hash)
        .Text(head.timestamp)
        .Text(head.signer)
        .Text(head.key_id)
        .Blob(signed_head.head_bytes.data(), signed_head.head_bytes.size())
        .Blob(signed_head.signature.data(), signed_head.signature.size());
    if (auto error = Run(insert.value(), binder, "cannot insert a tree head")) return *error;
    return true;
  }

  Result<bool> UpdateState(const LedgerState& state) override {
    Result<sqlite3_stmt*> update = store_.Statement(
        "UPDATE ledgers SET tree_size = ?, root_hash = ?, last_recorded_at = ? WHERE agreement = "
        "?");
    if (!update.ok()) return update.error();
    Binder binder(update.value());
    binder.Int(state.tree_size)
        .Blob(state.root_hash)
        .TextOrNull(state.last_recorded_at)
        .Text(state.agreement);
    if (auto error = Run(update.value(), binder, "cannot update the ledger")) return *error;
    return true;
  }

  Result<bool> Commit() override {
    if (sqlite3_exec(store_.db_.get(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
      return store_.Fail("cannot commit the append");
    }
    committed_ = true;
    return true;
  }

 private:
  std::optional<Error> Run(sqlite3_stmt* statement, const Binder& binder, std::string_view what) {
    return Step(statement, binder.ok(), what);
  }

  // Steps `statement` once (an INSERT or UPDATE) and resets it; `bound` says its binding worked.
  std::optional<Error> Step(sqlite3_stmt* statement, bool bound, std::string_view what) {
    if (!bound) return store_.Fail(std::string(what) + ": cannot bind a value");
    const int rc = sqlite3_step(statement);
    if (rc != SQLITE_DONE) {
      Error error = store_.Fail(what);
      sqlite3_reset(statement);
      return error;
    }
    sqlite3_reset(statement);
    return std::nullopt;
  }

  Result<std::optional<StoredEvent>> FindOne(const std::string& sql,
                                             std::initializer_list<std::string_view> params) {
    Result<sqlite3_stmt*> statement = store_.Statement(sql);
    if (!statement.ok()) return statement.error();
    Binder binder(statement.value());
    for (std::string_view param : params) binder.Text(param);
    const int rc = sqlite3_step(statement.value());
    std::optional<StoredEvent> row;
    if (rc == SQLITE_ROW) row = ReadEventRow(statement.value());
    sqlite3_reset(statement.value());
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return store_.Fail("cannot read an event");
    return row;
  }

  SqliteLedgerStore& store_;
  LedgerState state_;
  // The event and commitment inserts, prepared on the first event: the store's statements stay
  // prepared for its lifetime, and every call binds all their parameters anew.
  sqlite3_stmt* insert_event_ = nullptr;
  sqlite3_stmt* insert_link_ = nullptr;
  bool committed_ = false;
};

SqliteLedgerStore::SqliteLedgerStore(std::string path, DatabaseHandle db)
    : path_(std::move(path)), db_(std::move(db)) {}

SqliteLedgerStore::~SqliteLedgerStore() = default;

Error SqliteLedgerStore::Fail(std::string_view what) const {
  // The lock another connection held past the busy timeout (§6.3), whatever was being done.
  if (sqlite3_errcode(db_.get()) == SQLITE_BUSY) return Error{"the ledger is busy", path_};
  return Error{SqliteFailure(db_.get(), what), path_};
}

Result<sqlite3_stmt*> SqliteLedgerStore::Statement(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v3(db_.get(), sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr) !=
        SQLITE_OK) {
      sqlite3_finalize(raw);
      return Fail("cannot prepare a statement");
    }
    it = statements_.emplace(sql, StatementHandle(raw)).first;
  }
  sqlite3_reset(it->second.get());
  sqlite3_clear_bindings(it->second.get());
  return it->second.get();
}

Result<std::unique_ptr<SqliteLedgerStore>> SqliteLedgerStore::Open(
    const std::string& path, ledger::MissingLedgerTables missing) {
  const bool create = missing == ledger::MissingLedgerTables::kCreate;
  if (path != ":memory:" && create) {
    const std::filesystem::path folder = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!folder.empty() && !std::filesystem::is_directory(folder, ec)) {
      return Error{"cannot create the database: folder " + folder.string() + " does not exist",
                   path};
    }
  }
  sqlite3* raw = nullptr;
  // No mutex of SQLite's own: the store is used by one thread at a time (ledger_store.h), and in
  // the default serialised mode every call, each column read of each row included, took and
  // released a lock.
  const int rc = sqlite3_open_v2(
      path.c_str(), &raw,
      SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX, nullptr);
  DatabaseHandle db(raw);
  if (rc != SQLITE_OK) {
    return Error{std::string("cannot open the database: ") +
                     (raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)),
                 path};
  }
  sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
  std::unique_ptr<SqliteLedgerStore> store(new SqliteLedgerStore(path, std::move(db)));
  if (!create) {
    // Reads only: no pragma (journal_mode = WAL persists in the file), no lock, no upgrade.
    Result<bool> has_ledger = HasSqliteTable(store->db_.get(), path, "ledger_schema");
    if (!has_ledger.ok()) return has_ledger.error();
    if (!has_ledger.value()) return std::unique_ptr<SqliteLedgerStore>();
    Result<bool> has_children = HasSqliteTable(store->db_.get(), path, "tree_node_children");
    if (!has_children.ok()) return has_children.error();
    if (!has_children.value()) {
      return Error{
          "the ledger tables are of an earlier version: open them once with treaty "
          "record or import, which brings them up to date",
          path};
    }
  } else if (std::optional<Error> other = OtherProgramsDatabase(store->db_.get(), path)) {
    return *other;
  } else if (std::optional<Error> error = store->CreateOrUpgradeTables()) {
    return *error;
  }
  Result<sqlite3_stmt*> version = store->Statement("SELECT version FROM ledger_schema");
  if (!version.ok()) return version.error();
  const int step = sqlite3_step(version.value());
  const int found = step == SQLITE_ROW ? sqlite3_column_int(version.value(), 0) : -1;
  sqlite3_reset(version.value());
  if (found != kLedgerSchemaVersion) {
    return Error{fmt::format("ledger schema version {} is not {}", found, kLedgerSchemaVersion),
                 path};
  }
  return store;
}

Result<bool> SqliteLedgerStore::IsCurrentSchema() {
  Result<sqlite3_stmt*> statement = Statement(fmt::format(
      "SELECT count(*) FILTER (WHERE type = 'table' AND name IN ('ledger_schema', "
      "'tree_node_children')), count(*) FILTER (WHERE type = 'index' AND name = '{}'), count(*) "
      "FILTER (WHERE type = 'index' AND name IN ('{}')) FROM sqlite_master",
      kCorrectionsIndexName, fmt::join(kDroppedIndexes, "', '")));
  if (!statement.ok()) return statement.error();
  const int rc = sqlite3_step(statement.value());
  const bool current = rc == SQLITE_ROW && sqlite3_column_int(statement.value(), 0) == 2 &&
                       sqlite3_column_int(statement.value(), 1) == 1 &&
                       sqlite3_column_int(statement.value(), 2) == 0;
  sqlite3_reset(statement.value());
  if (rc != SQLITE_ROW) return Fail("cannot read the ledger tables");
  return current;
}

std::optional<Error> SqliteLedgerStore::CreateOrUpgradeTables() {
  // journal_mode answers with a row; an in-memory database stays in "memory" mode.
  // page_size takes effect only in a new file (before WAL is on): 16 KiB pages hold ~15 event rows
  // instead of ~4, so fewer pages are split, written to the WAL and checkpointed per event (§6.4).
  if (sqlite3_exec(
          db_.get(),
          "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;",
          nullptr, nullptr, nullptr) != SQLITE_OK) {
    return Fail("cannot set up the connection");
  }
  // Tables already of this version need no write lock: a writer busy appending does not hold up
  // opening the file, only the append that waits for it.
  Result<bool> current = IsCurrentSchema();
  if (!current.ok()) return current.error();
  if (current.value()) return std::nullopt;
  // IMMEDIATE: of two processes creating the tables, the second waits and then sees them.
  if (sqlite3_exec(db_.get(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
    return Fail("cannot start a transaction");
  }
  Result<bool> has_schema = HasSqliteTable(db_.get(), path_, "ledger_schema");
  Result<bool> has_children =
      has_schema.ok() ? HasSqliteTable(db_.get(), path_, "tree_node_children") : has_schema;
  if (!has_children.ok()) {
    sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    return has_children.error();
  }
  std::string sql;
  if (!has_schema.value()) {
    sql = kSchema;
    for (const char* table : kAppendOnlyTables) sql += AppendOnlyTriggers(table);
  }
  // Added to new files and to those of earlier versions, whose nodes keep no children (§6.6):
  // proofs read the level below them instead.
  if (!has_children.value()) sql += kChildrenTable + AppendOnlyTriggers("tree_node_children");
  sql += kCorrectionsIndex;
  for (const char* index : kDroppedIndexes) sql += fmt::format("DROP INDEX IF EXISTS {};\n", index);
  sql += "COMMIT;";
  if (sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    Error error = Fail("cannot create the ledger tables");
    sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    return error;
  }
  return std::nullopt;
}

Result<std::unique_ptr<AppendTransaction>> SqliteLedgerStore::BeginAppend(
    const std::string& agreement) {
  const int rc = sqlite3_exec(db_.get(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  if (rc == SQLITE_BUSY) return Error{"the ledger is busy", path_};
  if (rc != SQLITE_OK) return Fail("cannot start the append");
  // From here a failure must roll back: the transaction object does it when destroyed.
  auto txn = std::make_unique<SqliteAppendTransaction>(*this, LedgerState{});
  Result<sqlite3_stmt*> create = Statement(
      "INSERT OR IGNORE INTO ledgers (agreement, tree_size, root_hash, last_recorded_at) "
      "VALUES (?, 0, ?, NULL)");
  if (!create.ok()) return create.error();
  const Hash empty_root = ledger::Sha256("");
  Binder binder(create.value());
  binder.Text(agreement).Blob(empty_root);
  const int created = sqlite3_step(create.value());
  sqlite3_reset(create.value());
  if (!binder.ok() || created != SQLITE_DONE) return Fail("cannot create the ledger row");
  Result<std::optional<LedgerState>> state = State(agreement);
  if (!state.ok()) return state.error();
  if (!state.value()) return Fail("the ledger row vanished");
  txn->set_state(*std::move(state).value());
  return std::unique_ptr<AppendTransaction>(std::move(txn));
}

Result<std::vector<Hash>> SqliteLedgerStore::LeafHashes(const std::string& agreement, int64_t begin,
                                                        int64_t end) {
  Result<sqlite3_stmt*> statement = Statement(
      "SELECT leaf_index, leaf_hash FROM events WHERE agreement = ? AND leaf_index >= ? AND "
      "leaf_index < ? "
      "ORDER BY leaf_index");
  if (!statement.ok()) return statement.error();
  Binder(statement.value()).Text(agreement).Int(begin).Int(end);
  std::vector<Hash> hashes;
  std::vector<int64_t> found;
  int rc;
  // An append or a proof builds on these hashes: one of the wrong size is an error here.
  while ((rc = sqlite3_step(statement.value())) == SQLITE_ROW) {
    const int64_t leaf = found.emplace_back(sqlite3_column_int64(statement.value(), 0));
    if (!ColumnBytes(statement.value(), 1, hashes.emplace_back())) {
      sqlite3_reset(statement.value());
      return Error{
          fmt::format("leaf {} of {}: the stored leaf_hash is not 32 bytes", leaf, agreement),
          path_};
    }
  }
  sqlite3_reset(statement.value());
  if (rc != SQLITE_DONE) return Fail("cannot read leaf hashes");
  if (static_cast<int64_t>(hashes.size()) != end - begin) {
    return Error{ledger::MissingRowsMessage(found, begin, end, 0, agreement), path_};
  }
  return hashes;
}

Result<std::vector<Hash>> SqliteLedgerStore::CachedNodes(const std::string& agreement, int level,
                                                         int64_t begin, int64_t end) {
  Result<sqlite3_stmt*> statement = Statement(
      "SELECT node_index, hash FROM tree_nodes WHERE agreement = ? AND level = ? AND "
      "node_index >= ? AND "
      "node_index < ? ORDER BY node_index");
  if (!statement.ok()) return statement.error();
  Binder(statement.value()).Text(agreement).Int(level).Int(begin).Int(end);
  std::vector<Hash> hashes;
  std::vector<int64_t> found;
  int rc;
  while ((rc = sqlite3_step(statement.value())) == SQLITE_ROW) {
    const int64_t index = found.emplace_back(sqlite3_column_int64(statement.value(), 0));
    if (!ColumnBytes(statement.value(), 1, hashes.emplace_back())) {
      sqlite3_reset(statement.value());
      return Error{fmt::format("cached node (level {}, index {}) of {}: the stored hash is not "
                               "32 bytes",
                               level, index, agreement),
                   path_};
    }
  }
  sqlite3_reset(statement.value());
  if (rc != SQLITE_DONE) return Fail("cannot read cached nodes");
  if (static_cast<int64_t>(hashes.size()) != end - begin) {
    return Error{ledger::MissingRowsMessage(found, begin, end, level, agreement), path_};
  }
  return hashes;
}

Result<std::string> SqliteLedgerStore::NodeChildren(const std::string& agreement, int level,
                                                    int64_t node_index) {
  Result<sqlite3_stmt*> statement = Statement(
      "SELECT children FROM tree_node_children WHERE agreement = ? AND level = ? AND "
      "node_index = ?");
  if (!statement.ok()) return statement.error();
  Binder(statement.value()).Text(agreement).Int(level).Int(node_index);
  std::string children;
  const int rc = sqlite3_step(statement.value());
  if (rc == SQLITE_ROW) AssignColumnText(statement.value(), 0, children);
  sqlite3_reset(statement.value());
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Fail("cannot read a cached node's children");
  return children;
}

std::optional<Error> SqliteLedgerStore::BeginReadSnapshot() {
  if (!sqlite3_get_autocommit(db_.get())) {
    return Error{"cannot begin a read snapshot: a transaction is open", path_};
  }
  // BEGIN is deferred: the snapshot is taken by the first read, made here.
  if (sqlite3_exec(db_.get(), "BEGIN; SELECT count(*) FROM ledgers", nullptr, nullptr, nullptr) !=
      SQLITE_OK) {
    Error error = Fail("cannot begin a read snapshot");
    if (!sqlite3_get_autocommit(db_.get())) {
      sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
    return error;
  }
  return std::nullopt;
}

// The transaction only read, so ending it either way changes nothing; it must end, or this
// connection would keep its old snapshot and refuse appends.
void SqliteLedgerStore::EndReadSnapshot() {
  if (sqlite3_exec(db_.get(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK &&
      !sqlite3_get_autocommit(db_.get())) {
    sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

Result<std::vector<std::string>> SqliteLedgerStore::ListLedgers() {
  Result<sqlite3_stmt*> statement =
      Statement(std::string(kAgreementsOfTheStore) + "ORDER BY agreement");
  if (!statement.ok()) return statement.error();
  std::vector<std::string> ids;
  int rc;
  while ((rc = sqlite3_step(statement.value())) == SQLITE_ROW) {
    ids.push_back(ColumnText(statement.value(), 0));
  }
  sqlite3_reset(statement.value());
  if (rc != SQLITE_DONE) return Fail("cannot list the ledgers");
  return ids;
}

Result<std::optional<LedgerState>> SqliteLedgerStore::State(const std::string& agreement) {
  Result<sqlite3_stmt*> statement =
      Statement("SELECT tree_size, root_hash, last_recorded_at FROM ledgers WHERE agreement = ?");
  if (!statement.ok()) return statement.error();
  Binder(statement.value()).Text(agreement);
  const int rc = sqlite3_step(statement.value());
  std::optional<LedgerState> state;
  if (rc == SQLITE_ROW) {
    state = LedgerState{agreement,
                        sqlite3_column_int64(statement.value(), 0),
                        {},
                        ColumnText(statement.value(), 2)};
    ColumnBytes(statement.value(), 1, state->root_hash);
  }
  sqlite3_reset(statement.value());
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Fail("cannot read the ledger row");
  return state;
}

namespace {

// Steps `statement` to its end, reading its i-th row into rows[i] with `read_into`: the rows
// already there are read over, those left over dropped.
template <typename Row, typename ReadInto>
std::optional<Error> CollectInto(sqlite3_stmt* statement, ReadInto read_into, const Error& failure,
                                 std::vector<Row>& rows) {
  size_t count = 0;
  int rc;
  while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
    if (count == rows.size()) rows.emplace_back();
    read_into(statement, rows[count++]);
  }
  sqlite3_reset(statement);
  if (rc != SQLITE_DONE) return failure;
  rows.resize(count);
  return std::nullopt;
}

// Steps `statement` to its end, collecting rows with `read`.
template <typename Row, typename Read>
Result<std::vector<Row>> Collect(sqlite3_stmt* statement, Read read, const Error& failure) {
  std::vector<Row> rows;
  if (std::optional<Error> error = CollectInto(
          statement, [&](sqlite3_stmt* row_statement, Row& row) { row = read(row_statement); },
          failure, rows)) {
    return *error;
  }
  return rows;
}

}  // namespace

std::optional<Error> SqliteLedgerStore::ReadEventsInto(const std::string& agreement, int64_t begin,
                                                       int64_t end,
                                                       std::vector<StoredEvent>& rows) {
  Result<sqlite3_stmt*> statement =
      Statement(fmt::format("SELECT {} FROM events WHERE agreement = ? AND leaf_index >= ? AND "
                            "leaf_index < ? ORDER BY leaf_index",
                            kEventColumns));
  if (!statement.ok()) return statement.error();
  Binder(statement.value()).Text(agreement).Int(begin).Int(end);
  return CollectInto(statement.value(), ReadEventRowInto, Fail("cannot read events"), rows);
}

Result<std::vector<StoredEvent>> SqliteLedgerStore::FindEvents(const ledger::EventFilter& filter) {
  // A commitment's events are looked up by key from its rows of `event_commitments`, and their
  // corrections through the index of corrections (a correction names no commitment), rather
  // than by testing every event from `begin` on. ids are unique across agreements, and a
  // correction is of its event's agreement.
  std::string sql = fmt::format(
      "SELECT {} FROM events WHERE agreement = ?1 AND {}", kEventColumns,
      filter.commitment.empty()
          ? "leaf_index >= ?2"
          : "leaf_index IN (SELECT leaf_index FROM event_commitments WHERE agreement = ?1 AND "
            "commitment_id = ?3 AND leaf_index >= ?2 UNION ALL SELECT c.leaf_index FROM "
            "event_commitments m JOIN events o ON o.agreement = m.agreement AND o.leaf_index = "
            "m.leaf_index JOIN events c ON c.corrects = o.id WHERE m.agreement = ?1 AND "
            "m.commitment_id = ?3 AND c.leaf_index >= ?2)");
  std::vector<std::string> texts;
  auto add = [&](const std::string& value, const char* condition) {
    if (value.empty()) return;
    sql += condition;
    texts.push_back(value);
  };
  if (!filter.commitment.empty()) texts.push_back(filter.commitment);
  if (!filter.type.empty()) {
    sql +=
        " AND (type = ? OR (corrects IS NOT NULL AND (SELECT o.type FROM events o WHERE o.id = "
        "events.corrects) = ?))";
    texts.insert(texts.end(), 2, filter.type);
  }
  // A correction has no date of its own: it is dated by the event it corrects.
  add(filter.date_from,
      " AND COALESCE(fact_date, (SELECT o.fact_date FROM events o WHERE o.id = events.corrects)) "
      ">= ?");
  add(filter.date_to,
      " AND COALESCE(fact_date, (SELECT o.fact_date FROM events o WHERE o.id = events.corrects)) "
      "<= ?");
  add(filter.institution, " AND institution = ?");
  add(filter.classification, " AND classification = ?");
  sql += " ORDER BY leaf_index LIMIT ?";
  Result<sqlite3_stmt*> statement = Statement(sql);
  if (!statement.ok()) return statement.error();
  Binder binder(statement.value());
  binder.Text(filter.agreement).Int(filter.begin);
  for (const std::string& text : texts) binder.Text(text);
  binder.Int(filter.limit);
  return Collect<StoredEvent>(statement.value(), ReadEventRow, Fail("cannot find events"));
}

Result<std::optional<StoredEvent>> SqliteLedgerStore::EventById(const std::string& id) {
  Result<sqlite3_stmt*> statement =
      Statement(fmt::format("SELECT {} FROM events WHERE id = ?", kEventColumns));
  if (!statement.ok()) return statement.error();
  Binder(statement.value()).Text(id);
  Result<std::vector<StoredEvent>> rows =
      Collect<StoredEvent>(statement.value(), ReadEventRow, Fail("cannot read an event"));
  if (!rows.ok()) return rows.error();
  if (rows.value().empty()) return std::optional<StoredEvent>();
  return std::optional<StoredEvent>(std::move(rows.value()[0]));
}

Result<std::vector<EventCommitment>> SqliteLedgerStore::ReadEventCommitments(
    const std::string& agreement, const std::optional<EventCommitment>& after, int64_t limit) {
  Result<sqlite3_stmt*> statement = Statement(
      "SELECT leaf_index, commitment_id FROM event_commitments WHERE agreement = ? AND "
      "(commitment_id, leaf_index) > (?, ?) ORDER BY commitment_id, leaf_index LIMIT ?");
  if (!statement.ok()) return statement.error();
  // Every text sorts after "" at leaf -1, so nullopt starts at the first row.
  Binder(statement.value())
      .Text(agreement)
      .Text(after ? after->commitment_id : "")
      .Int(after ? after->leaf_index : -1)
      .Int(limit);
  return Collect<EventCommitment>(
      statement.value(),
      [](sqlite3_stmt* s) {
        return EventCommitment{sqlite3_column_int64(s, 0), ColumnText(s, 1)};
      },
      Fail("cannot read event commitments"));
}

Result<std::vector<SignedTreeHead>> SqliteLedgerStore::TreeHeads(const std::string& agreement) {
  Result<sqlite3_stmt*> statement = Statement(fmt::format(
      "SELECT {} FROM tree_heads WHERE agreement = ? ORDER BY tree_size", kHeadColumns));
  if (!statement.ok()) return statement.error();
  Binder(statement.value()).Text(agreement);
  return Collect<SignedTreeHead>(statement.value(), ReadHeadRow, Fail("cannot read tree heads"));
}

Result<std::optional<SignedTreeHead>> SqliteLedgerStore::TreeHeadAt(const std::string& agreement,
                                                                    int64_t tree_size) {
  Result<sqlite3_stmt*> statement = Statement(
      fmt::format("SELECT {} FROM tree_heads WHERE agreement = ? AND tree_size = ?", kHeadColumns));
  if (!statement.ok()) return statement.error();
  Binder(statement.value()).Text(agreement).Int(tree_size);
  return OneCheckedHead(statement.value());
}

Result<std::optional<SignedTreeHead>> SqliteLedgerStore::LatestTreeHead(
    const std::string& agreement) {
  Result<sqlite3_stmt*> statement = Statement(
      fmt::format("SELECT {} FROM tree_heads WHERE agreement = ? ORDER BY tree_size DESC LIMIT 1",
                  kHeadColumns));
  if (!statement.ok()) return statement.error();
  Binder(statement.value()).Text(agreement);
  return OneCheckedHead(statement.value());
}

Result<std::optional<SignedTreeHead>> SqliteLedgerStore::OneCheckedHead(sqlite3_stmt* statement) {
  Result<std::vector<SignedTreeHead>> rows =
      Collect<SignedTreeHead>(statement, ReadHeadRow, Fail("cannot read a tree head"));
  if (!rows.ok()) return rows.error();
  if (rows.value().empty()) return std::optional<SignedTreeHead>();
  if (std::optional<Error> wrong = WrongSizeHeadError(rows.value()[0], path_)) return *wrong;
  return std::optional<SignedTreeHead>(std::move(rows.value()[0]));
}

Result<std::vector<ledger::CachedNodeRow>> SqliteLedgerStore::CachedNodeRows(
    const std::string& agreement) {
  Result<sqlite3_stmt*> statement = Statement(
      "SELECT level, node_index, hash, children FROM tree_nodes LEFT JOIN tree_node_children "
      "USING (agreement, level, node_index) WHERE agreement = ?1 UNION ALL "
      "SELECT level, node_index, NULL, children FROM tree_node_children c WHERE agreement = ?1 "
      "AND NOT EXISTS (SELECT 1 FROM tree_nodes n WHERE n.agreement = c.agreement AND "
      "n.level = c.level AND n.node_index = c.node_index) ORDER BY level, node_index");
  if (!statement.ok()) return statement.error();
  Binder(statement.value()).Text(agreement);
  return Collect<ledger::CachedNodeRow>(
      statement.value(),
      [](sqlite3_stmt* s) {
        ledger::CachedNodeRow node{sqlite3_column_int(s, 0), sqlite3_column_int64(s, 1), {}, {}};
        ColumnBytes(s, 2, node.hash);
        const std::string children = ColumnText(s, 3);
        if (!children.empty()) node.children_sha256 = ledger::Sha256(children);
        return node;
      },
      Fail("cannot read cached nodes"));
}

}  // namespace treaty::store
