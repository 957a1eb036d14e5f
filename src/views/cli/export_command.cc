#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commitments/agreement_commitments.h"
#include "evaluation/instant.h"
#include "views/cli/commands.h"
#include "views/cli/ledger_database.h"
#include "views/cli/ledger_setup.h"
#include "views/cli/output_file.h"
#include "views/cli/status_evaluation.h"
#include "views/cli/subcommands.h"
#include "views/cli/terminal.h"
#include "views/export/event_csv.h"
#include "views/export/iati_writer.h"
#include "views/export/ledger_entries.h"
#include "views/export/workbook.h"

namespace treaty::views {
namespace {

// The folded events the export's audience may see; with `end`, of the leaves below it.
Result<std::vector<LedgerEntry>> ReadEntries(const ExportOptions& options,
                                             std::optional<int64_t> end = std::nullopt) {
  Result<std::unique_ptr<ledger::LedgerStore>> store = OpenLedgerStoreToRead(options.db);
  if (!store.ok()) return store.error();
  if (store.value() == nullptr) return std::vector<LedgerEntry>();
  Result<std::vector<LedgerEntry>> raw = ReadVisibleEntries(
      *store.value(), options.agreement,
      options.public_only ? evaluation::Audience::kPublic : evaluation::Audience::kAll, end);
  if (!raw.ok()) return raw.error();
  return FoldedEntries(std::move(raw).value());
}

// The status now, for the audience the export is for, of the package's commitments `agreement`.
Result<evaluation::AgreementStatus> StatusNow(const ExportOptions& options,
                                              const commitments::AgreementCommitments& agreement) {
  StatusOptions status_options;
  status_options.db = options.db;
  status_options.agreement = options.agreement;
  status_options.package = options.package;
  status_options.public_only = options.public_only;
  return EvaluateStatusFor(status_options, agreement);
}

// An export's bytes, and the number of events in it.
struct Exported {
  std::string bytes;
  size_t events = 0;     // read from the ledger, corrections applied
  std::string contents;  // what the file holds of them, when that is not one row per event
};

Result<Exported> Csv(const ExportOptions& options) {
  Result<std::vector<LedgerEntry>> entries = ReadEntries(options);
  if (!entries.ok()) return entries.error();
  return Exported{EventsCsv(entries.value()), entries.value().size(), ""};
}

// The workbook and the IATI file show the events of the ledger the status is of (its tree_size),
// however much it grows meanwhile.
Result<Exported> Workbook(const ExportOptions& options, const std::string& folder) {
  Result<commitments::AgreementCommitments> agreement =
      commitments::ExtractAgreementCommitments(folder);
  if (!agreement.ok()) return agreement.error();
  Result<evaluation::AgreementStatus> status = StatusNow(options, agreement.value());
  if (!status.ok()) return status.error();
  Result<std::vector<LedgerEntry>> entries = ReadEntries(options, status.value().tree_size);
  if (!entries.ok()) return entries.error();
  WorkbookOptions workbook;
  const document::AgreementPackage& package = agreement.value().package;
  workbook.title = DisplayTitle(package);
  workbook.status = &status.value();
  Result<std::string> bytes = WriteWorkbook(entries.value(), agreement.value().reviewed, workbook);
  if (!bytes.ok()) return bytes.error();
  return Exported{std::move(bytes).value(), entries.value().size(), ""};
}

Result<Exported> Iati(const ExportOptions& options, const std::string& folder) {
  Result<commitments::AgreementCommitments> agreement =
      commitments::ExtractAgreementCommitments(folder);
  if (!agreement.ok()) return agreement.error();
  Result<ledger::KeysFile> keys = LoadKeysFile(KeysFilePath(folder, options.keys_file),
                                               options.agreement, PartyCodes(agreement.value()));
  if (!keys.ok()) return keys.error();
  Result<evaluation::AgreementStatus> status = StatusNow(options, agreement.value());
  if (!status.ok()) return status.error();
  Result<std::vector<LedgerEntry>> entries = ReadEntries(options, status.value().tree_size);
  if (!entries.ok()) return entries.error();
  Result<IatiFile> file =
      WriteIatiActivities(agreement.value(), keys.value(), entries.value(), status.value());
  if (!file.ok()) return file.error();
  return Exported{std::move(file.value().xml), entries.value().size(), file.value().Contents()};
}

}  // namespace

int RunExport(const ExportOptions& options, std::ostream& out, std::ostream& err) {
  const std::string folder = PackageFolder(options.agreement, options.package);
  if (!std::filesystem::is_directory(folder)) {
    err << "treaty export: " << NoPackageFolder(options.agreement, folder).ToString() << "\n";
    return kExitBadInput;
  }
  if (!options.keys_file.empty() && options.format != "iati") {
    err << fmt::format("treaty export: --keys: {}: only the iati format names institutions\n",
                       options.keys_file);
    return kExitBadInput;
  }
  if (options.format == "xlsx" && options.output.empty() && &out == &std::cout &&
      StdoutIsTerminal()) {
    err << "treaty export: xlsx: a workbook is binary; write it to a file with --output FILE or "
           "redirect standard output\n";
    return kExitBadInput;
  }
  const Result<Exported> exported = options.format == "csv"    ? Csv(options)
                                    : options.format == "xlsx" ? Workbook(options, folder)
                                                               : Iati(options, folder);
  if (!exported.ok()) {
    err << "treaty export: " << exported.error().ToString() << "\n";
    return kExitBadInput;
  }
  return WriteOutput("export", options.output, exported.value().bytes,
                     exported.value().contents.empty()
                         ? fmt::format("{}: {} events", options.format, exported.value().events)
                         : fmt::format("{}: {} of {} events", options.format,
                                       exported.value().contents, exported.value().events),
                     out, err);
}

Subcommand AddExportSubcommand(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* command = app.add_subcommand(
      "export",
      "The ledger, corrections applied, as CSV (one row per event), an XLSX workbook (events, "
      "and commitments with their status now) or IATI 2.03 activity XML (the financial "
      "commitments and their transactions)");
  command->add_option("FORMAT", options->format, "csv, xlsx or iati")
      ->required()
      ->check(CLI::IsMember({"csv", "xlsx", "iati"}));
  command->add_option("--db", options->db, "SQLite file or postgresql:// URL")
      ->capture_default_str();
  AddAgreementOptions(*command, options->agreement, options->package);
  command->add_option("--keys", options->keys_file,
                      "iati only: keys file naming the institutions (default "
                      "PACKAGE/ledger/keys.json)");
  command->add_option("--output,-o", options->output, "write to FILE instead of stdout");
  command->add_flag("--public", options->public_only,
                    "leave out restricted events, as a reader without access sees it");
  return {command, [options](std::ostream& out, std::ostream& err) {
            return RunExport(*options, out, err);
          }};
}

}  // namespace treaty::views
