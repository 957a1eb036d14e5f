// Accounts of the server: users with a role (and, for recorders, the institution they record
// for), API tokens and sign-in sessions, in three tables of an SQLite file (the ledger's file
// when the ledger is on SQLite). Passwords are stored as argon2id hashes (libsodium
// crypto_pwhash_str), tokens and session ids only as SHA-256 hashes, so a copy of the database
// lets nobody sign in.
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
#include "store/sqlite/sqlite_handle.h"

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

struct NewSession {
  std::string id;    // the cookie value: 64 hex digits
  std::string csrf;  // the token forms must send back: 64 hex digits
};

struct SessionUser {
  User user;
  std::string csrf;
};

inline constexpr size_t kMinPasswordLength = 10;

class AccountStore {
 public:
  // Opens (creating when missing) the account tables in the SQLite file `path`; ":memory:" gives
  // a private store. Errors: any SQLite failure.
  static Result<std::unique_ptr<AccountStore>> Open(const std::string& path);

  // Adds a user. Errors: a name of the wrong form, a password shorter than kMinPasswordLength,
  // a recorder without an institution or another role with one, a name already taken.
  Result<User> AddUser(const std::string& name, const std::string& password, Role role,
                       const std::string& institution);
  Result<std::optional<User>> FindUser(const std::string& name);
  Result<std::vector<User>> Users();

  // The user when `password` is theirs; nullopt otherwise. Takes about as long for an unknown
  // name as for a wrong password.
  Result<std::optional<User>> CheckPassword(const std::string& name, const std::string& password);

  // A new random API token for `user` ("trt_" and 64 hex digits), shown once: only its hash is
  // stored. Errors: an unknown user.
  Result<std::string> CreateToken(const std::string& user, const std::string& label);
  // The token's user, or nullopt for an unknown or revoked token.
  Result<std::optional<User>> UserByToken(std::string_view token);

  // A session of `user` valid for `lifetime_seconds`.
  Result<NewSession> CreateSession(const std::string& user, int64_t lifetime_seconds);
  // The session's user and CSRF token, or nullopt when unknown or expired.
  Result<std::optional<SessionUser>> FindSession(std::string_view id);
  Result<bool> DeleteSession(std::string_view id);

 private:
  explicit AccountStore(store::DatabaseHandle db) : db_(std::move(db)) {}

  Result<std::optional<User>> FindUserLocked(const std::string& name);

  std::mutex mutex_;
  store::DatabaseHandle db_;
};

}  // namespace treaty::http
