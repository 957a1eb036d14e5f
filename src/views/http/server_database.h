// The server's own SQLite tables (accounts, reviews): opening the file with its schema, and the
// small statement helpers their stores share. Errors name `what` ("accounts", "reviews").
#pragma once

#include <string>

#include "core/result.h"
#include "store/sqlite/sqlite_handle.h"

namespace treaty::http {

// Opens (creating when missing) the SQLite file `path` (":memory:" gives a private database)
// and runs `schema` (may be empty), which must be idempotent (CREATE … IF NOT EXISTS). Waits up to
// 5 s for another connection's lock.
Result<store::DatabaseHandle> OpenServerDatabase(const std::string& path, const char* schema,
                                                 const std::string& what);

// Prepares `sql`. Errors: SQLite's message, with `what` as where.
Result<store::StatementHandle> PrepareStatement(sqlite3* db, const char* sql,
                                                const std::string& what);

// An error of the last SQLite call on `db` while doing `action`, with `what` as where.
Error DatabaseError(sqlite3* db, const std::string& action, const std::string& what);

}  // namespace treaty::http
