#include "views/cli/ledger_setup.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "commitments/agreement_commitments.h"
#include "document/bundled_path.h"
#include "ledger/event_parser.h"
#include "ledger/keys.h"
#include "ledger/timestamp.h"

namespace treaty::views {
namespace {

// The reviewed commitments' ids when the stage provides them and there are some, else the proposed.
template <typename Commitments>
std::set<std::string> CommitmentIds(const Commitments& all) {
  std::set<std::string> ids;
  if constexpr (requires { all.reviewed.begin()->id; }) {
    for (const auto& commitment : all.reviewed) ids.insert(commitment.id);
    if (!ids.empty()) return ids;
  }
  for (const auto& commitment : all.proposed) ids.insert(commitment.id);
  return ids;
}

}  // namespace

void AddAgreementOptions(CLI::App& command, std::string& agreement, std::string& package,
                         const std::string& package_purpose, const std::string& agreement_help) {
  CLI::Option* agreement_option =
      command.add_option("--agreement", agreement, agreement_help)->capture_default_str();
  CLI::Option* package_option = command.add_option(
      "--package", package,
      "agreement package folder (default data/agreements/AGREEMENT)" + package_purpose);
  command.final_callback([agreement_option, package_option, &agreement, &package] {
    if (package_option->count() == 0) return;
    Result<document::AgreementPackage> read = document::LoadAgreementPackage(package);
    if (!read.ok()) throw CLI::ValidationError("--package", read.error().ToString());
    if (agreement_option->count() == 0) {
      agreement = read.value().id;
    } else if (agreement != read.value().id) {
      throw CLI::ValidationError(
          "--agreement", fmt::format("\"{}\", but the package {} is of \"{}\"", agreement, package,
                                     read.value().id));
    }
  });
}

void AddLedgerInputOptions(CLI::App& command, LedgerInputOptions& options) {
  command.add_option("--db", options.db, "SQLite file or postgresql:// URL")->capture_default_str();
  AddAgreementOptions(command, options.agreement, options.package);
  command.add_option("--keys", options.keys_file, "keys file (default PACKAGE/ledger/keys.json)");
  command.add_option("--key", options.key_file,
                     "private key file to sign with (default PACKAGE/ledger/demo-key.json)");
  command.add_option("--user", options.user, "who records (default: the login name)");
}

std::string PackageFolder(const std::string& agreement, const std::string& package) {
  return package.empty() ? document::BundledPath("data/agreements/" + agreement) : package;
}

Error NoPackageFolder(const std::string& agreement, const std::string& folder) {
  return Error{
      fmt::format("no agreement \"{}\": no package folder (give one with --package)", agreement),
      folder};
}

std::string KeysFilePath(const std::string& package_folder, const std::string& keys_file) {
  return keys_file.empty() ? package_folder + "/ledger/keys.json" : keys_file;
}

Result<ledger::KeysFile> LoadKeysFile(const std::string& path, const std::string& agreement,
                                      const std::vector<std::string>& participants) {
  Result<ledger::KeysFile> keys = ledger::LoadKeysFile(path, participants);
  if (!keys.ok()) return keys.error();
  if (!agreement.empty() && keys.value().agreement != agreement) {
    return Error{fmt::format("agreement: the keys are of \"{}\", not of {}", keys.value().agreement,
                             agreement),
                 path};
  }
  return keys;
}

std::vector<std::string> PartyCodes(const commitments::AgreementCommitments& agreement) {
  std::vector<std::string> codes;
  for (const document::Party& party : agreement.package.parties) codes.push_back(party.code);
  return codes;
}

Result<AgreementTerms> ReadAgreementTerms(const std::string& package_folder) {
  Result<commitments::AgreementCommitments> read =
      commitments::ExtractAgreementCommitments(package_folder);
  if (!read.ok()) return read.error();
  return AgreementTerms{CommitmentIds(read.value()), PartyCodes(read.value())};
}

std::string LoginName() {
  if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') return user;
  const passwd* entry = getpwuid(geteuid());
  return entry != nullptr && entry->pw_name != nullptr ? entry->pw_name : "";
}

Result<std::unique_ptr<LedgerSetup>> LoadLedgerSetup(const LedgerInputOptions& options) {
  auto setup = std::make_unique<LedgerSetup>();
  setup->package_folder = PackageFolder(options.agreement, options.package);
  if (!std::filesystem::is_directory(setup->package_folder)) {
    return NoPackageFolder(options.agreement, setup->package_folder);
  }
  Result<commitments::AgreementCommitments> read =
      commitments::ExtractAgreementCommitments(setup->package_folder);
  if (!read.ok()) return read.error();
  const std::vector<std::string> participants = PartyCodes(read.value());
  // An error in a file a flag named names the flag too.
  const auto given = [](const char* flag, const std::string& file, Error error) {
    if (!file.empty()) error.where = std::string(flag) + ": " + error.where;
    return error;
  };
  const std::string keys_file = KeysFilePath(setup->package_folder, options.keys_file);
  Result<ledger::KeysFile> keys = LoadKeysFile(keys_file, options.agreement, participants);
  if (!keys.ok()) return given("--keys", options.keys_file, keys.error());
  setup->keys = std::move(keys).value();
  const std::string key_file =
      options.key_file.empty() ? setup->package_folder + "/ledger/demo-key.json" : options.key_file;
  Result<ledger::PrivateKey> key = ledger::LoadSigningKey(key_file, setup->keys);
  if (!key.ok()) return given("--key", options.key_file, key.error());
  // A key that cannot sign now is said before any input is read, not when the first batch is
  // written.
  Result<const ledger::KeyEntry*> entry = ledger::MatchPrivateKey(key.value(), setup->keys);
  if (!entry.ok()) {
    return given("--key", options.key_file, Error{entry.error().message, key_file});
  }
  const std::string now = ledger::FormatTimestamp(ledger::NowMicros());
  if (std::string problem = ledger::KeyProblemAt(*entry.value(), now); !problem.empty()) {
    return given("--key", options.key_file, Error{problem + ": it cannot sign now", key_file});
  }
  setup->key = std::move(key).value();

  ledger::ValidationContext& context = setup->context;
  context.default_agreement = options.agreement;
  context.default_institution = setup->key.institution;
  // The user every event is recorded by unless it names its own (§1.1: one line, 1–100
  // characters, normalised as §1.4 says).
  const bool user_given = !options.user.empty();
  const std::string login = user_given ? options.user : LoginName();
  if (login.empty()) return Error{"not set, and the user id has no name: give --user", "$USER"};
  Result<std::string> user = ledger::NormalEventString(login, ledger::kRecordedByUserRule);
  if (user.ok() && user.value().empty()) user = Error{"empty", ""};
  if (!user.ok()) {
    const std::string& problem = user.error().message;
    if (user_given) return Error{problem, "--user"};
    return Error{"the login name is not a recorded_by.user (" + problem + "): give --user",
                 "$USER"};
  }
  context.default_user = std::move(user).value();
  context.known_agreements = std::set<std::string>{read.value().package.id};
  context.known_commitments = CommitmentIds(read.value());
  context.participants = participants;
  context.keys = &setup->keys;
  return setup;
}

}  // namespace treaty::views
