#include "views/http/server_database.h"

#include "store/sqlite/sqlite_open.h"

namespace treaty::http {

Result<store::DatabaseHandle> OpenServerDatabase(const std::string& path, const char* schema,
                                                 const std::string& what) {
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  store::DatabaseHandle db(raw);
  if (rc != SQLITE_OK) return Error{raw ? sqlite3_errmsg(raw) : "cannot open", path};
  sqlite3_busy_timeout(db.get(), 5000);
  if (std::optional<Error> other = store::OtherProgramsDatabase(db.get(), path)) return *other;
  char* message = nullptr;
  if (sqlite3_exec(db.get(), schema, nullptr, nullptr, &message) != SQLITE_OK) {
    Error error{store::SqliteFailure(db.get(), "cannot create the " + what + " tables", message),
                path};
    sqlite3_free(message);
    return error;
  }
  return db;
}

Result<store::StatementHandle> PrepareStatement(sqlite3* db, const char* sql,
                                                const std::string& what) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK) {
    return DatabaseError(db, "prepare", what);
  }
  return store::StatementHandle(statement);
}

Error DatabaseError(sqlite3* db, const std::string& action, const std::string& what) {
  return Error{store::SqliteFailure(db, action), what};
}

}  // namespace treaty::http
