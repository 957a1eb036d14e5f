// The store behind `--db` of the ledger commands (views/http/ledger_database.h).
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "ledger/ledger_store.h"
#include "views/http/ledger_database.h"

namespace treaty::views {

using http::OpenLedgerStore;

// The store of a command that only reads it (verify, events, proof, consistency, export,
// status): a SQLite file that does not exist is an error naming it, not a new empty ledger that
// a mistyped path would verify as OK.
Result<std::unique_ptr<ledger::LedgerStore>> OpenExistingLedgerStore(const std::string& db);

}  // namespace treaty::views
