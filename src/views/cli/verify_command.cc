#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "ledger/verify.h"
#include "text/utf8.h"
#include "views/cli/commands.h"
#include "views/cli/ledger_database.h"
#include "views/cli/ledger_setup.h"
#include "views/cli/progress_bar.h"
#include "views/cli/subcommands.h"
#include "views/cli/terminal.h"

namespace treaty::views {

int RunLedgerVerify(const LedgerVerifyOptions& options, std::ostream& out, std::ostream& err) {
  Result<std::unique_ptr<ledger::LedgerStore>> store = OpenExistingLedgerStore(options.db);
  if (!store.ok()) {
    err << "treaty verify: " << store.error().ToString() << "\n";
    return kExitBadInput;
  }
  Result<std::vector<std::string>> listed = store.value()->ListLedgers();
  if (!listed.ok()) {
    err << "treaty verify: " << listed.error().ToString() << "\n";
    return kExitBadInput;
  }
  // Nothing to verify is no success: a ledger emptied by hand must not pass a script's check.
  if (listed.value().empty()) {
    err << "treaty verify: " << DatabaseName(options.db)
        << ": holds no ledger: its ledger tables hold no agreement's events\n";
    return kExitBadInput;
  }
  std::vector<std::string> agreements;
  if (options.agreement.empty()) {
    agreements = listed.value();
  } else if (std::optional<std::string> unheld =
                 UnheldAgreement(*store.value(), options.agreement)) {
    err << "treaty verify: --agreement: " << text::VisibleControls(*unheld) << "\n";
    return kExitBadInput;
  } else {
    agreements.push_back(options.agreement);
  }
  // Each agreement is verified: one whose keys cannot be read does not hide the others. A
  // mismatch anywhere exits 1, before a keys file that could not be read (2).
  bool unreadable = false;
  bool mismatch = false;
  for (const std::string& agreement : agreements) {
    const std::string package = PackageFolder(agreement, options.package);
    Result<AgreementTerms> terms = ReadAgreementTerms(package);
    Result<ledger::KeysFile> keys =
        options.keys_file.empty() && !std::filesystem::is_directory(package)
            ? Result<ledger::KeysFile>(NoPackageFolder(agreement, package))
            : LoadKeysFile(KeysFilePath(package, options.keys_file), agreement,
                           terms.ok() ? terms.value().participants : std::vector<std::string>());
    if (!keys.ok()) {
      err << "treaty verify: " << text::VisibleControls(agreement + ": " + keys.error().ToString())
          << "\n";
      unreadable = true;
      continue;
    }
    ledger::VerifyOptions verify;
    verify.keys = &keys.value();
    if (terms.ok()) {
      verify.known_commitments = std::move(terms.value().commitment_ids);
      verify.participants = terms.value().participants;
    }
    ProgressBar events(err, options.progress, "events");
    ProgressBar commitment_rows(err, options.progress, "rows");
    bool rows_started = false;
    if (options.progress) {
      verify.progress = [&](ledger::VerifyStage stage, int64_t done, int64_t total) {
        if (stage == ledger::VerifyStage::kEvents) {
          events.Show("verify " + text::VisibleControls(agreement), done, total);
        } else {
          if (!rows_started) {
            events.Finish();
            commitment_rows.Restart();
            rows_started = true;
          }
          commitment_rows.Show("event_commitments", done, total);
        }
      };
    }
    Result<ledger::VerifyReport> report = ledger::VerifyLedger(*store.value(), agreement, verify);
    events.Finish();
    commitment_rows.Finish();
    // Stored values quoted in a line are the database's, which verify does not trust: their
    // control characters are shown, not sent to the terminal.
    if (!report.ok()) {
      err << "treaty verify: " << text::VisibleControls(report.error().ToString()) << "\n";
      return kExitBadInput;
    }
    for (const std::string& warning : report.value().warnings) {
      err << "treaty verify: warning: " << text::VisibleControls(warning) << "\n";
    }
    out << text::VisibleControls(report.value().Line()) << "\n";
    mismatch = mismatch || !report.value().ok();
  }
  if (mismatch) return kExitMismatch;
  return unreadable ? kExitBadInput : kExitOk;
}

Subcommand AddVerifySubcommand(CLI::App& app) {
  auto options = std::make_shared<LedgerVerifyOptions>();
  CLI::App* command = app.add_subcommand(
      "verify",
      "Recompute every event, hash, cached node, root and signed tree head of the ledger; name "
      "the first that does not match (exit 1)");
  command->add_option("--db", options->db, "SQLite file or postgresql:// URL")
      ->capture_default_str();
  AddAgreementOptions(*command, options->agreement, options->package,
                      ": its commitments and keys file", "only this agreement's ledger");
  command->add_option("--keys", options->keys_file, "keys file (default PACKAGE/ledger/keys.json)");
  return {command, [options](std::ostream& out, std::ostream& err) {
            options->progress = StderrIsTerminal();
            return RunLedgerVerify(*options, out, err);
          }};
}

}  // namespace treaty::views
