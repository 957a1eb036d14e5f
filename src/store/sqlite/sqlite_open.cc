#include "store/sqlite/sqlite_open.h"

#include <filesystem>

namespace treaty::store {

Result<DatabaseHandle> OpenSqliteFile(const std::string& path, SqliteOpenMode mode,
                                      std::string_view maker) {
  std::error_code ec;
  if (mode == SqliteOpenMode::kReadExisting && !std::filesystem::exists(path, ec)) {
    return Error{"no such database (" + std::string(maker) + " makes it)", path};
  }
  sqlite3* raw = nullptr;
  const int flags =
      SQLITE_OPEN_READWRITE | (mode == SqliteOpenMode::kCreate ? SQLITE_OPEN_CREATE : 0);
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  DatabaseHandle db(raw);
  if (rc != SQLITE_OK) {
    return Error{std::string("cannot open the database: ") +
                     (raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)),
                 path};
  }
  sqlite3_busy_timeout(db.get(), 5000);
  if (mode == SqliteOpenMode::kCreate) {
    if (std::optional<Error> other = OtherProgramsDatabase(db.get(), path)) return *other;
  }
  return db;
}

std::string SqliteFailure(sqlite3* db, std::string_view what, const char* message) {
  if (sqlite3_errcode(db) == SQLITE_NOTADB) {
    return "not an SQLite database: give the path of the database file";
  }
  return std::string(what) + ": " + (message != nullptr ? message : sqlite3_errmsg(db));
}

Result<bool> HasSqliteTable(sqlite3* db, const std::string& path, std::string_view name) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", -1,
                         &raw, nullptr) != SQLITE_OK) {
    return Error{SqliteFailure(db, "cannot read the tables"), path};
  }
  StatementHandle statement(raw);
  sqlite3_bind_text(raw, 1, name.data(), static_cast<int>(name.size()), SQLITE_TRANSIENT);
  const int rc = sqlite3_step(raw);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    return Error{SqliteFailure(db, "cannot read the tables"), path};
  }
  return rc == SQLITE_ROW;
}

Result<TreatyStores> StoresOfDatabase(sqlite3* db, const std::string& path) {
  constexpr const char* kQuery =
      "SELECT count(*) FILTER (WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'), "
      "count(*) FILTER (WHERE type = 'table' AND name IN ('ledger_schema', "
      "'tree_node_children')), count(*) FILTER (WHERE (type = 'index' AND name = 'nodes_by_eid') "
      "OR (type = 'table' AND name = 'search_entries')), count(*) FILTER (WHERE type = 'table' "
      "AND name IN ('http_users', 'http_reviews')) FROM sqlite_master";
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, kQuery, -1, &raw, nullptr) != SQLITE_OK) {
    return Error{SqliteFailure(db, "cannot read the tables"), path};
  }
  StatementHandle statement(raw);
  if (sqlite3_step(raw) != SQLITE_ROW)
    return Error{SqliteFailure(db, "cannot read the tables"), path};
  TreatyStores stores;
  stores.any_table = sqlite3_column_int(raw, 0) > 0;
  stores.ledger = sqlite3_column_int(raw, 1) > 0;
  stores.texts = sqlite3_column_int(raw, 2) > 0;
  stores.accounts = sqlite3_column_int(raw, 3) > 0;
  return stores;
}

std::optional<Error> OtherProgramsDatabase(sqlite3* db, const std::string& path) {
  Result<TreatyStores> stores = StoresOfDatabase(db, path);
  if (!stores.ok()) return stores.error();
  if (!stores.value().OtherPrograms()) return std::nullopt;
  return Error{
      "another program's database: its tables are none of treaty's; give a new file or "
      "one treaty made",
      path};
}

}  // namespace treaty::store
