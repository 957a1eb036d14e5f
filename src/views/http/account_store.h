// Accounts of the server: users with a role (and, for recorders, the institution they record
// for), API tokens (which expire and can be revoked) and sign-in sessions, in three tables of the
// ledger's database (an SQLite file or PostgreSQL, account_tables.h) or of another one. Passwords
// are stored as argon2id hashes (libsodium crypto_pwhash_str), tokens and session ids only as
// SHA-256 hashes, so a copy of the database lets nobody sign in.
//
// Thread-safe: one connection behind a mutex.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace treaty::http {

// What a user may do. A reader (also every anonymous visitor) sees public data only; a recorder
// records events in the name of one institution; a reviewer reviews commitments; an admin manages
// accounts. Recorders, reviewers and admins also see restricted events.
enum class Role { kReader, kRecorder, kReviewer, kAdmin };

std::string_view RoleName(Role role);  // "reader", "recorder", "reviewer", "admin"
std::optional<Role> ParseRole(std::string_view name);

struct User {
  std::string name;  // ^[a-z0-9][a-z0-9._-]{0,63}$
  Role role = Role::kReader;
  std::string institution;  // recorders only: an institution id of the keys file
};

// A user as listed to an administrator.
struct ListedUser {
  User user;
  bool locked = false;  // Lock's: no password signs in until SetPassword
};

struct NewSession {
  std::string id;    // the cookie value: 64 hex digits
  std::string csrf;  // the token forms must send back: 64 hex digits
};

// An API token as listed; its secret is never stored.
struct TokenInfo {
  std::string
      id;  // the first 12 hex digits of the token's SHA-256: names it in lists and revocation
  std::string user;
  std::string label;
  int64_t created_at = 0;             // Unix seconds
  std::optional<int64_t> expires_at;  // none: never expires
  std::optional<int64_t> revoked_at;
};

// What `now` (Unix seconds) makes of a token: "revoked", "expired" or "valid".
std::string_view TokenState(const TokenInfo& token, int64_t now);
// 12 lowercase hex digits.
bool IsTokenId(std::string_view id);
// A token's lifetime of `days` days, in seconds. Errors: days outside 1 to kMaxTokenDays.
Result<int64_t> TokenLifetimeOfDays(int64_t days);

// A token lives kDefaultTokenDays unless its maker asks for 1 to kMaxTokenDays days (the views'
// range; the store takes 0 too), or for no expiry (it then lives until revoked).
inline constexpr int64_t kDefaultTokenDays = 90;
inline constexpr int64_t kMaxTokenDays = 3650;
inline constexpr int64_t kSecondsPerDay = 86400;
inline constexpr int64_t kMaxTokenSeconds = kMaxTokenDays * kSecondsPerDay;

struct NewToken {
  std::string token;  // "trt_" and 64 hex digits, shown once
  TokenInfo info;
};

struct SessionUser {
  User user;
  std::string csrf;
};

inline constexpr size_t kMinPasswordLength = 10;
inline constexpr size_t kMaxUserNameCharacters = 64;
inline constexpr size_t kMaxTokenLabelCharacters = 100;

// The name a user is stored under for `name` as someone typed it (in another normalisation form,
// say); `name` itself when it cannot be a user's name.
std::string StoredName(const std::string& name);

// What opening does where the account tables are missing: make them (`treaty user add`, the
// server), or refuse (the token commands, so that a mistyped --db makes nothing).
enum class AccountTablesMissing { kCreate, kRefuse };

class AccountTables;

class AccountStore {
 public:
  // Opens the account tables of `db`: an SQLite file (":memory:" gives a private store), or a
  // `postgresql://` URL. Errors: a missing file or missing tables with kRefuse, the database's.
  static Result<std::unique_ptr<AccountStore>> Open(
      const std::string& db, AccountTablesMissing missing = AccountTablesMissing::kCreate);
  ~AccountStore();

  // Adds a user. A name is 1 to kMaxUserNameCharacters lowercase letters of any alphabet, ASCII
  // digits, '.', '_' and '-', starting with a letter or digit; it is stored in NFC, and every
  // call below that takes a name finds the user by it in any normalisation form. Errors: a name
  // of the wrong form, a password shorter than kMinPasswordLength, a recorder without an
  // institution or another role with one, a name already taken.
  Result<User> AddUser(const std::string& name, const std::string& password, Role role,
                       const std::string& institution);
  // The user named `name`, with whether Lock locked them out; nullopt when there is none.
  Result<std::optional<ListedUser>> FindUser(const std::string& name);
  // Gives `name` another role and institution, from their next request on (sessions and tokens
  // read the user's role each time). Errors: an unknown user ("name"), a recorder without an
  // institution or another role with one ("institution").
  Result<User> SetRole(const std::string& name, Role role, const std::string& institution);
  // Every user, by name in byte order, with whether Lock locked them out.
  Result<std::vector<ListedUser>> Users();
  // Gives `name` a new password and ends their sessions, which unlocks a locked user. Errors: a
  // password shorter than kMinPasswordLength ("password"), an unknown user ("name").
  Result<bool> SetPassword(const std::string& name, const std::string& password);
  // Locks `name` out, for someone who left: no password signs in, their sessions end and their
  // tokens are revoked, at once for every process on the store; SetPassword lets them in again.
  // Errors: an unknown user ("name").
  Result<bool> Lock(const std::string& name);

  // The user when `password` is theirs; nullopt otherwise. Takes about as long for an unknown
  // name as for a wrong password.
  Result<std::optional<User>> CheckPassword(const std::string& name, const std::string& password);

  // A new random API token for `user`, valid for `lifetime_seconds` (none: until revoked); only
  // its hash is stored, and its id is another token's in no process. Errors: an unknown user, a
  // lifetime below 0 or above kMaxTokenSeconds, and (where "label") a label that is not 1 to
  // kMaxTokenLabelCharacters characters or holds a control character, which `treaty token list`
  // would send to a terminal.
  Result<NewToken> CreateToken(const std::string& user, const std::string& label,
                               std::optional<int64_t> lifetime_seconds);
  // The token's user, or nullopt for an unknown, expired or revoked token.
  Result<std::optional<User>> UserByToken(std::string_view token);
  // The tokens of `user` (every user's when empty), oldest first, revoked and expired ones too.
  // Errors: an unknown user.
  Result<std::vector<TokenInfo>> Tokens(const std::string& user);
  // Revokes the token whose id is `id` and, unless `owner` is empty, whose user is `owner`; every
  // process on this file refuses it from then on. A token revoked already keeps its first
  // revocation time. Errors (where "id"): an id of the wrong form, no such token.
  Result<TokenInfo> RevokeToken(const std::string& id, const std::string& owner);

  // A session of `user` valid for `lifetime_seconds`.
  Result<NewSession> CreateSession(const std::string& user, int64_t lifetime_seconds);
  // The session's user and CSRF token, or nullopt when unknown or expired.
  Result<std::optional<SessionUser>> FindSession(std::string_view id);
  Result<bool> DeleteSession(std::string_view id);

 private:
  explicit AccountStore(std::unique_ptr<AccountTables> tables);

  std::mutex mutex_;
  std::unique_ptr<AccountTables> tables_;
};

}  // namespace treaty::http
