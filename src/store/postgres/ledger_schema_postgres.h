// The ledger's tables in PostgreSQL (docs/ledger-format.md §6.1) with the append-only triggers and
// REVOKEs of §6.5, created in the first schema of the connection's search_path.
#pragma once

#include <pqxx/pqxx>

#include "core/result.h"

namespace treaty::store {

// The version in `ledger_schema` that this program reads and writes.
inline constexpr int kLedgerSchemaVersion = 1;

// Creates the ledger schema, in one transaction, unless `ledger_schema` exists; checks its version.
// Idempotent; safe when several connections call it at once (a transaction-scoped advisory lock
// serialises them: DDL only, appends never take it). Errors: a `ledger_schema` version other than
// kLedgerSchemaVersion, and server failures (`where` is left empty for the caller).
Result<bool> EnsureLedgerSchema(pqxx::connection& connection);

// For a connection that only reads: whether its search_path finds the ledger's tables (false: no
// `ledger_schema`), checked as EnsureLedgerSchema checks them but without changing anything.
// Errors: no schema of the search_path exists (a mistyped name), a version other than
// kLedgerSchemaVersion, tables of an earlier version (no `children` column), server failures.
Result<bool> HasLedgerSchema(pqxx::connection& connection);

}  // namespace treaty::store
