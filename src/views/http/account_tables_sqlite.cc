// The account tables in an SQLite file (account_tables.h).
#include <filesystem>

#include "store/sqlite/sqlite_open.h"
#include "store/sqlite/sqlite_statement.h"
#include "views/http/account_tables.h"
#include "views/http/server_database.h"

namespace treaty::http {
namespace {

constexpr const char* kWhat = "accounts";

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS http_users (
  name TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  institution TEXT,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS http_tokens (
  token_hash TEXT PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES http_users(name),
  label TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  revoked_at INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS http_tokens_by_id ON http_tokens (substr(token_hash, 1, 12));
CREATE TABLE IF NOT EXISTS http_sessions (
  id_hash TEXT PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES http_users(name),
  csrf TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
)sql";

// Whether the token table has its expires_at column; nullopt when SQLite cannot tell.
std::optional<bool> HasTokenExpiry(sqlite3* db) {
  std::optional<bool> found;
  sqlite3_exec(
      db, "SELECT count(*) FROM pragma_table_info('http_tokens') WHERE name = 'expires_at'",
      [](void* out, int, char** values, char**) {
        *static_cast<std::optional<bool>*>(out) = values[0] != nullptr && values[0][0] != '0';
        return 0;
      },
      &found, nullptr);
  return found;
}

// Files made before tokens could expire or be revoked lack these columns. They are added under
// the write lock, looked for again once it is held, so that of two processes opening such a file
// only one adds them; a file that has them is only read.
std::optional<Error> AddTokenColumns(sqlite3* db) {
  if (HasTokenExpiry(db) == true) return std::nullopt;
  char* message = nullptr;
  int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, &message);
  const std::optional<bool> has = rc == SQLITE_OK ? HasTokenExpiry(db) : std::nullopt;
  if (rc == SQLITE_OK && !has) rc = SQLITE_ERROR;
  if (rc == SQLITE_OK && !*has) {
    rc = sqlite3_exec(db,
                      "ALTER TABLE http_tokens ADD COLUMN expires_at INTEGER; "
                      "ALTER TABLE http_tokens ADD COLUMN revoked_at INTEGER;",
                      nullptr, nullptr, &message);
  }
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, "COMMIT", nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return std::nullopt;
  Error error{std::string("cannot add the token columns: ") + (message ? message : ""), kWhat};
  sqlite3_free(message);
  sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  return error;
}

std::optional<int64_t> ColumnOptionalInt(sqlite3_stmt* statement, int index) {
  if (sqlite3_column_type(statement, index) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int64(statement, index);
}

// The columns TokenFromRow reads. A token's id is substr(token_hash, 1, 12) (kTokenIdDigits);
// conditions on it are written as http_tokens_by_id writes it, so that SQLite uses that index.
constexpr const char* kTokenColumns =
    "substr(token_hash, 1, 12), user_name, label, created_at, expires_at, revoked_at";

TokenInfo TokenFromRow(sqlite3_stmt* statement) {
  return TokenInfo{store::ColumnText(statement, 0), store::ColumnText(statement, 1),
                   store::ColumnText(statement, 2), sqlite3_column_int64(statement, 3),
                   ColumnOptionalInt(statement, 4), ColumnOptionalInt(statement, 5)};
}

User UserFromRow(sqlite3_stmt* statement) {
  User user;
  user.name = store::ColumnText(statement, 0);
  user.role = ParseRole(store::ColumnText(statement, 1)).value_or(Role::kReader);
  user.institution = store::ColumnText(statement, 2);
  return user;
}

class SqliteAccountTables : public AccountTables {
 public:
  explicit SqliteAccountTables(store::DatabaseHandle db) : db_(std::move(db)) {}

  Result<bool> InsertUser(const User& user, const std::string& password_hash,
                          int64_t created_at) override {
    Result<store::StatementHandle> insert = Prepare(
        "INSERT INTO http_users(name, password_hash, role, institution, created_at) "
        "VALUES (?, ?, ?, ?, ?)");
    if (!insert.ok()) return insert.error();
    store::Binder(insert.value().get())
        .Text(user.name)
        .Text(password_hash)
        .Text(RoleName(user.role))
        .TextOrNull(user.institution)
        .Int(created_at);
    const int rc = sqlite3_step(insert.value().get());
    if (rc == SQLITE_CONSTRAINT) return false;
    if (rc != SQLITE_DONE) return Failure("add user");
    return true;
  }

  Result<std::optional<StoredUser>> FindUser(const std::string& name) override {
    Result<store::StatementHandle> select =
        Prepare("SELECT name, role, institution, password_hash FROM http_users WHERE name = ?");
    if (!select.ok()) return select.error();
    store::Binder(select.value().get()).Text(name);
    const int rc = sqlite3_step(select.value().get());
    if (rc == SQLITE_DONE) return std::optional<StoredUser>();
    if (rc != SQLITE_ROW) return Failure("find user");
    return std::optional<StoredUser>(
        StoredUser{UserFromRow(select.value().get()), store::ColumnText(select.value().get(), 3)});
  }

  Result<bool> UpdateRole(const std::string& name, Role role,
                          const std::string& institution) override {
    Result<store::StatementHandle> update =
        Prepare("UPDATE http_users SET role = ?, institution = ? WHERE name = ?");
    if (!update.ok()) return update.error();
    store::Binder(update.value().get()).Text(RoleName(role)).TextOrNull(institution).Text(name);
    if (sqlite3_step(update.value().get()) != SQLITE_DONE) return Failure("change a role");
    return sqlite3_changes(db_.get()) > 0;
  }

  Result<std::vector<StoredUser>> Users() override {
    Result<store::StatementHandle> select =
        Prepare("SELECT name, role, institution, password_hash FROM http_users ORDER BY name");
    if (!select.ok()) return select.error();
    std::vector<StoredUser> users;
    int rc;
    while ((rc = sqlite3_step(select.value().get())) == SQLITE_ROW) {
      users.push_back(StoredUser{UserFromRow(select.value().get()),
                                 store::ColumnText(select.value().get(), 3)});
    }
    if (rc != SQLITE_DONE) return Failure("list users");
    return users;
  }

  Result<bool> InsertToken(const std::string& token_hash, const TokenInfo& token) override {
    Result<store::StatementHandle> insert = Prepare(
        "INSERT INTO http_tokens(token_hash, user_name, label, created_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?)");
    if (!insert.ok()) return insert.error();
    store::Binder binder(insert.value().get());
    binder.Text(token_hash).Text(token.user).Text(token.label).Int(token.created_at);
    if (token.expires_at) {
      binder.Int(*token.expires_at);
    } else {
      binder.Null();
    }
    const int rc = sqlite3_step(insert.value().get());
    if (rc == SQLITE_CONSTRAINT) return false;
    if (rc != SQLITE_DONE) return Failure("create token");
    return true;
  }

  Result<std::optional<User>> UserByTokenHash(const std::string& token_hash, int64_t now) override {
    Result<store::StatementHandle> select = Prepare(
        "SELECT u.name, u.role, u.institution FROM http_tokens t JOIN http_users u "
        "ON u.name = t.user_name WHERE t.token_hash = ? AND t.revoked_at IS NULL "
        "AND (t.expires_at IS NULL OR t.expires_at > ?)");
    if (!select.ok()) return select.error();
    store::Binder(select.value().get()).Text(token_hash).Int(now);
    const int rc = sqlite3_step(select.value().get());
    if (rc == SQLITE_DONE) return std::optional<User>();
    if (rc != SQLITE_ROW) return Failure("find token");
    return std::optional<User>(UserFromRow(select.value().get()));
  }

  Result<std::vector<TokenInfo>> Tokens(const std::string& user) override {
    const std::string sql = std::string("SELECT ") + kTokenColumns +
                            " FROM http_tokens WHERE ?1 = '' OR user_name = ?1 "
                            "ORDER BY created_at, rowid";
    Result<store::StatementHandle> select = Prepare(sql.c_str());
    if (!select.ok()) return select.error();
    store::Binder(select.value().get()).Text(user);
    std::vector<TokenInfo> tokens;
    int rc;
    while ((rc = sqlite3_step(select.value().get())) == SQLITE_ROW) {
      tokens.push_back(TokenFromRow(select.value().get()));
    }
    if (rc != SQLITE_DONE) return Failure("list tokens");
    return tokens;
  }

  Result<std::optional<TokenInfo>> RevokeToken(const std::string& id, const std::string& owner,
                                               int64_t now) override {
    const std::string sql =
        std::string(
            "UPDATE http_tokens SET revoked_at = coalesce(revoked_at, ?3) "
            "WHERE substr(token_hash, 1, 12) = ?1 AND (?2 = '' OR user_name = ?2) RETURNING ") +
        kTokenColumns;
    Result<store::StatementHandle> revoke = Prepare(sql.c_str());
    if (!revoke.ok()) return revoke.error();
    store::Binder(revoke.value().get()).Text(id).Text(owner).Int(now);
    const int rc = sqlite3_step(revoke.value().get());
    if (rc == SQLITE_DONE) return std::optional<TokenInfo>();
    if (rc != SQLITE_ROW) return Failure("revoke token");
    TokenInfo revoked = TokenFromRow(revoke.value().get());
    // The statement is finished, so that the change is written before this returns.
    if (sqlite3_step(revoke.value().get()) != SQLITE_DONE) return Failure("revoke token");
    return std::optional<TokenInfo>(std::move(revoked));
  }

  Result<bool> InsertSession(const std::string& id_hash, const std::string& user,
                             const std::string& csrf, int64_t expires_at, int64_t now) override {
    Result<store::StatementHandle> expired =
        Prepare("DELETE FROM http_sessions WHERE expires_at < ?");
    if (!expired.ok()) return expired.error();
    store::Binder(expired.value().get()).Int(now);
    if (sqlite3_step(expired.value().get()) != SQLITE_DONE) return Failure("remove sessions");
    Result<store::StatementHandle> insert = Prepare(
        "INSERT INTO http_sessions(id_hash, user_name, csrf, expires_at) VALUES (?, ?, ?, ?)");
    if (!insert.ok()) return insert.error();
    store::Binder(insert.value().get()).Text(id_hash).Text(user).Text(csrf).Int(expires_at);
    if (sqlite3_step(insert.value().get()) != SQLITE_DONE) return Failure("create session");
    return true;
  }

  Result<std::optional<SessionUser>> FindSession(const std::string& id_hash, int64_t now) override {
    Result<store::StatementHandle> select = Prepare(
        "SELECT u.name, u.role, u.institution, s.csrf FROM http_sessions s JOIN "
        "http_users u ON u.name = s.user_name WHERE s.id_hash = ? AND s.expires_at >= ?");
    if (!select.ok()) return select.error();
    store::Binder(select.value().get()).Text(id_hash).Int(now);
    const int rc = sqlite3_step(select.value().get());
    if (rc == SQLITE_DONE) return std::optional<SessionUser>();
    if (rc != SQLITE_ROW) return Failure("find session");
    return std::optional<SessionUser>(
        SessionUser{UserFromRow(select.value().get()), store::ColumnText(select.value().get(), 3)});
  }

  Result<bool> ReplacePassword(const std::string& name, const std::string& password_hash,
                               bool revoke_tokens, int64_t now) override {
    if (sqlite3_exec(db_.get(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
      return Failure("replace a password");
    }
    Result<bool> replaced = ReplacePasswordInTransaction(name, password_hash, revoke_tokens, now);
    const bool commit = replaced.ok() && replaced.value();
    if (sqlite3_exec(db_.get(), commit ? "COMMIT" : "ROLLBACK", nullptr, nullptr, nullptr) !=
            SQLITE_OK &&
        commit) {
      sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
      return Failure("replace a password");
    }
    return replaced;
  }

  Result<bool> DeleteSession(const std::string& id_hash) override {
    Result<store::StatementHandle> remove = Prepare("DELETE FROM http_sessions WHERE id_hash = ?");
    if (!remove.ok()) return remove.error();
    store::Binder(remove.value().get()).Text(id_hash);
    if (sqlite3_step(remove.value().get()) != SQLITE_DONE) return Failure("delete session");
    return sqlite3_changes(db_.get()) > 0;
  }

 private:
  Result<store::StatementHandle> Prepare(const char* sql) {
    return PrepareStatement(db_.get(), sql, kWhat);
  }

  // ReplacePassword's statements. REQUIRES: a transaction open.
  Result<bool> ReplacePasswordInTransaction(const std::string& name,
                                            const std::string& password_hash, bool revoke_tokens,
                                            int64_t now) {
    Result<store::StatementHandle> update =
        Prepare("UPDATE http_users SET password_hash = ? WHERE name = ?");
    if (!update.ok()) return update.error();
    store::Binder(update.value().get()).Text(password_hash).Text(name);
    if (sqlite3_step(update.value().get()) != SQLITE_DONE) return Failure("replace a password");
    if (sqlite3_changes(db_.get()) == 0) return false;
    Result<store::StatementHandle> end = Prepare("DELETE FROM http_sessions WHERE user_name = ?");
    if (!end.ok()) return end.error();
    store::Binder(end.value().get()).Text(name);
    if (sqlite3_step(end.value().get()) != SQLITE_DONE) return Failure("end sessions");
    if (!revoke_tokens) return true;
    Result<store::StatementHandle> revoke =
        Prepare("UPDATE http_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE user_name = ?");
    if (!revoke.ok()) return revoke.error();
    store::Binder(revoke.value().get()).Int(now).Text(name);
    if (sqlite3_step(revoke.value().get()) != SQLITE_DONE) return Failure("revoke tokens");
    return true;
  }
  Error Failure(const std::string& action) { return DatabaseError(db_.get(), action, kWhat); }

  store::DatabaseHandle db_;
};

}  // namespace

Result<std::unique_ptr<AccountTables>> OpenSqliteAccountTables(const std::string& path,
                                                               AccountTablesMissing missing) {
  const bool refuse = missing == AccountTablesMissing::kRefuse;
  std::error_code ec;
  if (refuse && !std::filesystem::exists(path, ec)) {
    return Error{"no such accounts file (treaty user add makes it with its first user)", path};
  }
  Result<store::DatabaseHandle> db = OpenServerDatabase(path, refuse ? "" : kSchema, "account");
  if (!db.ok()) return db.error();
  if (refuse) {
    Result<bool> has_users = store::HasSqliteTable(db.value().get(), path, "http_users");
    if (!has_users.ok()) return has_users.error();
    if (!has_users.value()) {
      return Error{"holds no accounts (treaty user add makes them with its first user)", path};
    }
  }
  if (std::optional<Error> error = AddTokenColumns(db.value().get())) {
    error->where = path;
    return *error;
  }
  return std::unique_ptr<AccountTables>(new SqliteAccountTables(std::move(db).value()));
}

}  // namespace treaty::http
