#include "views/cli/ledger_database.h"

#include <filesystem>
#include <system_error>

namespace treaty::views {

Result<std::unique_ptr<ledger::LedgerStore>> OpenExistingLedgerStore(const std::string& db) {
  if (!http::IsPostgresUrl(db)) {
    std::error_code error;
    const bool exists = std::filesystem::exists(db, error);
    if (error) return Error{"cannot look for the database: " + error.message(), db};
    if (!exists) return Error{"no such database (treaty load, record or import makes it)", db};
  }
  return OpenLedgerStore(db);
}

}  // namespace treaty::views
