#include "views/cli/ledger_database.h"

#include <filesystem>
#include <system_error>

#include "store/postgres/postgres_connection.h"

namespace treaty::views {

Result<std::unique_ptr<ledger::LedgerStore>> OpenLedgerStoreToRead(const std::string& db) {
  if (!http::IsPostgresUrl(db)) {
    std::error_code error;
    const bool exists = std::filesystem::exists(db, error);
    if (error) return Error{"cannot look for the database: " + error.message(), db};
    if (!exists) return Error{"no such database (treaty load, record or import makes it)", db};
  }
  return OpenLedgerStore(db, ledger::MissingLedgerTables::kLeaveAlone);
}

Result<std::unique_ptr<ledger::LedgerStore>> OpenExistingLedgerStore(const std::string& db) {
  Result<std::unique_ptr<ledger::LedgerStore>> store = OpenLedgerStoreToRead(db);
  if (store.ok() && store.value() == nullptr) {
    return Error{"holds no ledger: it has no ledger tables (treaty record or import makes them)",
                 http::IsPostgresUrl(db) ? store::RedactPostgresUrl(db) : db};
  }
  return store;
}

}  // namespace treaty::views
