// What the ledger commands read besides the store: the agreement's package (its party codes and
// commitment ids), the keys file, the private key and the user, each with the defaults of
// docs/ledger-format.md §1.5 and §4.4.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "commitments/agreement_commitments.h"
#include "core/result.h"
#include "ledger/event_parser.h"
#include "ledger/keys.h"
#include "text/source_reader.h"
#include "views/cli/commands.h"

namespace treaty::views {

// Adds --agreement (default: `agreement` as given, kDefaultAgreement for most commands) and
// --package (default data/agreements/AGREEMENT) to `command`, bound to `agreement` and `package`. A
// package given without --agreement sets the agreement to the package's own id; both given must
// name the same agreement, else the command line is refused naming --agreement. A package given
// that cannot be read is refused too. `package_purpose` ends the --package help; `agreement_help`
// is the --agreement help.
void AddAgreementOptions(CLI::App& command, std::string& agreement, std::string& package,
                         const std::string& package_purpose = "",
                         const std::string& agreement_help = "agreement id");

// Adds --db, --agreement, --package, --keys, --key and --user, bound to `options`.
void AddLedgerInputOptions(CLI::App& command, LedgerInputOptions& options);

// The package folder and keys file path with their defaults filled in: the bundled package of
// `agreement` (document::BundledPath) when `package` is empty.
std::string PackageFolder(const std::string& agreement, const std::string& package);
// The error for a package `folder` of `agreement` that is no folder.
Error NoPackageFolder(const std::string& agreement, const std::string& folder);
std::string KeysFilePath(const std::string& package_folder, const std::string& keys_file);

// Reads and checks a keys file: it must be of `agreement` (not checked when empty), and its
// institutions' participants among `participants` (the package's party codes) when given.
Result<ledger::KeysFile> LoadKeysFile(const std::string& path, const std::string& agreement,
                                      const std::vector<std::string>& participants = {});

struct LedgerSetup {
  std::string package_folder;
  ledger::KeysFile keys;
  ledger::PrivateKey key;
  ledger::ValidationContext context;  // agreement, commitments, participants, keys, defaults
};

// Loads the package (commitment ids: the reviewed commitments when there are, else the proposed
// ones), the keys file and the private key, and checks the key against the keys file. The
// returned context points into the returned object's `keys`: keep the object where it is.
// Errors name the file.
Result<std::unique_ptr<LedgerSetup>> LoadLedgerSetup(const LedgerInputOptions& options);

// The codes of the agreement's parties, for keys files and events' `participant`.
std::vector<std::string> PartyCodes(const commitments::AgreementCommitments& agreement);

// What the ledger's checks take from the agreement in `package_folder`.
struct AgreementTerms {
  std::set<std::string> commitment_ids;
  std::vector<std::string> participants;  // the parties' codes
};
Result<AgreementTerms> ReadAgreementTerms(const std::string& package_folder);

// Who runs the command: $USER, else the name of the process's user id; empty when neither is
// known (a user id without a name), so that no event is recorded by a made-up user.
std::string LoginName();

}  // namespace treaty::views
