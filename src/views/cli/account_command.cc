// `treaty user add|list|role|password|lock` and `treaty token create|list|revoke`: accounts of the
// server (src/views/http).
#include <charconv>
#include <ctime>
#include <iostream>

#include <fmt/format.h>

#include "ledger/timestamp.h"

#include "views/cli/commands.h"
#include "views/cli/ledger_setup.h"
#include "views/cli/subcommands.h"
#include "views/cli/terminal.h"
#include "views/http/account_store.h"

namespace treaty::views {
namespace {

struct UserAddOptions {
  std::string db = "var/treaty.sqlite";
  std::string name;
  std::string role;
  std::string institution;
  std::string agreement = kDefaultAgreement;
  std::string keys_file;
};

struct TokenOptions {
  std::string db = "var/treaty.sqlite";
  std::string user;  // create: required; list: all users when empty
  std::string label = "api";
  std::string expires_in = std::to_string(http::kDefaultTokenDays);
  std::string id;  // revoke
};

// The password of user `name`: typed at a terminal, asked for twice and not shown, as passwd
// does; else the first line of `in` (so that it never appears in a process list). nullopt, said
// on `err` after `command`, when the two typed differ or `in` has no line at all.
std::optional<std::string> ReadNewPassword(const std::string& command, const std::string& name,
                                           std::istream& in, std::ostream& err) {
  if (&in == &std::cin && StdinIsTerminal()) {
    std::string password =
        ReadHiddenLine("Password for " + name + " (at least 10 characters): ", err);
    if (ReadHiddenLine("The same password again: ", err) != password) {
      err << "treaty user " << command << ": the two passwords differ; nothing was changed\n";
      return std::nullopt;
    }
    return password;
  }
  std::string line;
  if (!std::getline(in, line)) {
    err << "treaty user " << command
        << ": password: nothing on stdin; give it as its first line, or run at a terminal to be "
           "asked for it\n";
    return std::nullopt;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// The role of --role, its --institution found in the agreement's keys file; nullopt, said on
// `err` after `command`, otherwise.
std::optional<http::Role> CheckedRole(const std::string& command, const UserAddOptions& options,
                                      std::ostream& err) {
  const std::optional<http::Role> role = http::ParseRole(options.role);
  if (!role) {
    err << command << ": --role: reader, recorder, reviewer or admin\n";
    return std::nullopt;
  }
  if (!options.institution.empty()) {
    Result<ledger::KeysFile> keys = LoadKeysFile(
        KeysFilePath(PackageFolder(options.agreement, ""), options.keys_file), options.agreement);
    if (!keys.ok()) {
      err << command << ": " << keys.error().ToString() << "\n";
      return std::nullopt;
    }
    if (keys.value().FindInstitution(options.institution) == nullptr) {
      err << command << ": --institution: \"" << options.institution
          << "\" is not in the keys file\n";
      return std::nullopt;
    }
  }
  return role;
}

// "lauris (recorder, lv-mod)".
std::string UserText(const http::User& user) {
  return user.name + " (" + std::string(http::RoleName(user.role)) +
         (user.institution.empty() ? "" : ", " + user.institution) + ")";
}

int RunUserAdd(const UserAddOptions& options, std::istream& in, std::ostream& out,
               std::ostream& err) {
  const std::optional<http::Role> role = CheckedRole("treaty user add", options, err);
  if (!role) return kExitBadInput;
  Result<std::unique_ptr<http::AccountStore>> store = http::AccountStore::Open(options.db);
  if (!store.ok()) {
    err << "treaty user add: " << store.error().ToString() << "\n";
    return kExitBadInput;
  }
  const std::optional<std::string> password = ReadNewPassword("add", options.name, in, err);
  if (!password) return kExitBadInput;
  Result<http::User> user =
      store.value()->AddUser(options.name, *password, *role, options.institution);
  if (!user.ok()) {
    err << "treaty user add: " << user.error().ToString() << "\n";
    return kExitBadInput;
  }
  out << "added " << UserText(user.value()) << "\n";
  return kExitOk;
}

// `treaty user role NAME --role R [--institution I]`: another role, from the user's next request.
int RunUserRole(const UserAddOptions& options, std::ostream& out, std::ostream& err) {
  const std::optional<http::Role> role = CheckedRole("treaty user role", options, err);
  if (!role) return kExitBadInput;
  Result<std::unique_ptr<http::AccountStore>> store =
      http::AccountStore::Open(options.db, http::AccountTablesMissing::kRefuse);
  Result<http::User> user = store.ok()
                                ? store.value()->SetRole(options.name, *role, options.institution)
                                : Result<http::User>(store.error());
  if (!user.ok()) {
    err << "treaty user role: " << user.error().ToString() << "\n";
    return kExitBadInput;
  }
  out << "role of " << UserText(user.value()) << ", from their next request\n";
  return kExitOk;
}

// The lifetime in seconds `--expires-in` asks for: days, or "never" (nullopt). Errors: neither.
Result<std::optional<int64_t>> ParseExpiresIn(const std::string& text) {
  if (text == "never") return std::optional<int64_t>();
  int64_t days = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), days);
  if (error != std::errc() || end != text.data() + text.size()) days = 0;
  Result<int64_t> seconds = http::TokenLifetimeOfDays(days);
  if (!seconds.ok()) {
    return Error{fmt::format("{}, or never; got \"{}\"", seconds.error().message, text),
                 "--expires-in"};
  }
  return std::optional<int64_t>(seconds.value());
}

std::string TimeOrDash(const std::optional<int64_t>& seconds) {
  return seconds ? ledger::FormatTimestamp(*seconds * 1000000).substr(0, 19) + "Z" : "-";
}

// One line of `treaty token list`, of `revoke`, and of `create` on stderr.
std::string TokenLine(const http::TokenInfo& token) {
  return fmt::format("{}  {:<8} {:<16} created {}  expires {:<20}  {}", token.id,
                     http::TokenState(token, std::time(nullptr)), token.user,
                     TimeOrDash(token.created_at), TimeOrDash(token.expires_at), token.label);
}

int RunToken(const std::string& action, const TokenOptions& options, std::ostream& out,
             std::ostream& err) {
  const std::string command = "treaty token " + action;
  Result<std::optional<int64_t>> lifetime = std::optional<int64_t>();
  if (action == "create") lifetime = ParseExpiresIn(options.expires_in);
  if (!lifetime.ok()) {
    err << command << ": " << lifetime.error().ToString() << "\n";
    return kExitBadInput;
  }
  // Tokens belong to users that `treaty user add` made: no action makes empty accounts at a
  // mistyped --db.
  Result<std::unique_ptr<http::AccountStore>> store =
      http::AccountStore::Open(options.db, http::AccountTablesMissing::kRefuse);
  if (!store.ok()) {
    err << command << ": " << store.error().ToString() << "\n";
    return kExitBadInput;
  }
  if (action == "create") {
    Result<http::NewToken> token =
        store.value()->CreateToken(options.user, options.label, lifetime.value());
    if (!token.ok()) {
      err << command << ": " << token.error().ToString() << "\n";
      return kExitBadInput;
    }
    // The token alone on stdout, for scripts; what it is on stderr.
    out << token.value().token << "\n";
    err << TokenLine(token.value().info) << "\n";
    return kExitOk;
  }
  if (action == "list") {
    Result<std::vector<http::TokenInfo>> tokens = store.value()->Tokens(options.user);
    if (!tokens.ok()) {
      err << command << ": " << tokens.error().ToString() << "\n";
      return kExitBadInput;
    }
    for (const http::TokenInfo& token : tokens.value()) out << TokenLine(token) << "\n";
    return kExitOk;
  }
  Result<http::TokenInfo> revoked = store.value()->RevokeToken(options.id, "");
  if (!revoked.ok()) {
    err << command << ": " << revoked.error().ToString() << "\n";
    return kExitBadInput;
  }
  out << TokenLine(revoked.value()) << "\n";
  return kExitOk;
}

// `treaty user list`: one line per user, by name: name, role, institution ("-" for none) and
// whether they are locked out.
int RunUserList(const UserAddOptions& options, std::ostream& out, std::ostream& err) {
  Result<std::unique_ptr<http::AccountStore>> store =
      http::AccountStore::Open(options.db, http::AccountTablesMissing::kRefuse);
  Result<std::vector<http::ListedUser>> users =
      store.ok() ? store.value()->Users() : Result<std::vector<http::ListedUser>>(store.error());
  if (!users.ok()) {
    err << "treaty user list: " << users.error().ToString() << "\n";
    return kExitBadInput;
  }
  for (const http::ListedUser& listed : users.value()) {
    const http::User& user = listed.user;
    out << fmt::format("{:<24} {:<9} {:<16} {}\n", user.name, http::RoleName(user.role),
                       user.institution.empty() ? "-" : user.institution,
                       listed.locked ? "locked" : "active");
  }
  return kExitOk;
}

// `treaty user password NAME` and `treaty user lock NAME`: a new password (which unlocks), or a
// user locked out.
int RunUserChange(const std::string& action, const UserAddOptions& options, std::istream& in,
                  std::ostream& out, std::ostream& err) {
  Result<std::unique_ptr<http::AccountStore>> store =
      http::AccountStore::Open(options.db, http::AccountTablesMissing::kRefuse);
  if (!store.ok()) {
    err << "treaty user " << action << ": " << store.error().ToString() << "\n";
    return kExitBadInput;
  }
  Result<bool> changed = false;
  if (action == "password") {
    const std::optional<std::string> password = ReadNewPassword(action, options.name, in, err);
    if (!password) return kExitBadInput;
    changed = store.value()->SetPassword(options.name, *password);
  } else {
    changed = store.value()->Lock(options.name);
  }
  if (!changed.ok()) {
    err << "treaty user " << action << ": " << changed.error().ToString() << "\n";
    return kExitBadInput;
  }
  out << (action == "password" ? "new password for " : "locked out ") << options.name
      << (action == "password" ? "; their sessions ended\n"
                               : ": no password signs in, sessions ended, tokens revoked\n");
  return kExitOk;
}

}  // namespace

Subcommand AddUserSubcommand(CLI::App& app) {
  auto options = std::make_shared<UserAddOptions>();
  CLI::App* command = app.add_subcommand("user", "Manage the server's users");
  command->require_subcommand(1);
  CLI::App* add = command->add_subcommand(
      "add",
      "Add a user; the password (at least 10 characters) is asked for twice, not shown, at a "
      "terminal, and otherwise read from the first line of stdin");
  add->add_option("NAME", options->name,
                  "user name: lowercase letters of any alphabet, digits, '.', '_', '-'")
      ->required();
  CLI::App* list = command->add_subcommand("list",
                                           "List the users by name: name, role, institution, and "
                                           "locked (by `treaty user lock`) or active");
  list->add_option("--db", options->db, "the accounts' database: SQLite file or postgresql:// URL")
      ->capture_default_str();
  CLI::App* role = command->add_subcommand(
      "role",
      "Give a user another role (and a recorder's institution), from their next request on: "
      "their sessions and tokens stay");
  role->add_option("NAME", options->name, "user name")->required();
  // A role and its institution, checked against the agreement's keys file, as add and role take
  // them.
  for (CLI::App* with_role : {add, role}) {
    with_role->add_option("--role", options->role, "reader, recorder, reviewer or admin")
        ->required();
    with_role->add_option("--institution", options->institution,
                          "recorders: the institution (keys file id, e.g. lv-mod) they record for");
    with_role
        ->add_option("--db", options->db,
                     "the accounts' database: SQLite file or postgresql:// URL")
        ->capture_default_str();
    with_role
        ->add_option("--agreement", options->agreement,
                     "agreement whose keys file lists institutions")
        ->capture_default_str();
    with_role->add_option("--keys", options->keys_file,
                          "keys file (default PACKAGE/ledger/keys.json)");
  }
  CLI::App* password = command->add_subcommand(
      "password",
      "Give a user a new password (asked for as by add), ending their sessions; a locked user can "
      "sign in again");
  CLI::App* lock = command->add_subcommand(
      "lock",
      "Lock a user out, for someone who left: no password signs in, their sessions end and their "
      "API tokens are revoked, at once for every server on the database");
  for (CLI::App* change : {password, lock}) {
    change->add_option("NAME", options->name, "user name")->required();
    change
        ->add_option("--db", options->db,
                     "the accounts' database: SQLite file or postgresql:// URL")
        ->capture_default_str();
  }
  return {command, [options, add, list, role, password](std::ostream& out, std::ostream& err) {
            if (add->parsed()) return RunUserAdd(*options, std::cin, out, err);
            if (list->parsed()) return RunUserList(*options, out, err);
            if (role->parsed()) return RunUserRole(*options, out, err);
            return RunUserChange(password->parsed() ? "password" : "lock", *options, std::cin, out,
                                 err);
          }};
}

Subcommand AddTokenSubcommand(CLI::App& app) {
  auto options = std::make_shared<TokenOptions>();
  CLI::App* command = app.add_subcommand("token", "Manage API tokens");
  command->require_subcommand(1);
  CLI::App* create = command->add_subcommand(
      "create", "Create an API token for a user and print it (only its hash is stored)");
  create->add_option("USER", options->user, "user name")->required();
  create->add_option("--label", options->label, "what the token is for")->capture_default_str();
  create
      ->add_option("--expires-in", options->expires_in,
                   fmt::format("days until it expires (1 to {}), or never", http::kMaxTokenDays))
      ->capture_default_str();
  CLI::App* list = command->add_subcommand(
      "list", "List the tokens (id, state, user, times, label), of one user or of all");
  list->add_option("USER", options->user, "user name (default: every user)");
  CLI::App* revoke = command->add_subcommand(
      "revoke", "Revoke a token at once, by the id `treaty token list` shows");
  revoke->add_option("ID", options->id, "the token's id: 12 hex digits")->required();
  for (CLI::App* action : {create, list, revoke}) {
    action
        ->add_option("--db", options->db,
                     "the accounts' database: SQLite file or postgresql:// URL")
        ->capture_default_str();
  }
  return {command, [options, create, list](std::ostream& out, std::ostream& err) {
            const std::string action =
                create->parsed() ? "create" : (list->parsed() ? "list" : "revoke");
            return RunToken(action, *options, out, err);
          }};
}

}  // namespace treaty::views
