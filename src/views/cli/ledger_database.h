// The store behind `--db` of the ledger commands: a SQLite file path (the default), or a
// `postgresql://` / `postgres://` URL for the PostgreSQL store.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "ledger/ledger_store.h"

namespace treaty::views {

inline constexpr const char* kDefaultDatabase = "var/treaty.sqlite";

// Opens the ledger store named by `db`, creating the ledger tables when missing. Errors: those of
// the store's Open (a missing folder, an unreachable server, another schema version).
Result<std::unique_ptr<ledger::LedgerStore>> OpenLedgerStore(const std::string& db);

}  // namespace treaty::views
