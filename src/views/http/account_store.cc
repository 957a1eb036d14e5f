#include "views/http/account_store.h"

#include <sodium.h>

#include <algorithm>
#include <ctime>
#include <regex>

#include <fmt/format.h>

#include "ledger/hash.h"
#include "store/sqlite/sqlite_statement.h"
#include "views/http/server_database.h"

namespace treaty::http {
namespace {

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

std::string RandomHex(size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : raw) {
    hex += kHex[c >> 4];
    hex += kHex[c & 15];
  }
  return hex;
}

std::string HashOf(std::string_view secret) { return ledger::ToHex(ledger::Sha256(secret)); }

constexpr size_t kTokenIdDigits = 12;

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
  Error error{std::string("cannot add the token columns: ") + (message ? message : ""), "accounts"};
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
  return TokenInfo{ColumnText(statement, 0),        ColumnText(statement, 1),
                   ColumnText(statement, 2),        sqlite3_column_int64(statement, 3),
                   ColumnOptionalInt(statement, 4), ColumnOptionalInt(statement, 5)};
}

User UserFromRow(sqlite3_stmt* statement) {
  User user;
  user.name = ColumnText(statement, 0);
  user.role = ParseRole(ColumnText(statement, 1)).value_or(Role::kReader);
  user.institution = ColumnText(statement, 2);
  return user;
}

}  // namespace

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kReader:
      return "reader";
    case Role::kRecorder:
      return "recorder";
    case Role::kReviewer:
      return "reviewer";
    case Role::kAdmin:
      return "admin";
  }
  return "reader";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role role : {Role::kReader, Role::kRecorder, Role::kReviewer, Role::kAdmin}) {
    if (RoleName(role) == name) return role;
  }
  return std::nullopt;
}

bool IsTokenId(std::string_view id) {
  return id.size() == kTokenIdDigits &&
         std::all_of(id.begin(), id.end(), [](char c) { return ledger::HexValue(c) >= 0; });
}

Result<int64_t> TokenLifetimeOfDays(int64_t days) {
  if (days < 1 || days > kMaxTokenDays) {
    return Error{fmt::format("a number of days from 1 to {}", kMaxTokenDays), "days"};
  }
  return days * kSecondsPerDay;
}

std::string_view TokenState(const TokenInfo& token, int64_t now) {
  if (token.revoked_at) return "revoked";
  if (token.expires_at && *token.expires_at <= now) return "expired";
  return "valid";
}

Result<std::unique_ptr<AccountStore>> AccountStore::Open(const std::string& path) {
  if (sodium_init() < 0) return Error{"libsodium cannot be initialised", "accounts"};
  Result<store::DatabaseHandle> db = OpenServerDatabase(path, kSchema, "account");
  if (!db.ok()) return db.error();
  if (std::optional<Error> error = AddTokenColumns(db.value().get())) {
    error->where = path;
    return *error;
  }
  return std::unique_ptr<AccountStore>(new AccountStore(std::move(db).value()));
}

Result<User> AccountStore::AddUser(const std::string& name, const std::string& password, Role role,
                                   const std::string& institution) {
  static const std::regex kNamePattern("[a-z0-9][a-z0-9._-]{0,63}");
  if (!std::regex_match(name, kNamePattern)) {
    return Error{"a user name is 1-64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit",
                 "name"};
  }
  if (password.size() < kMinPasswordLength) {
    return Error{"a password has at least 10 characters", "password"};
  }
  if (role == Role::kRecorder && institution.empty()) {
    return Error{"a recorder records for an institution: give one", "institution"};
  }
  if (role != Role::kRecorder && !institution.empty()) {
    return Error{"only recorders have an institution", "institution"};
  }
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Error{"out of memory hashing the password", "password"};
  }
  std::lock_guard lock(mutex_);
  Result<store::StatementHandle> insert =
      PrepareStatement(db_.get(),
                       "INSERT INTO http_users(name, password_hash, role, institution, created_at) "
                       "VALUES (?, ?, ?, ?, ?)",
                       "accounts");
  if (!insert.ok()) return insert.error();
  store::Binder(insert.value().get())
      .Text(name)
      .Text(hash)
      .Text(RoleName(role))
      .TextOrNull(institution)
      .Int(std::time(nullptr));
  const int rc = sqlite3_step(insert.value().get());
  if (rc == SQLITE_CONSTRAINT) return Error{"the user \"" + name + "\" exists already", "name"};
  if (rc != SQLITE_DONE) return DatabaseError(db_.get(), "add user", "accounts");
  return User{name, role, institution};
}

Result<std::optional<User>> AccountStore::FindUserLocked(const std::string& name) {
  Result<store::StatementHandle> select = PrepareStatement(
      db_.get(), "SELECT name, role, institution FROM http_users WHERE name = ?", "accounts");
  if (!select.ok()) return select.error();
  store::Binder(select.value().get()).Text(name);
  const int rc = sqlite3_step(select.value().get());
  if (rc == SQLITE_DONE) return std::optional<User>();
  if (rc != SQLITE_ROW) return DatabaseError(db_.get(), "find user", "accounts");
  return std::optional<User>(UserFromRow(select.value().get()));
}

Result<std::optional<User>> AccountStore::FindUser(const std::string& name) {
  std::lock_guard lock(mutex_);
  return FindUserLocked(name);
}

Result<std::vector<User>> AccountStore::Users() {
  std::lock_guard lock(mutex_);
  Result<store::StatementHandle> select = PrepareStatement(
      db_.get(), "SELECT name, role, institution FROM http_users ORDER BY name", "accounts");
  if (!select.ok()) return select.error();
  std::vector<User> users;
  int rc;
  while ((rc = sqlite3_step(select.value().get())) == SQLITE_ROW) {
    users.push_back(UserFromRow(select.value().get()));
  }
  if (rc != SQLITE_DONE) return DatabaseError(db_.get(), "list users", "accounts");
  return users;
}

Result<std::optional<User>> AccountStore::CheckPassword(const std::string& name,
                                                        const std::string& password) {
  std::string stored;
  std::optional<User> user;
  {
    std::lock_guard lock(mutex_);
    Result<store::StatementHandle> select = PrepareStatement(
        db_.get(), "SELECT name, role, institution, password_hash FROM http_users WHERE name = ?",
        "accounts");
    if (!select.ok()) return select.error();
    store::Binder(select.value().get()).Text(name);
    const int rc = sqlite3_step(select.value().get());
    if (rc == SQLITE_ROW) {
      user = UserFromRow(select.value().get());
      stored = ColumnText(select.value().get(), 3);
    } else if (rc != SQLITE_DONE) {
      return DatabaseError(db_.get(), "find user", "accounts");
    }
  }
  if (!user) {
    // Spend the time a real check takes, so that timing does not tell which names exist.
    static const std::string kDummy = [] {
      char hash[crypto_pwhash_STRBYTES] = {};
      if (crypto_pwhash_str(hash, "x", 1, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return std::string();
      }
      return std::string(hash);
    }();
    if (!kDummy.empty()) {
      const int spent = crypto_pwhash_str_verify(kDummy.c_str(), password.data(), password.size());
      static_cast<void>(spent);
    }
    return std::optional<User>();
  }
  if (crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) != 0) {
    return std::optional<User>();
  }
  return user;
}

Result<NewToken> AccountStore::CreateToken(const std::string& user, const std::string& label,
                                           std::optional<int64_t> lifetime_seconds) {
  if (lifetime_seconds && (*lifetime_seconds < 0 || *lifetime_seconds > kMaxTokenSeconds)) {
    return Error{fmt::format("a token lives from 0 to {} days", kMaxTokenDays), "lifetime"};
  }
  std::lock_guard lock(mutex_);
  Result<std::optional<User>> found = FindUserLocked(user);
  if (!found.ok()) return found.error();
  if (!found.value()) return Error{"no user \"" + user + "\"", "user"};
  Result<store::StatementHandle> insert =
      PrepareStatement(db_.get(),
                       "INSERT INTO http_tokens(token_hash, user_name, label, created_at, "
                       "expires_at) VALUES (?, ?, ?, ?, ?)",
                       "accounts");
  if (!insert.ok()) return insert.error();
  // A token whose id another has (http_tokens_by_id) is drawn again, so that an id names one
  // token, whichever process made them.
  for (int attempt = 0; attempt < 3; ++attempt) {
    NewToken created;
    created.token = "trt_" + RandomHex(32);
    const std::string hash = HashOf(created.token);
    created.info = TokenInfo{hash.substr(0, kTokenIdDigits),
                             user,
                             label,
                             std::time(nullptr),
                             std::nullopt,
                             std::nullopt};
    if (lifetime_seconds) created.info.expires_at = created.info.created_at + *lifetime_seconds;
    sqlite3_stmt* statement = insert.value().get();
    sqlite3_reset(statement);
    store::Binder binder(statement);
    binder.Text(hash).Text(user).Text(label).Int(created.info.created_at);
    if (created.info.expires_at) {
      binder.Int(*created.info.expires_at);
    } else {
      binder.Null();
    }
    const int rc = sqlite3_step(statement);
    if (rc == SQLITE_DONE) return created;
    if (rc != SQLITE_CONSTRAINT) break;
  }
  return DatabaseError(db_.get(), "create token", "accounts");
}

Result<std::optional<User>> AccountStore::UserByToken(std::string_view token) {
  std::lock_guard lock(mutex_);
  Result<store::StatementHandle> select =
      PrepareStatement(db_.get(),
                       "SELECT u.name, u.role, u.institution FROM http_tokens t JOIN http_users u "
                       "ON u.name = t.user_name WHERE t.token_hash = ? AND t.revoked_at IS NULL "
                       "AND (t.expires_at IS NULL OR t.expires_at > ?)",
                       "accounts");
  if (!select.ok()) return select.error();
  store::Binder(select.value().get()).Text(HashOf(token)).Int(std::time(nullptr));
  const int rc = sqlite3_step(select.value().get());
  if (rc == SQLITE_DONE) return std::optional<User>();
  if (rc != SQLITE_ROW) return DatabaseError(db_.get(), "find token", "accounts");
  return std::optional<User>(UserFromRow(select.value().get()));
}

Result<std::vector<TokenInfo>> AccountStore::Tokens(const std::string& user) {
  std::lock_guard lock(mutex_);
  if (!user.empty()) {
    Result<std::optional<User>> found = FindUserLocked(user);
    if (!found.ok()) return found.error();
    if (!found.value()) return Error{"no user \"" + user + "\"", "user"};
  }
  const std::string sql = std::string("SELECT ") + kTokenColumns +
                          " FROM http_tokens WHERE ?1 = '' OR user_name = ?1 "
                          "ORDER BY created_at, rowid";
  Result<store::StatementHandle> select = PrepareStatement(db_.get(), sql.c_str(), "accounts");
  if (!select.ok()) return select.error();
  store::Binder(select.value().get()).Text(user);
  std::vector<TokenInfo> tokens;
  int rc;
  while ((rc = sqlite3_step(select.value().get())) == SQLITE_ROW) {
    tokens.push_back(TokenFromRow(select.value().get()));
  }
  if (rc != SQLITE_DONE) return DatabaseError(db_.get(), "list tokens", "accounts");
  return tokens;
}

Result<TokenInfo> AccountStore::RevokeToken(const std::string& id, const std::string& owner) {
  if (!IsTokenId(id))
    return Error{"a token id is 12 hex digits, as `treaty token list` shows", "id"};
  std::lock_guard lock(mutex_);
  const std::string sql = std::string(
                              "UPDATE http_tokens SET revoked_at = coalesce(revoked_at, ?3) "
                              "WHERE substr(token_hash, 1, 12) = ?1 AND (?2 = '' OR "
                              "user_name = ?2) RETURNING ") +
                          kTokenColumns;
  Result<store::StatementHandle> revoke = PrepareStatement(db_.get(), sql.c_str(), "accounts");
  if (!revoke.ok()) return revoke.error();
  store::Binder(revoke.value().get()).Text(id).Text(owner).Int(std::time(nullptr));
  const int rc = sqlite3_step(revoke.value().get());
  if (rc == SQLITE_DONE) {
    return Error{"no token " + (owner.empty() ? "" : "of " + owner + " ") + "has the id " + id,
                 "id"};
  }
  if (rc != SQLITE_ROW) return DatabaseError(db_.get(), "revoke token", "accounts");
  TokenInfo revoked = TokenFromRow(revoke.value().get());
  // The statement is finished, so that the change is written before this returns.
  if (sqlite3_step(revoke.value().get()) != SQLITE_DONE) {
    return DatabaseError(db_.get(), "revoke token", "accounts");
  }
  return revoked;
}

Result<NewSession> AccountStore::CreateSession(const std::string& user, int64_t lifetime_seconds) {
  std::lock_guard lock(mutex_);
  NewSession session{RandomHex(32), RandomHex(32)};
  const int64_t now = std::time(nullptr);
  sqlite3_exec(db_.get(), "DELETE FROM http_sessions WHERE expires_at < strftime('%s','now')",
               nullptr, nullptr, nullptr);
  Result<store::StatementHandle> insert = PrepareStatement(
      db_.get(),
      "INSERT INTO http_sessions(id_hash, user_name, csrf, expires_at) VALUES (?, ?, ?, ?)",
      "accounts");
  if (!insert.ok()) return insert.error();
  store::Binder(insert.value().get())
      .Text(HashOf(session.id))
      .Text(user)
      .Text(session.csrf)
      .Int(now + lifetime_seconds);
  if (sqlite3_step(insert.value().get()) != SQLITE_DONE) {
    return DatabaseError(db_.get(), "create session", "accounts");
  }
  return session;
}

Result<std::optional<SessionUser>> AccountStore::FindSession(std::string_view id) {
  std::lock_guard lock(mutex_);
  Result<store::StatementHandle> select = PrepareStatement(
      db_.get(),
      "SELECT u.name, u.role, u.institution, s.csrf FROM http_sessions s JOIN http_users u "
      "ON u.name = s.user_name WHERE s.id_hash = ? AND s.expires_at >= ?",
      "accounts");
  if (!select.ok()) return select.error();
  store::Binder(select.value().get()).Text(HashOf(id)).Int(std::time(nullptr));
  const int rc = sqlite3_step(select.value().get());
  if (rc == SQLITE_DONE) return std::optional<SessionUser>();
  if (rc != SQLITE_ROW) return DatabaseError(db_.get(), "find session", "accounts");
  return std::optional<SessionUser>(
      SessionUser{UserFromRow(select.value().get()), ColumnText(select.value().get(), 3)});
}

Result<bool> AccountStore::DeleteSession(std::string_view id) {
  std::lock_guard lock(mutex_);
  Result<store::StatementHandle> remove =
      PrepareStatement(db_.get(), "DELETE FROM http_sessions WHERE id_hash = ?", "accounts");
  if (!remove.ok()) return remove.error();
  store::Binder(remove.value().get()).Text(HashOf(id));
  if (sqlite3_step(remove.value().get()) != SQLITE_DONE) {
    return DatabaseError(db_.get(), "delete session", "accounts");
  }
  return sqlite3_changes(db_.get()) > 0;
}

}  // namespace treaty::http
