// `treaty user add` and `treaty token create`: accounts of the server (src/views/http).
#include <iostream>

#include "views/cli/commands.h"
#include "views/cli/ledger_setup.h"
#include "views/cli/subcommands.h"
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

struct TokenCreateOptions {
  std::string db = "var/treaty.sqlite";
  std::string user;
  std::string label = "api";
};

// The password: the first line of `in` (so that it never appears in a process list).
std::string ReadPassword(std::istream& in) {
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

int RunUserAdd(const UserAddOptions& options, std::istream& in, std::ostream& out,
               std::ostream& err) {
  const std::optional<http::Role> role = http::ParseRole(options.role);
  if (!role) {
    err << "--role: reader, recorder, reviewer or admin\n";
    return kExitBadInput;
  }
  if (!options.institution.empty()) {
    Result<ledger::KeysFile> keys =
        LoadKeysFile(KeysFilePath(PackageFolder(options.agreement, ""), options.keys_file));
    if (!keys.ok()) {
      err << "treaty user add: " << keys.error().ToString() << "\n";
      return kExitBadInput;
    }
    if (keys.value().FindInstitution(options.institution) == nullptr) {
      err << "--institution: \"" << options.institution << "\" is not in the keys file\n";
      return kExitBadInput;
    }
  }
  Result<std::unique_ptr<http::AccountStore>> store = http::AccountStore::Open(options.db);
  if (!store.ok()) {
    err << "treaty user add: " << store.error().ToString() << "\n";
    return kExitBadInput;
  }
  Result<http::User> user =
      store.value()->AddUser(options.name, ReadPassword(in), *role, options.institution);
  if (!user.ok()) {
    err << "treaty user add: " << user.error().ToString() << "\n";
    return kExitBadInput;
  }
  out << "added " << user.value().name << " (" << http::RoleName(user.value().role)
      << (user.value().institution.empty() ? "" : ", " + user.value().institution) << ")\n";
  return kExitOk;
}

int RunTokenCreate(const TokenCreateOptions& options, std::ostream& out, std::ostream& err) {
  Result<std::unique_ptr<http::AccountStore>> store = http::AccountStore::Open(options.db);
  if (!store.ok()) {
    err << "treaty token create: " << store.error().ToString() << "\n";
    return kExitBadInput;
  }
  Result<std::string> token = store.value()->CreateToken(options.user, options.label);
  if (!token.ok()) {
    err << "treaty token create: " << token.error().ToString() << "\n";
    return kExitBadInput;
  }
  out << token.value() << "\n";
  return kExitOk;
}

}  // namespace

Subcommand AddUserSubcommand(CLI::App& app) {
  auto options = std::make_shared<UserAddOptions>();
  CLI::App* command = app.add_subcommand("user", "Manage the server's users");
  command->require_subcommand(1);
  CLI::App* add = command->add_subcommand(
      "add",
      "Add a user; the password (at least 10 characters) is read from the first line of "
      "stdin");
  add->add_option("name", options->name, "user name")->required();
  add->add_option("--role", options->role, "reader, recorder, reviewer or admin")->required();
  add->add_option("--institution", options->institution,
                  "recorders: the institution (keys file id, e.g. lv-mod) they record for");
  add->add_option("--db", options->db, "SQLite file of the accounts")->capture_default_str();
  add->add_option("--agreement", options->agreement, "agreement whose keys file lists institutions")
      ->capture_default_str();
  add->add_option("--keys", options->keys_file, "keys file (default PACKAGE/ledger/keys.json)");
  return {command, [options](std::ostream& out, std::ostream& err) {
            return RunUserAdd(*options, std::cin, out, err);
          }};
}

Subcommand AddTokenSubcommand(CLI::App& app) {
  auto options = std::make_shared<TokenCreateOptions>();
  CLI::App* command = app.add_subcommand("token", "Manage API tokens");
  command->require_subcommand(1);
  CLI::App* create = command->add_subcommand(
      "create", "Create an API token for a user and print it (only its hash is stored)");
  create->add_option("user", options->user, "user name")->required();
  create->add_option("--label", options->label, "what the token is for")->capture_default_str();
  create->add_option("--db", options->db, "SQLite file of the accounts")->capture_default_str();
  return {command, [options](std::ostream& out, std::ostream& err) {
            return RunTokenCreate(*options, out, err);
          }};
}

}  // namespace treaty::views
