#include <algorithm>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "ledger/hash.h"
#include "ledger/import_reader.h"
#include "ledger/ledger_import.h"
#include "text/utf8.h"
#include "views/cli/commands.h"
#include "views/cli/error_list.h"
#include "views/cli/ledger_database.h"
#include "views/cli/ledger_setup.h"
#include "views/cli/progress_bar.h"
#include "views/cli/subcommands.h"
#include "views/cli/terminal.h"

namespace treaty::views {

int RunImport(const ImportOptions& options, std::ostream& out, std::ostream& err) {
  const std::string& file = options.file;
  std::string format = options.format;
  if (!options.profile.empty() && !format.empty() && format != "csv") {
    err << "treaty import: --format: the profile " << options.profile << " reads CSV, not "
        << format << "\n";
    return kExitBadInput;
  }
  // A file that is not there is said before anything about its name or the ledger.
  Result<std::string> text = text::ReadFile(file);
  if (!text.ok()) {
    err << "treaty import: " << text.error().ToString() << "\n";
    return kExitBadInput;
  }
  if (!options.profile.empty()) {
    format = "csv";
  } else if (format.empty()) {
    const std::string extension = std::filesystem::path(file).extension().string();
    if (extension == ".csv") format = "csv";
    if (extension == ".jsonl") format = "jsonl";
    if (format.empty()) {
      err << "treaty import: " << file
          << ": cannot tell the format from the extension; give --format csv or jsonl\n";
      return kExitBadInput;
    }
  }
  Result<std::unique_ptr<LedgerSetup>> setup = LoadLedgerSetup(options.ledger);
  if (!setup.ok()) {
    err << "treaty import: " << setup.error().ToString() << "\n";
    return kExitBadInput;
  }
  if (text::LooksLikeUtf16(text.value())) {
    err << "treaty import: " << file
        << ": the file is UTF-16: save it as UTF-8 (a spreadsheet's \"CSV UTF-8\")\n";
    return kExitBadInput;
  }
  const ledger::Hash file_hash = ledger::Sha256(text.value());
  ledger::AreaMap areas;
  ledger::ImportFormat import_format =
      format == "csv" ? ledger::ImportFormat::kCsv : ledger::ImportFormat::kJsonLines;
  if (options.profile == "reported-support") {
    import_format = ledger::ImportFormat::kReportedSupport;
    const std::string areas_file = setup.value()->package_folder + "/ledger/areas.json";
    Result<std::string> areas_text = text::ReadFile(areas_file);
    Result<ledger::AreaMap> parsed = areas_text.ok() ? ledger::ParseAreaMap(areas_text.value())
                                                     : Result<ledger::AreaMap>(areas_text.error());
    if (!parsed.ok()) {
      err << "treaty import: " << areas_file << ": " << parsed.error().ToString() << "\n";
      return kExitBadInput;
    }
    areas = std::move(parsed).value();
  }

  ProgressBar progress(err, options.progress, "rows");
  ledger::ImportReading reading =
      ledger::ReadImportFile(file, text.value(), import_format, setup.value()->context, areas);
  progress.Show("validated", static_cast<int64_t>(reading.rows.size()),
                static_cast<int64_t>(reading.rows.size()));
  progress.Finish();
  // The rows are checked against the ledger read as it is, so that a file with errors leaves no
  // new file or table behind: where there is no ledger yet, against an empty one in memory. Tables
  // of an earlier version cannot be read so; the writer's store brings them up to date first.
  Result<std::unique_ptr<ledger::LedgerStore>> checked = OpenLedgerStoreIfAny(options.ledger.db);
  if (checked.ok() && checked.value() == nullptr) checked = OpenLedgerStore(":memory:");
  if (!checked.ok()) checked = OpenLedgerStore(options.ledger.db);
  if (!checked.ok()) {
    err << "treaty import: " << checked.error().ToString() << "\n";
    return kExitBadInput;
  }
  // The rows that read well are checked against the store too, so that every error is listed.
  const ledger::ImportCheck check{options.ledger.agreement, &setup.value()->key,
                                  &setup.value()->keys};
  Result<std::vector<ledger::ImportError>> row_errors =
      ledger::CheckImportRows(*checked.value(), check, reading);
  if (!row_errors.ok()) {
    for (const ledger::ImportError& error : reading.errors) err << error.text << "\n";
    err << "treaty import: " << row_errors.error().ToString() << "\n";
    return kExitMismatch;
  }
  std::vector<ledger::ImportError> errors = std::move(reading.errors);
  errors.insert(errors.end(), row_errors.value().begin(), row_errors.value().end());
  std::stable_sort(errors.begin(), errors.end(), [](const auto& a, const auto& b) {
    return std::pair{a.line, a.column} < std::pair{b.line, b.column};
  });
  if (!errors.empty()) {
    std::vector<std::string> lines;
    for (const ledger::ImportError& error : errors) lines.push_back(error.text);
    WriteErrorList(lines, err);
    err << fmt::format("treaty import: {}: {} error{}; nothing was written\n", file, errors.size(),
                       errors.size() == 1 ? "" : "s");
    return kExitBadInput;
  }
  checked.value().reset();
  Result<std::unique_ptr<ledger::LedgerStore>> store = OpenLedgerStore(options.ledger.db);
  if (!store.ok()) {
    err << "treaty import: " << store.error().ToString() << "\n";
    return kExitBadInput;
  }
  // A pipe (/dev/stdin) was read once and cannot be read again, nor change.
  std::error_code ec;
  Result<std::string> again = std::filesystem::is_regular_file(file, ec)
                                  ? text::ReadFile(file)
                                  : Result<std::string>(text.value());
  if (!again.ok() || ledger::Sha256(again.value()) != file_hash) {
    err << "treaty import: " << file << ": the file changed while it was validated; nothing was "
        << "written\n";
    return kExitBadInput;
  }

  ledger::ImportWrite request;
  request.agreement = options.ledger.agreement;
  request.rows = &reading.rows;
  request.key = setup.value()->key;
  request.keys = &setup.value()->keys;
  request.batch_size = options.batch_size;
  size_t written = 0;
  progress.Restart();
  Result<ledger::ImportSummary> summary =
      ledger::WriteImport(*store.value(), request, [&](const ledger::ImportBatch& batch) {
        progress.Clear();
        out << batch.Line() << std::endl;  // flushed: the acknowledgement of §7.3
        written += static_cast<size_t>(batch.added + batch.already_recorded);
        progress.Show("written", static_cast<int64_t>(written),
                      static_cast<int64_t>(reading.rows.size()));
      });
  progress.Finish();
  if (!summary.ok()) {
    err << fmt::format("treaty import: {}: {}; {}\n", file, summary.error().message,
                       written > 0 ? "the earlier batches stay recorded" : "nothing was written");
    return kExitMismatch;
  }
  const ledger::ImportSummary& done = summary.value();
  out << fmt::format("imported {}: {} rows, {} added, {} already recorded; tree size {}, root {}",
                     file, done.rows, done.added, done.already_recorded, done.state.tree_size,
                     ledger::ToHex(done.state.root_hash))
      << std::endl;
  return kExitOk;
}

Subcommand AddImportSubcommand(CLI::App& app) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* command = app.add_subcommand(
      "import",
      "Import events from a CSV or JSON Lines file: the whole file is validated first (any error: "
      "nothing is written), then it is appended in batches, each acknowledged on stdout; a re-run "
      "skips what is already recorded");
  command->add_option("FILE", options->file, "CSV or JSON Lines file")->required();
  command->add_option("--format", options->format, "csv or jsonl (default: from the extension)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  command->add_option("--profile", options->profile, "column mapping of a known CSV file")
      ->check(CLI::IsMember({"reported-support"}));
  AddLedgerInputOptions(*command, options->ledger);
  command->add_option("--batch-size", options->batch_size, "rows per transaction, 1 to 10000")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  return {command, [options](std::ostream& out, std::ostream& err) {
            options->progress = StderrIsTerminal();
            return RunImport(*options, out, err);
          }};
}

}  // namespace treaty::views
