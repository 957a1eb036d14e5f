#include "views/cli/ledger_database.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "store/postgres/postgres_connection.h"
#include "store/sqlite/sqlite_open.h"

namespace treaty::views {

namespace {

// Whether `db` is a SQLite file that does not exist. Errors: the path cannot be looked at.
Result<bool> IsMissingFile(const std::string& db) {
  if (http::IsPostgresUrl(db)) return false;
  std::error_code error;
  const bool exists = std::filesystem::exists(db, error);
  if (error) return Error{"cannot look for the database: " + error.message(), db};
  return !exists;
}

// Whether the SQLite file `db` holds the texts of an agreement treaty load put there
// (store::StoresOfDatabase).
Result<bool> HoldsLoadedAgreement(const std::string& db) {
  Result<store::DatabaseHandle> handle =
      store::OpenSqliteFile(db, store::SqliteOpenMode::kReadExisting, "treaty load");
  if (!handle.ok()) return handle.error();
  Result<store::TreatyStores> stores = store::StoresOfDatabase(handle.value().get(), db);
  if (!stores.ok()) return stores.error();
  return stores.value().texts;
}

}  // namespace

std::string DatabaseName(const std::string& db) {
  return http::IsPostgresUrl(db) ? store::RedactPostgresUrl(db) : db;
}

Result<std::unique_ptr<ledger::LedgerStore>> OpenLedgerStoreToRead(const std::string& db) {
  Result<bool> missing = IsMissingFile(db);
  if (!missing.ok()) return missing.error();
  if (missing.value()) {
    return Error{"no such database (treaty load, record or import makes it)", db};
  }
  Result<std::unique_ptr<ledger::LedgerStore>> store =
      OpenLedgerStore(db, ledger::MissingLedgerTables::kLeaveAlone);
  if (!store.ok() || store.value() != nullptr || http::IsPostgresUrl(db)) return store;
  // A file with neither is another program's, an accounts file, or a mistyped one: read as an
  // empty ledger, it would report every commitment unmet.
  Result<bool> loaded = HoldsLoadedAgreement(db);
  if (!loaded.ok()) return loaded.error();
  if (!loaded.value()) {
    return Error{
        "holds neither a ledger nor a loaded agreement (treaty load, record or import makes them)",
        db};
  }
  return store;
}

Result<std::unique_ptr<ledger::LedgerStore>> OpenLedgerStoreIfAny(const std::string& db) {
  Result<bool> missing = IsMissingFile(db);
  if (!missing.ok()) return missing.error();
  if (missing.value()) return std::unique_ptr<ledger::LedgerStore>();
  return OpenLedgerStore(db, ledger::MissingLedgerTables::kLeaveAlone);
}

Result<std::unique_ptr<ledger::LedgerStore>> OpenExistingLedgerStore(const std::string& db) {
  Result<std::unique_ptr<ledger::LedgerStore>> store = OpenLedgerStoreToRead(db);
  if (store.ok() && store.value() == nullptr) {
    return Error{"holds no ledger: it has no ledger tables (treaty record or import makes them)",
                 DatabaseName(db)};
  }
  return store;
}

std::string TextsDatabaseProblem(const std::string& db) {
  if (!http::IsPostgresUrl(db)) return "";
  return "--db: " + store::RedactPostgresUrl(db) +
         ": the agreement's texts and search index are kept in an SQLite file; give its path (the "
         "ledger alone may be on PostgreSQL)";
}

std::optional<std::string> UnheldAgreement(ledger::LedgerStore& store,
                                           const std::string& agreement) {
  Result<std::vector<std::string>> held = store.ListLedgers();
  if (!held.ok() || held.value().empty() ||
      std::find(held.value().begin(), held.value().end(), agreement) != held.value().end()) {
    return std::nullopt;
  }
  return fmt::format("the ledger holds no events of \"{}\" (it holds {})", agreement,
                     fmt::join(held.value(), ", "));
}

std::string NoHeadOfSize(ledger::LedgerStore& store, const std::string& agreement, int64_t size) {
  const std::string missing = fmt::format("no signed tree head of size {} in {}", size, agreement);
  Result<std::vector<ledger::SignedTreeHead>> heads = store.TreeHeads(agreement);
  if (!heads.ok() || heads.value().empty()) return missing;
  std::optional<int64_t> below;
  std::optional<int64_t> above;
  for (const ledger::SignedTreeHead& head : heads.value()) {
    const int64_t other = head.head.tree_size;
    if (other < size && (!below || other > *below)) below = other;
    if (other > size && (!above || other < *above)) above = other;
  }
  if (below && above) {
    return fmt::format("{} (the nearest are of sizes {} and {})", missing, *below, *above);
  }
  return fmt::format("{} (the {} is of size {})", missing, below ? "latest" : "first",
                     below ? *below : *above);
}

}  // namespace treaty::views
