// Owning handles for the SQLite C API: a connection is closed and a statement finalised when its
// handle goes out of scope. Not thread safe; a handle belongs to one thread at a time.
#pragma once

#include <memory>

#include <sqlite3.h>

namespace treaty::store {

struct DatabaseCloser {
  // sqlite3_close_v2 defers the close until the connection's statements are finalised.
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DatabaseHandle = std::unique_ptr<sqlite3, DatabaseCloser>;

struct StatementFinalizer {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

}  // namespace treaty::store
