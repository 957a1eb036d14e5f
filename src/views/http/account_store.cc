#include "views/http/account_store.h"

#include <sodium.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <ctime>
#include <vector>

#include <fmt/format.h>

#include "ledger/event_parser.h"
#include "ledger/hash.h"
#include "text/utf8.h"
#include "views/http/account_tables.h"
#include "views/http/ledger_database.h"

namespace treaty::http {
namespace {

std::string RandomHex(size_t bytes) {
  std::vector<uint8_t> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  return ledger::BytesToHex(raw.data(), raw.size());
}

std::string HashOf(std::string_view secret) { return ledger::ToHex(ledger::Sha256(secret)); }

// A user name as AddUser stores it (NFC), or nullopt when `name` is not one: 1 to 64 letters
// that lowercasing leaves unchanged (of any alphabet: users sign events, whose recorded_by.user is
// any one-line text), ASCII digits, '.', '_' and '-', starting with a letter or digit.
std::optional<std::string> UserName(const std::string& name) {
  if (text::FindInvalidUtf8(name)) return std::nullopt;
  Result<std::string> normal = ledger::NormalEventString(name, {kMaxUserNameCharacters, false});
  if (!normal.ok() || normal.value().empty()) return std::nullopt;
  const std::string& text = normal.value();
  for (size_t pos = 0; pos < text.size();) {
    const bool first = pos == 0;
    const auto c = static_cast<UChar32>(text::DecodeAt(text, pos));
    const bool letter = u_isalpha(c) && !u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_LOWERCASED);
    const bool digit = c >= '0' && c <= '9';
    const bool punctuation = c == '.' || c == '_' || c == '-';
    if (!letter && !digit && (first || !punctuation)) return std::nullopt;
  }
  return text;
}

// The stored hash of a locked user: not crypto_pwhash_str's form, so no password verifies it.
constexpr char kLockedHash[] = "!locked";

// A stored user as the lists show them: whether Lock locked them out, without the hash.
ListedUser Listed(StoredUser stored) {
  return {std::move(stored.user), stored.password_hash == kLockedHash};
}

// Recorders record for an institution, and no one else has one.
std::optional<Error> InstitutionProblem(Role role, const std::string& institution) {
  if (role == Role::kRecorder && institution.empty()) {
    return Error{"a recorder records for an institution: give one", "institution"};
  }
  if (role != Role::kRecorder && !institution.empty()) {
    return Error{"only recorders have an institution", "institution"};
  }
  return std::nullopt;
}

// crypto_pwhash_str's text of `password`. Errors (where "password"): one shorter than
// kMinPasswordLength, and memory the hashing cannot have.
Result<std::string> PasswordHash(const std::string& password) {
  if (password.size() < kMinPasswordLength) {
    return Error{"a password has at least 10 characters", "password"};
  }
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Error{"out of memory hashing the password", "password"};
  }
  return std::string(hash);
}

}  // namespace

std::string StoredName(const std::string& name) { return UserName(name).value_or(name); }

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

Result<std::unique_ptr<AccountStore>> AccountStore::Open(const std::string& db,
                                                         AccountTablesMissing missing) {
  ledger::InitSodium();
  Result<std::unique_ptr<AccountTables>> tables = IsPostgresUrl(db)
                                                      ? OpenPostgresAccountTables(db, missing)
                                                      : OpenSqliteAccountTables(db, missing);
  if (!tables.ok()) return tables.error();
  return std::unique_ptr<AccountStore>(new AccountStore(std::move(tables).value()));
}

AccountStore::AccountStore(std::unique_ptr<AccountTables> tables) : tables_(std::move(tables)) {}

AccountStore::~AccountStore() = default;

Result<User> AccountStore::AddUser(const std::string& given_name, const std::string& password,
                                   Role role, const std::string& institution) {
  const std::optional<std::string> name = UserName(given_name);
  if (!name) {
    return Error{
        "a user name is 1-64 lowercase letters of any alphabet (jānis.bērziņš, олена), "
        "digits 0-9, '.', '_' and '-', starting with a letter or digit",
        "name"};
  }
  Result<std::string> hash = PasswordHash(password);
  if (!hash.ok()) return hash.error();
  if (std::optional<Error> problem = InstitutionProblem(role, institution)) return *problem;
  const User user{*name, role, institution};
  std::lock_guard lock(mutex_);
  Result<bool> inserted = tables_->InsertUser(user, hash.value(), std::time(nullptr));
  if (!inserted.ok()) return inserted.error();
  if (!inserted.value()) return Error{"the user \"" + *name + "\" exists already", "name"};
  return user;
}

Result<User> AccountStore::SetRole(const std::string& name, Role role,
                                   const std::string& institution) {
  if (std::optional<Error> problem = InstitutionProblem(role, institution)) return *problem;
  const std::string stored = StoredName(name);
  std::lock_guard lock(mutex_);
  Result<bool> updated = tables_->UpdateRole(stored, role, institution);
  if (!updated.ok()) return updated.error();
  if (!updated.value()) return Error{"no user \"" + name + "\"", "name"};
  return User{stored, role, institution};
}

Result<bool> AccountStore::SetPassword(const std::string& name, const std::string& password) {
  Result<std::string> hash = PasswordHash(password);
  if (!hash.ok()) return hash.error();
  std::lock_guard lock(mutex_);
  Result<bool> replaced =
      tables_->ReplacePassword(StoredName(name), hash.value(), false, std::time(nullptr));
  if (!replaced.ok()) return replaced.error();
  if (!replaced.value()) return Error{"no user \"" + name + "\"", "name"};
  return true;
}

Result<bool> AccountStore::Lock(const std::string& name) {
  std::lock_guard lock(mutex_);
  Result<bool> replaced =
      tables_->ReplacePassword(StoredName(name), kLockedHash, true, std::time(nullptr));
  if (!replaced.ok()) return replaced.error();
  if (!replaced.value()) return Error{"no user \"" + name + "\"", "name"};
  return true;
}

Result<std::optional<ListedUser>> AccountStore::FindUser(const std::string& name) {
  std::lock_guard lock(mutex_);
  Result<std::optional<StoredUser>> found = tables_->FindUser(StoredName(name));
  if (!found.ok()) return found.error();
  if (!found.value()) return std::optional<ListedUser>();
  return std::optional<ListedUser>(Listed(std::move(*found.value())));
}

Result<std::vector<ListedUser>> AccountStore::Users() {
  Result<std::vector<StoredUser>> stored = [&] {
    std::lock_guard lock(mutex_);
    return tables_->Users();
  }();
  if (!stored.ok()) return stored.error();
  std::vector<ListedUser> users;
  for (StoredUser& found : stored.value()) {
    users.push_back(Listed(std::move(found)));
  }
  return users;
}

Result<std::optional<User>> AccountStore::CheckPassword(const std::string& name,
                                                        const std::string& password) {
  Result<std::optional<StoredUser>> found = [&] {
    std::lock_guard lock(mutex_);
    return tables_->FindUser(StoredName(name));
  }();
  if (!found.ok()) return found.error();
  if (!found.value()) {
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
  const StoredUser& stored = *found.value();
  if (crypto_pwhash_str_verify(stored.password_hash.c_str(), password.data(), password.size()) !=
      0) {
    return std::optional<User>();
  }
  return std::optional<User>(stored.user);
}

Result<NewToken> AccountStore::CreateToken(const std::string& user, const std::string& label,
                                           std::optional<int64_t> lifetime_seconds) {
  if (lifetime_seconds && (*lifetime_seconds < 0 || *lifetime_seconds > kMaxTokenSeconds)) {
    return Error{fmt::format("a token lives from 0 to {} days", kMaxTokenDays), "lifetime"};
  }
  // The rule of an event's one-line strings: normalised, no control characters.
  Result<std::string> normal = ledger::NormalEventString(label, {kMaxTokenLabelCharacters, false});
  if (!normal.ok() || normal.value().empty()) {
    return Error{fmt::format("a text of 1 to {} characters, without control characters",
                             kMaxTokenLabelCharacters),
                 "label"};
  }
  std::lock_guard lock(mutex_);
  Result<std::optional<StoredUser>> found = tables_->FindUser(StoredName(user));
  if (!found.ok()) return found.error();
  if (!found.value()) return Error{"no user \"" + user + "\"", "user"};
  // A token whose id another has is drawn again, so that an id names one token, whichever
  // process made them.
  for (int attempt = 0; attempt < 3; ++attempt) {
    NewToken created;
    created.token = "trt_" + RandomHex(32);
    const std::string hash = HashOf(created.token);
    created.info = TokenInfo{hash.substr(0, kTokenIdDigits),
                             found.value()->user.name,
                             normal.value(),
                             std::time(nullptr),
                             std::nullopt,
                             std::nullopt};
    if (lifetime_seconds) created.info.expires_at = created.info.created_at + *lifetime_seconds;
    Result<bool> inserted = tables_->InsertToken(hash, created.info);
    if (!inserted.ok()) return inserted.error();
    if (inserted.value()) return created;
  }
  return Error{"create token: three new tokens had the ids of others", "accounts"};
}

Result<std::optional<User>> AccountStore::UserByToken(std::string_view token) {
  std::lock_guard lock(mutex_);
  return tables_->UserByTokenHash(HashOf(token), std::time(nullptr));
}

Result<std::vector<TokenInfo>> AccountStore::Tokens(const std::string& user) {
  std::lock_guard lock(mutex_);
  if (user.empty()) return tables_->Tokens("");
  Result<std::optional<StoredUser>> found = tables_->FindUser(StoredName(user));
  if (!found.ok()) return found.error();
  if (!found.value()) return Error{"no user \"" + user + "\"", "user"};
  return tables_->Tokens(found.value()->user.name);
}

Result<TokenInfo> AccountStore::RevokeToken(const std::string& id, const std::string& owner) {
  if (!IsTokenId(id)) {
    return Error{"a token id is 12 hex digits, as `treaty token list` shows", "id"};
  }
  std::lock_guard lock(mutex_);
  Result<std::optional<TokenInfo>> revoked = tables_->RevokeToken(id, owner, std::time(nullptr));
  if (!revoked.ok()) return revoked.error();
  if (!revoked.value()) {
    return Error{"no token " + (owner.empty() ? "" : "of " + owner + " ") + "has the id " + id,
                 "id"};
  }
  return *revoked.value();
}

Result<NewSession> AccountStore::CreateSession(const std::string& user, int64_t lifetime_seconds) {
  NewSession session{RandomHex(32), RandomHex(32)};
  const int64_t now = std::time(nullptr);
  std::lock_guard lock(mutex_);
  Result<bool> inserted =
      tables_->InsertSession(HashOf(session.id), user, session.csrf, now + lifetime_seconds, now);
  if (!inserted.ok()) return inserted.error();
  return session;
}

Result<std::optional<SessionUser>> AccountStore::FindSession(std::string_view id) {
  std::lock_guard lock(mutex_);
  return tables_->FindSession(HashOf(id), std::time(nullptr));
}

Result<bool> AccountStore::DeleteSession(std::string_view id) {
  std::lock_guard lock(mutex_);
  return tables_->DeleteSession(HashOf(id));
}

}  // namespace treaty::http
