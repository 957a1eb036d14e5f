#include "views/cli/ledger_database.h"

#include <filesystem>

namespace treaty::views {

Result<std::unique_ptr<ledger::LedgerStore>> OpenExistingLedgerStore(const std::string& db) {
  if (!http::IsPostgresUrl(db) && !std::filesystem::exists(db)) {
    return Error{"no such database (treaty load, record or import makes it)", db};
  }
  return OpenLedgerStore(db);
}

}  // namespace treaty::views
