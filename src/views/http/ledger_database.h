// The store behind `--db`, for the server and the ledger commands alike: a SQLite file path (the
// default), or a `postgresql://` / `postgres://` URL for the PostgreSQL store.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "ledger/ledger_store.h"

namespace treaty::http {

// True when `db` names a PostgreSQL server rather than an SQLite file.
bool IsPostgresUrl(const std::string& db);

// Opens the ledger store named by `db`, creating the ledger tables when missing, or with
// MissingLedgerTables::kLeaveAlone giving a null store for a database without them. Errors: those
// of the store's Open (a missing folder, an unreachable server, another schema version).
Result<std::unique_ptr<ledger::LedgerStore>> OpenLedgerStore(
    const std::string& db,
    ledger::MissingLedgerTables missing = ledger::MissingLedgerTables::kCreate);

}  // namespace treaty::http
