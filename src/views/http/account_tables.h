// The rows of the server's accounts: users, API tokens and sign-in sessions, kept in an SQLite file
// or in a PostgreSQL database (the same tables in both). The rules (names, passwords, lifetimes,
// hashing) are AccountStore's; these only read and write rows, with secrets already hashed.
//
// Not thread-safe: AccountStore serialises the calls.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "views/http/account_store.h"

namespace treaty::http {

struct StoredUser {
  User user;
  std::string password_hash;  // crypto_pwhash_str's text
};

class AccountTables {
 public:
  virtual ~AccountTables() = default;

  // False: the name is taken.
  virtual Result<bool> InsertUser(const User& user, const std::string& password_hash,
                                  int64_t created_at) = 0;
  virtual Result<std::optional<StoredUser>> FindUser(const std::string& name) = 0;
  // Sets the user's role and institution (empty: none). False: no such user.
  virtual Result<bool> UpdateRole(const std::string& name, Role role,
                                  const std::string& institution) = 0;
  // Every user with their password hash, by name in byte order.
  virtual Result<std::vector<StoredUser>> Users() = 0;
  // In one transaction: sets the user's password hash, ends the user's sessions and, with
  // `revoke_tokens`, revokes the user's tokens at `now`. False: no such user (nothing changed).
  virtual Result<bool> ReplacePassword(const std::string& name, const std::string& password_hash,
                                       bool revoke_tokens, int64_t now) = 0;

  // False: the hash, or its first kTokenIdDigits digits (the id), is another token's.
  virtual Result<bool> InsertToken(const std::string& token_hash, const TokenInfo& token) = 0;
  // The user of the token with this hash, unless it is revoked or expired at `now`.
  virtual Result<std::optional<User>> UserByTokenHash(const std::string& token_hash,
                                                      int64_t now) = 0;
  // The tokens of `user` (every user's when empty), oldest first, in the order they were made.
  virtual Result<std::vector<TokenInfo>> Tokens(const std::string& user) = 0;
  // Sets the revocation time of the token with this id, and of `owner` unless that is empty, to
  // `now` unless it has one; the token as it then is, or nullopt when there is no such token.
  virtual Result<std::optional<TokenInfo>> RevokeToken(const std::string& id,
                                                       const std::string& owner, int64_t now) = 0;

  // Removes the sessions expired before `now`, then adds this one.
  virtual Result<bool> InsertSession(const std::string& id_hash, const std::string& user,
                                     const std::string& csrf, int64_t expires_at, int64_t now) = 0;
  // The session's user and CSRF token, unless it expired before `now`.
  virtual Result<std::optional<SessionUser>> FindSession(const std::string& id_hash,
                                                         int64_t now) = 0;
  // False: no such session.
  virtual Result<bool> DeleteSession(const std::string& id_hash) = 0;
};

// A token's id: the first digits of its hash.
inline constexpr size_t kTokenIdDigits = 12;

// The tables in the SQLite file `path` (":memory:" gives private ones), created when missing, and
// the token columns added to a file made before tokens could expire or be revoked. With
// AccountTablesMissing::kRefuse a file that does not exist is an error instead of a new one.
Result<std::unique_ptr<AccountTables>> OpenSqliteAccountTables(const std::string& path,
                                                               AccountTablesMissing missing);

// The tables in the first schema of the search_path of the PostgreSQL server at `url`, created
// when missing (safe when several processes do it at once), or with AccountTablesMissing::kRefuse
// an error when they are missing, leaving the database unchanged.
Result<std::unique_ptr<AccountTables>> OpenPostgresAccountTables(const std::string& url,
                                                                 AccountTablesMissing missing);

}  // namespace treaty::http
