#include "store/postgres/ledger_schema_postgres.h"

#include <string>

#include "store/postgres/postgres_connection.h"

namespace treaty::store {
namespace {

// An arbitrary constant: only schema creation takes this advisory lock.
constexpr long long kSchemaLockKey = 0x7472656174790001LL;  // "treaty" 1

// Column types of §6.1. Every table but `ledgers` and `ledger_schema` is append-only (§6.5):
// row triggers reject UPDATE and DELETE, a statement trigger TRUNCATE (which row triggers and
// REVOKE do not stop for the owner). `ledger_schema` comes last: since DDL is transactional, its
// presence means everything before it is there.
constexpr const char* kSchema = R"sql(
CREATE TABLE ledgers (
  agreement text PRIMARY KEY,
  tree_size bigint NOT NULL,
  root_hash bytea NOT NULL,
  last_recorded_at text
);
CREATE TABLE events (
  agreement text NOT NULL,
  leaf_index bigint NOT NULL,
  id uuid NOT NULL UNIQUE,
  type text NOT NULL,
  fact_date date,
  recorded_at timestamptz NOT NULL,
  institution text NOT NULL,
  classification text NOT NULL,
  corrects uuid,
  idempotency_key text NOT NULL,
  content_hash bytea NOT NULL,
  leaf_hash bytea NOT NULL,
  canonical bytea NOT NULL,
  PRIMARY KEY (agreement, leaf_index),
  UNIQUE (agreement, institution, idempotency_key)
);
CREATE TABLE event_commitments (
  agreement text NOT NULL,
  commitment_id text NOT NULL,
  leaf_index bigint NOT NULL,
  PRIMARY KEY (agreement, commitment_id, leaf_index)
);
CREATE TABLE tree_heads (
  agreement text NOT NULL,
  tree_size bigint NOT NULL,
  root_hash bytea NOT NULL,
  "timestamp" text NOT NULL,
  signer text NOT NULL,
  key_id text NOT NULL,
  head bytea NOT NULL,
  signature bytea NOT NULL,
  PRIMARY KEY (agreement, tree_size)
);
CREATE TABLE tree_nodes (
  agreement text NOT NULL,
  level integer NOT NULL,
  node_index bigint NOT NULL,
  hash bytea NOT NULL,
  PRIMARY KEY (agreement, level, node_index)
);
CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the ledger is append-only';
END
$$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER event_commitments_append_only BEFORE UPDATE OR DELETE ON event_commitments
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER event_commitments_no_truncate BEFORE TRUNCATE ON event_commitments
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER tree_heads_append_only BEFORE UPDATE OR DELETE ON tree_heads
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER tree_heads_no_truncate BEFORE TRUNCATE ON tree_heads
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER tree_nodes_append_only BEFORE UPDATE OR DELETE ON tree_nodes
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER tree_nodes_no_truncate BEFORE TRUNCATE ON tree_nodes
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON events, event_commitments, tree_heads, tree_nodes FROM PUBLIC;
CREATE TABLE ledger_schema (version integer NOT NULL);
)sql";

// The children of cached nodes (§6.6), added to every new schema and to those of earlier versions.
// They are hashes, which do not compress: stored out of line without trying.
constexpr const char* kAddChildren = R"sql(
ALTER TABLE tree_nodes ADD COLUMN children bytea;
ALTER TABLE tree_nodes ALTER COLUMN children SET STORAGE EXTERNAL;
)sql";

}  // namespace

Result<bool> EnsureLedgerSchema(pqxx::connection& connection) {
  try {
    pqxx::work transaction(connection);
    // READ COMMITTED, as appends (§6.3): the statements after the lock see what the writer who
    // held it created.
    transaction.exec0("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
    transaction.exec_params1("SELECT pg_advisory_xact_lock($1)", kSchemaLockKey);
    auto holds = [&](const char* query) { return transaction.exec1(query)[0].as<bool>(); };
    if (holds("SELECT current_schema() IS NULL")) {
      return Error{"no schema of the connection's search_path exists (check its name)", ""};
    }
    // Creating triggers locks the tables against writers, so an existing schema is only read,
    // unless it lacks what this version adds.
    const bool created = holds("SELECT to_regclass('ledger_schema') IS NULL");
    if (created) transaction.exec0(kSchema);
    if (holds("SELECT NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = "
              "'tree_nodes'::regclass AND attname = 'children' AND NOT attisdropped)")) {
      // The nodes of earlier versions keep no children, and proofs read the level below them
      // instead. Only the tables' owner may add the column.
      if (!holds("SELECT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = "
                 "'tree_nodes'::regclass), 'USAGE')")) {
        return Error{
            "the ledger's tree_nodes table has no children column (docs/ledger-format.md "
            "§6.1): open it once as the owner of its tables, which adds it",
            ""};
      }
      transaction.exec0(kAddChildren);
    }
    if (holds("SELECT to_regclass('event_commitments_by_leaf') IS NOT NULL AND "
              "pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = "
              "'event_commitments'::regclass), 'USAGE')")) {
      // Schemas made by earlier versions had this index; §6.1 keeps none beyond the keys, since
      // it cost every append a B-tree insert per commitment. Only an owner may drop it; for
      // another role the index stays, costing only speed.
      transaction.exec0("DROP INDEX event_commitments_by_leaf");
    }
    const pqxx::result versions = transaction.exec("SELECT version FROM ledger_schema");
    if (created) {
      transaction.exec_params0("INSERT INTO ledger_schema (version) VALUES ($1)",
                               kLedgerSchemaVersion);
    } else if (versions.size() != 1) {
      return Error{"the ledger_schema table holds " + std::to_string(versions.size()) +
                       " rows instead of one, the version: it was changed by hand",
                   ""};
    } else if (versions[0][0].as<int>() != kLedgerSchemaVersion) {
      return Error{"the ledger schema has version " + versions[0][0].as<std::string>() +
                       "; this program reads version " + std::to_string(kLedgerSchemaVersion),
                   ""};
    }
    transaction.commit();
    return true;
  } catch (const std::exception& error) {
    return PostgresError(error, "");
  }
}

Result<bool> HasLedgerSchema(pqxx::connection& connection) {
  try {
    pqxx::nontransaction session(connection);
    if (session.exec1("SELECT current_schema() IS NULL")[0].as<bool>()) {
      return Error{"no schema of the connection's search_path exists (check its name)", ""};
    }
    if (session.exec1("SELECT to_regclass('ledger_schema') IS NULL")[0].as<bool>()) return false;
    const pqxx::result versions = session.exec("SELECT version FROM ledger_schema");
    if (versions.size() != 1 || versions[0][0].as<int>() != kLedgerSchemaVersion) {
      return Error{"the ledger schema does not have version " +
                       std::to_string(kLedgerSchemaVersion) + ", which this program reads",
                   ""};
    }
    if (session
            .exec1("SELECT NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = "
                   "'tree_nodes'::regclass AND attname = 'children' AND NOT attisdropped)")[0]
            .as<bool>()) {
      return Error{
          "the ledger tables are of an earlier version: open them once with treaty "
          "record or import, which brings them up to date",
          ""};
    }
    return true;
  } catch (const std::exception& error) {
    return PostgresError(error, "");
  }
}

}  // namespace treaty::store
