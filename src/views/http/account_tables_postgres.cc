// The account tables on PostgreSQL (account_tables.h), in the first schema of the connection's
// search_path: beside the ledger when the server's --db is PostgreSQL.
#include <pqxx/pqxx>

#include "views/http/account_tables.h"
#include "views/http/server_database_postgres.h"

namespace treaty::http {
namespace {

constexpr const char* kWhat = "accounts";

// The columns of the SQLite tables; `number` orders tokens made in the same second, as SQLite's
// rowid does.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS http_users (
  name text PRIMARY KEY,
  password_hash text NOT NULL,
  role text NOT NULL,
  institution text,
  created_at bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS http_tokens (
  token_hash text PRIMARY KEY,
  user_name text NOT NULL REFERENCES http_users(name),
  label text NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint,
  revoked_at bigint,
  number bigint GENERATED ALWAYS AS IDENTITY
);
CREATE UNIQUE INDEX IF NOT EXISTS http_tokens_by_id ON http_tokens ((substr(token_hash, 1, 12)));
CREATE TABLE IF NOT EXISTS http_sessions (
  id_hash text PRIMARY KEY,
  user_name text NOT NULL REFERENCES http_users(name),
  csrf text NOT NULL,
  expires_at bigint NOT NULL
);
)sql";

// The columns TokenFromRow reads; conditions on the id are written as http_tokens_by_id is.
constexpr const char* kTokenColumns =
    "substr(token_hash, 1, 12), user_name, label, created_at, expires_at, revoked_at";

std::optional<int64_t> OptionalInt(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return field.as<int64_t>();
}

TokenInfo TokenFromRow(const pqxx::row& row) {
  return TokenInfo{row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(),
                   row[3].as<int64_t>(),     OptionalInt(row[4]),      OptionalInt(row[5])};
}

// A row of name, role, institution.
User UserFromRow(const pqxx::row& row) {
  return User{row[0].as<std::string>(), ParseRole(row[1].as<std::string>()).value_or(Role::kReader),
              row[2].is_null() ? std::string() : row[2].as<std::string>()};
}

bool IsUniqueViolation(const pqxx::sql_error& error) { return error.sqlstate() == "23505"; }

class PostgresAccountTables : public AccountTables {
 public:
  explicit PostgresAccountTables(std::unique_ptr<ServerPostgresDatabase> database)
      : database_(std::move(database)) {}

  Result<bool> InsertUser(const User& user, const std::string& password_hash,
                          int64_t created_at) override {
    return database_->Write(kWhat, [&](pqxx::connection& connection) -> Result<bool> {
      try {
        pqxx::work work(connection);
        work.exec_params0(
            "INSERT INTO http_users (name, password_hash, role, institution, created_at) "
            "VALUES ($1, $2, $3, NULLIF($4, ''), $5)",
            user.name, password_hash, std::string(RoleName(user.role)), user.institution,
            created_at);
        work.commit();
        return true;
      } catch (const pqxx::sql_error& error) {
        if (IsUniqueViolation(error)) return false;
        throw;
      }
    });
  }

  Result<std::optional<StoredUser>> FindUser(const std::string& name) override {
    return database_->Read(kWhat, [&](pqxx::connection& connection) {
      pqxx::nontransaction session(connection);
      const pqxx::result rows = session.exec_params(
          "SELECT name, role, institution, password_hash FROM http_users WHERE name = $1", name);
      if (rows.empty()) return Result<std::optional<StoredUser>>(std::nullopt);
      return Result<std::optional<StoredUser>>(
          StoredUser{UserFromRow(rows[0]), rows[0][3].as<std::string>()});
    });
  }

  Result<bool> UpdateRole(const std::string& name, Role role,
                          const std::string& institution) override {
    return database_->Write(kWhat, [&](pqxx::connection& connection) -> Result<bool> {
      pqxx::work work(connection);
      const pqxx::result updated = work.exec_params(
          "UPDATE http_users SET role = $1, institution = NULLIF($2, '') WHERE name = $3",
          std::string(RoleName(role)), institution, name);
      work.commit();
      return updated.affected_rows() > 0;
    });
  }

  Result<std::vector<StoredUser>> Users() override {
    return database_->Read(kWhat, [&](pqxx::connection& connection) {
      pqxx::nontransaction session(connection);
      std::vector<StoredUser> users;
      // COLLATE "C": byte order, as SQLite sorts.
      for (const pqxx::row& row :
           session.exec("SELECT name, role, institution, password_hash FROM http_users ORDER BY "
                        "name COLLATE \"C\"")) {
        users.push_back(StoredUser{UserFromRow(row), row[3].as<std::string>()});
      }
      return Result<std::vector<StoredUser>>(std::move(users));
    });
  }

  Result<bool> InsertToken(const std::string& token_hash, const TokenInfo& token) override {
    return database_->Write(kWhat, [&](pqxx::connection& connection) -> Result<bool> {
      try {
        pqxx::work work(connection);
        work.exec_params0(
            "INSERT INTO http_tokens (token_hash, user_name, label, created_at, expires_at) "
            "VALUES ($1, $2, $3, $4, NULLIF($5, '')::bigint)",
            token_hash, token.user, token.label, token.created_at,
            token.expires_at ? std::to_string(*token.expires_at) : std::string());
        work.commit();
        return true;
      } catch (const pqxx::sql_error& error) {
        if (IsUniqueViolation(error)) return false;
        throw;
      }
    });
  }

  Result<std::optional<User>> UserByTokenHash(const std::string& token_hash, int64_t now) override {
    return database_->Read(kWhat, [&](pqxx::connection& connection) {
      pqxx::nontransaction session(connection);
      const pqxx::result rows = session.exec_params(
          "SELECT u.name, u.role, u.institution FROM http_tokens t JOIN http_users u "
          "ON u.name = t.user_name WHERE t.token_hash = $1 AND t.revoked_at IS NULL "
          "AND (t.expires_at IS NULL OR t.expires_at > $2)",
          token_hash, now);
      if (rows.empty()) return Result<std::optional<User>>(std::nullopt);
      return Result<std::optional<User>>(UserFromRow(rows[0]));
    });
  }

  Result<std::vector<TokenInfo>> Tokens(const std::string& user) override {
    return database_->Read(kWhat, [&](pqxx::connection& connection) {
      pqxx::nontransaction session(connection);
      std::vector<TokenInfo> tokens;
      for (const pqxx::row& row : session.exec_params(
               std::string("SELECT ") + kTokenColumns +
                   " FROM http_tokens WHERE $1 = '' OR user_name = $1 ORDER BY created_at, number",
               user)) {
        tokens.push_back(TokenFromRow(row));
      }
      return Result<std::vector<TokenInfo>>(std::move(tokens));
    });
  }

  Result<std::optional<TokenInfo>> RevokeToken(const std::string& id, const std::string& owner,
                                               int64_t now) override {
    return database_->Write(kWhat, [&](pqxx::connection& connection) {
      pqxx::work work(connection);
      const pqxx::result rows = work.exec_params(
          std::string("UPDATE http_tokens SET revoked_at = coalesce(revoked_at, $3) "
                      "WHERE substr(token_hash, 1, 12) = $1 AND ($2 = '' OR user_name = $2) "
                      "RETURNING ") +
              kTokenColumns,
          id, owner, now);
      work.commit();
      if (rows.empty()) return Result<std::optional<TokenInfo>>(std::nullopt);
      return Result<std::optional<TokenInfo>>(TokenFromRow(rows[0]));
    });
  }

  Result<bool> InsertSession(const std::string& id_hash, const std::string& user,
                             const std::string& csrf, int64_t expires_at, int64_t now) override {
    return database_->Write(kWhat, [&](pqxx::connection& connection) {
      pqxx::work work(connection);
      work.exec_params0("DELETE FROM http_sessions WHERE expires_at < $1", now);
      work.exec_params0(
          "INSERT INTO http_sessions (id_hash, user_name, csrf, expires_at) "
          "VALUES ($1, $2, $3, $4)",
          id_hash, user, csrf, expires_at);
      work.commit();
      return Result<bool>(true);
    });
  }

  Result<std::optional<SessionUser>> FindSession(const std::string& id_hash, int64_t now) override {
    return database_->Read(kWhat, [&](pqxx::connection& connection) {
      pqxx::nontransaction session(connection);
      const pqxx::result rows = session.exec_params(
          "SELECT u.name, u.role, u.institution, s.csrf FROM http_sessions s JOIN http_users u "
          "ON u.name = s.user_name WHERE s.id_hash = $1 AND s.expires_at >= $2",
          id_hash, now);
      if (rows.empty()) return Result<std::optional<SessionUser>>(std::nullopt);
      return Result<std::optional<SessionUser>>(
          SessionUser{UserFromRow(rows[0]), rows[0][3].as<std::string>()});
    });
  }

  Result<bool> ReplacePassword(const std::string& name, const std::string& password_hash,
                               bool revoke_tokens, int64_t now) override {
    return database_->Write(kWhat, [&](pqxx::connection& connection) {
      pqxx::work work(connection);
      const pqxx::result updated = work.exec_params(
          "UPDATE http_users SET password_hash = $2 WHERE name = $1", name, password_hash);
      if (updated.affected_rows() == 0) return Result<bool>(false);
      work.exec_params("DELETE FROM http_sessions WHERE user_name = $1", name);
      if (revoke_tokens) {
        work.exec_params(
            "UPDATE http_tokens SET revoked_at = coalesce(revoked_at, $2) WHERE user_name = $1",
            name, now);
      }
      work.commit();
      return Result<bool>(true);
    });
  }

  Result<bool> DeleteSession(const std::string& id_hash) override {
    return database_->Write(kWhat, [&](pqxx::connection& connection) {
      pqxx::work work(connection);
      const pqxx::result deleted =
          work.exec_params("DELETE FROM http_sessions WHERE id_hash = $1", id_hash);
      work.commit();
      return Result<bool>(deleted.affected_rows() > 0);
    });
  }

 private:
  std::unique_ptr<ServerPostgresDatabase> database_;
};

}  // namespace

Result<std::unique_ptr<AccountTables>> OpenPostgresAccountTables(const std::string& url,
                                                                 AccountTablesMissing missing) {
  Result<std::unique_ptr<ServerPostgresDatabase>> database = ServerPostgresDatabase::Open(
      url, kSchema, "http_users", missing == AccountTablesMissing::kCreate,
      "holds no accounts (treaty user add makes them with its first user)");
  if (!database.ok()) return database.error();
  return std::unique_ptr<AccountTables>(new PostgresAccountTables(std::move(database).value()));
}

}  // namespace treaty::http
