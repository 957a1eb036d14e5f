// The store behind `--db` of the ledger commands (views/http/ledger_database.h).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/result.h"
#include "ledger/ledger_store.h"
#include "views/http/ledger_database.h"

namespace treaty::views {

using http::OpenLedgerStore;

// `db` as messages name it: a PostgreSQL URL without its password, a file as given.
std::string DatabaseName(const std::string& db);

// The store of a command that only reads it (status, calendar, export), which changes nothing in
// the database: a null store when the database has no ledger tables (an agreement loaded, nothing
// recorded yet). A SQLite file that does not exist, or that has neither a ledger nor a loaded
// agreement (store::StoresOfDatabase: another program's, an accounts file), is an error naming it,
// not an empty ledger that a mistyped path would read as one.
Result<std::unique_ptr<ledger::LedgerStore>> OpenLedgerStoreToRead(const std::string& db);

// As OpenLedgerStoreToRead, but a SQLite file that does not exist gives a null store too (import,
// which checks its rows before it writes).
Result<std::unique_ptr<ledger::LedgerStore>> OpenLedgerStoreIfAny(const std::string& db);

// As OpenLedgerStoreToRead, for the commands about the ledger itself (verify, events, proof,
// consistency): a database without the ledger tables is an error naming it too.
Result<std::unique_ptr<ledger::LedgerStore>> OpenExistingLedgerStore(const std::string& db);

// When `store` holds ledgers but none of `agreement`, the message saying so with those it holds
// (an id more likely mistyped than empty); else nullopt.
std::optional<std::string> UnheldAgreement(ledger::LedgerStore& store,
                                           const std::string& agreement);

// The message for a tree `size` that no signed head of `agreement` has: that, with the sizes of
// the heads nearest it, so that a size can be chosen without a listing of every head.
std::string NoHeadOfSize(ledger::LedgerStore& store, const std::string& agreement, int64_t size);

// For the commands of the agreement's texts and search index (load, overview, search), which live
// in an SQLite file: the message for a PostgreSQL URL as `db`, which names no password; "" for a
// file path.
std::string TextsDatabaseProblem(const std::string& db);

}  // namespace treaty::views
