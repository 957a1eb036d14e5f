// Changing an SQLite ledger as someone with the file could: the append-only triggers (§6.5) are
// dropped first, then `sql` runs on a connection of its own.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

namespace treaty::test {

inline void TamperSqliteLedger(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  std::string all;
  for (const char* table :
       {"events", "event_commitments", "tree_heads", "tree_nodes", "tree_node_children"}) {
    for (const char* operation : {"update", "delete"}) {
      all += std::string("DROP TRIGGER IF EXISTS ") + table + "_no_" + operation + "; ";
    }
  }
  all += sql;
  char* message = nullptr;
  EXPECT_EQ(sqlite3_exec(db, all.c_str(), nullptr, nullptr, &message), SQLITE_OK)
      << (message ? message : "");
  sqlite3_free(message);
  sqlite3_close(db);
}

}  // namespace treaty::test
