// Opening an SQLite file for a store: making the file and its tables where they are missing (the
// commands that write), or only reading what is there (the commands that read: no file, table or
// setting is made, so that a mistyped path or another program's file is left as it was).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "store/sqlite/sqlite_handle.h"

namespace treaty::store {

enum class SqliteOpenMode { kCreate, kReadExisting };

// `path` opened read-write with a 5 s busy timeout; with kCreate the file is made when missing,
// with kReadExisting a missing file is the error "no such database (MAKER makes it)". Errors name
// `path`.
Result<DatabaseHandle> OpenSqliteFile(const std::string& path, SqliteOpenMode mode,
                                      std::string_view maker);

// What went wrong doing `what` on `db`: "WHAT: MESSAGE", MESSAGE being `message` when given (an
// error text of sqlite3_exec) or SQLite's last; but a file that is not an SQLite database is said
// so, with what to do, where SQLite would say only "file is not a database".
std::string SqliteFailure(sqlite3* db, std::string_view what, const char* message = nullptr);

// Whether the database has a table, or a virtual table, named `name`.
Result<bool> HasSqliteTable(sqlite3* db, const std::string& path, std::string_view name);

// Which of treaty's stores an SQLite file holds, each known by a name only treaty uses (common
// ones, "events" or "nodes", prove nothing): the ledger (`ledger_schema`, `tree_node_children`),
// the texts of a loaded agreement (the index `nodes_by_eid`, the search index `search_entries`),
// the server's accounts and reviews (`http_users`, `http_reviews`).
struct TreatyStores {
  bool any_table = false;  // of any program
  bool ledger = false;
  bool texts = false;
  bool accounts = false;
  // Tables, and none of them treaty's.
  bool OtherPrograms() const { return any_table && !ledger && !texts && !accounts; }
};
Result<TreatyStores> StoresOfDatabase(sqlite3* db, const std::string& path);

// An error naming `path` when `db` is another program's (TreatyStores::OtherPrograms), into which
// a command that writes would otherwise add its tables. Every store that makes its tables asks
// first.
std::optional<Error> OtherProgramsDatabase(sqlite3* db, const std::string& path);

}  // namespace treaty::store
