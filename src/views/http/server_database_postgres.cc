#include "views/http/server_database_postgres.h"

namespace treaty::http {
namespace {

// An arbitrary constant, apart from the ledger's: only the creation of these tables takes it.
constexpr long long kServerTablesLockKey = 0x7472656174790002LL;  // "treaty" 2

// In the first schema of the search_path, where the tables are made: a table of that name in a
// later schema (public, say) is another deployment's.
bool HasTable(pqxx::transaction_base& transaction, const char* table) {
  return transaction
      .exec_params1("SELECT to_regclass(format('%I.%I', current_schema(), $1::text)) IS NOT NULL",
                    table)[0]
      .as<bool>();
}

}  // namespace

Result<std::unique_ptr<ServerPostgresDatabase>> ServerPostgresDatabase::Open(
    const std::string& url, const char* schema, const char* probe_table, bool create_missing,
    const std::string& missing_message) {
  Result<std::unique_ptr<pqxx::connection>> connected = store::ConnectPostgres(url);
  if (!connected.ok()) return connected.error();
  pqxx::connection& connection = *connected.value();
  const std::string where = store::RedactPostgresUrl(url);
  Result<bool> ready = store::Guarded(where, [&]() -> Result<bool> {
    pqxx::work work(connection);
    if (work.exec1("SELECT current_schema() IS NULL")[0].as<bool>()) {
      return Error{"no schema of the connection's search_path exists (check its name)", ""};
    }
    if (HasTable(work, probe_table)) return true;
    if (!create_missing) return Error{missing_message, ""};
    work.exec_params1("SELECT pg_advisory_xact_lock($1)", kServerTablesLockKey);
    if (!HasTable(work, probe_table)) work.exec0(schema);
    work.commit();
    return true;
  });
  if (!ready.ok()) return ready.error();
  return std::unique_ptr<ServerPostgresDatabase>(
      new ServerPostgresDatabase(url, std::move(connected).value()));
}

}  // namespace treaty::http
