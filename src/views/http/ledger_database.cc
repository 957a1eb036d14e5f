#include "views/http/ledger_database.h"

#include "store/postgres/ledger_store_postgres.h"
#include "store/sqlite/ledger_store_sqlite.h"

namespace treaty::http {

bool IsPostgresUrl(const std::string& db) {
  return db.starts_with("postgresql://") || db.starts_with("postgres://");
}

Result<std::unique_ptr<ledger::LedgerStore>> OpenLedgerStore(const std::string& db,
                                                             ledger::MissingLedgerTables missing) {
  if (IsPostgresUrl(db)) return store::OpenPostgresLedgerStore(db, missing);
  Result<std::unique_ptr<store::SqliteLedgerStore>> store =
      store::SqliteLedgerStore::Open(db, missing);
  if (!store.ok()) return store.error();
  return std::unique_ptr<ledger::LedgerStore>(std::move(store).value());
}

}  // namespace treaty::http
