#include <memory>

#include "document/bundled_path.h"
#include "ledger/proof_file.h"
#include "text/utf8.h"
#include "views/cli/commands.h"
#include "views/cli/ledger_setup.h"
#include "views/cli/subcommands.h"

namespace treaty::views {

int RunVerifyProof(const VerifyProofOptions& options, std::ostream& out, std::ostream& err) {
  Result<std::string> text = text::ReadFile(options.file);
  if (!text.ok()) {
    err << "treaty verify-proof: " << options.file << ": file: " << text.error().message << "\n";
    return kExitBadInput;
  }
  // The proof comes from the other Participant: what it quotes of itself is shown with its control
  // characters visible. The proof names its agreement; VerifyProofFile holds the keys to it.
  Result<ledger::KeysFile> keys = LoadKeysFile(options.keys_file, "");
  if (!keys.ok()) {
    err << "treaty verify-proof: " << options.file << ": keys: " << keys.error().ToString() << "\n";
    return kExitBadInput;
  }
  std::vector<ledger::KnownHead> known;
  for (const std::string& file : options.known) {
    Result<std::string> known_text = text::ReadFile(file);
    Result<std::vector<ledger::KnownHead>> heads =
        known_text.ok() ? ledger::ReadKnownHeads(file, known_text.value(), keys.value())
                        : Result<std::vector<ledger::KnownHead>>(known_text.error());
    if (!heads.ok()) {
      err << "treaty verify-proof: " << options.file
          << ": known: " << text::VisibleControls(heads.error().ToString()) << "\n";
      return kExitBadInput;
    }
    known.insert(known.end(), heads.value().begin(), heads.value().end());
  }
  const ledger::ProofVerdict verdict = ledger::VerifyProofFile(text.value(), keys.value(), known);
  for (const std::string& warning : verdict.warnings) {
    err << "treaty verify-proof: warning: " << text::VisibleControls(warning) << "\n";
  }
  if (verdict.exit_code != 0) {
    err << "treaty verify-proof: " << options.file << ": " << verdict.category << ": "
        << text::VisibleControls(verdict.message) << "\n";
    return verdict.exit_code;
  }
  out << text::VisibleControls(verdict.message) << "\n";
  return kExitOk;
}

Subcommand AddVerifyProofSubcommand(CLI::App& app) {
  auto options = std::make_shared<VerifyProofOptions>();
  CLI::App* command = app.add_subcommand(
      "verify-proof",
      "Check a proof file of `treaty proof` or `treaty consistency` without the database: keys, "
      "signatures, the event, the path, and forks against heads held already");
  command->add_option("FILE", options->file, "proof file")->required();
  CLI::Option* keys =
      command->add_option("--keys", options->keys_file, "keys file")->capture_default_str();
  command->add_option("--known", options->known,
                      "a file with heads held already: a signed head or a proof file (repeat)");
  return {command, [options, keys](std::ostream& out, std::ostream& err) {
            if (keys->count() == 0) options->keys_file = document::BundledPath(options->keys_file);
            return RunVerifyProof(*options, out, err);
          }};
}

}  // namespace treaty::views
