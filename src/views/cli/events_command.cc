#include <filesystem>
#include <map>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "ledger/ledger_store.h"
#include "ledger/timestamp.h"
#include "views/cli/commands.h"
#include "views/cli/ledger_database.h"
#include "views/cli/ledger_setup.h"
#include "views/cli/subcommands.h"
#include "views/export/corrections_seen.h"
#include "views/export/event_csv.h"
#include "views/export/ledger_entries.h"

namespace treaty::views {
namespace {

constexpr int64_t kPage = 10000;

// A commitment or institution filter that matches no event is refused when the agreement's
// package, read from its folder when there is one, does not know it either: a mistyped id, not an
// empty list. An id that events name but a later package dropped still lists them.
std::optional<std::string> UnknownCommitment(const EventsOptions& options,
                                             const std::string& commitment) {
  const std::string folder = PackageFolder(options.agreement, options.package);
  if (!std::filesystem::is_directory(folder)) return std::nullopt;
  Result<AgreementTerms> terms = ReadAgreementTerms(folder);
  if (!terms.ok()) return "the agreement's commitments cannot be read: " + terms.error().ToString();
  if (terms.value().commitment_ids.contains(commitment)) return std::nullopt;
  return fmt::format(
      "no event serves \"{}\", and it is no commitment of {} (`treaty commitments` lists them)",
      commitment, options.agreement);
}

std::optional<std::string> UnknownInstitution(const EventsOptions& options,
                                              const std::string& institution) {
  const std::string folder = PackageFolder(options.agreement, options.package);
  Result<ledger::KeysFile> keys = LoadKeysFile(KeysFilePath(folder, ""), options.agreement);
  if (!keys.ok() || keys.value().FindInstitution(institution) != nullptr) {
    return std::nullopt;
  }
  std::vector<std::string> ids;
  for (const ledger::Institution& institution : keys.value().institutions) {
    ids.push_back(institution.id);
  }
  return fmt::format("no event is recorded by \"{}\", and it is no institution of {} ({})",
                     institution, options.agreement, fmt::join(ids, ", "));
}

// "--FLAG: why" for the first commitment or institution filter of `filter` (checked) that no event
// has and the package does not know; nullopt when there is none.
std::optional<std::string> RefusedIdFilter(ledger::LedgerStore& store, const EventsOptions& options,
                                           const ledger::EventFilter& filter) {
  Result<std::vector<std::string>> unmatched = ledger::IdFiltersMatchingNoEvent(store, filter);
  if (!unmatched.ok()) return std::nullopt;
  for (const std::string& field : unmatched.value()) {
    std::optional<std::string> unknown = field == "commitment"
                                             ? UnknownCommitment(options, filter.commitment)
                                             : UnknownInstitution(options, filter.institution);
    if (unknown) return "--" + field + ": " + *unknown;
  }
  return std::nullopt;
}

}  // namespace

int RunEvents(const EventsOptions& options, std::ostream& out, std::ostream& err) {
  ledger::EventFilter given;
  given.agreement = options.agreement;
  given.type = options.type;
  given.commitment = options.commitment;
  given.date_from = options.date_from;
  given.date_to = options.date_to;
  given.institution = options.institution;
  given.classification = options.classification;
  Result<ledger::EventFilter> checked = ledger::CheckedEventFilter(std::move(given));
  if (!checked.ok()) {
    err << "treaty events: --" << checked.error().where << ": " << checked.error().message << "\n";
    return kExitBadInput;
  }
  ledger::EventFilter filter = std::move(checked).value();
  Result<std::unique_ptr<ledger::LedgerStore>> store = OpenExistingLedgerStore(options.db);
  if (!store.ok()) {
    err << "treaty events: " << store.error().ToString() << "\n";
    return kExitBadInput;
  }
  if (std::optional<std::string> unheld = UnheldAgreement(*store.value(), options.agreement)) {
    err << "treaty events: --agreement: " << *unheld << "\n";
    return kExitBadInput;
  }
  if (std::optional<std::string> refused = RefusedIdFilter(*store.value(), options, filter)) {
    err << "treaty events: " << *refused << "\n";
    return kExitBadInput;
  }
  if (options.format == "csv") out << EventCsvHeader();
  std::optional<CorrectionsByEvent> corrections;  // of the listed events, for CSV
  int64_t remaining = options.limit;
  for (;;) {
    filter.limit = remaining < 0 ? kPage : std::min(remaining, kPage);
    if (filter.limit == 0) break;
    Result<std::vector<ledger::StoredEvent>> page = store.value()->FindEvents(filter);
    if (!page.ok()) {
      err << "treaty events: " << page.error().ToString() << "\n";
      return kExitMismatch;
    }
    if (page.value().empty()) break;
    if (options.format == "csv") {
      Result<std::vector<LedgerEntry>> entries = RawEntries(page.value());
      if (!entries.ok()) {
        err << "treaty events: " << entries.error().ToString() << "\n";
        return kExitMismatch;
      }
      // Each event as recorded, with the ids of the corrections that name it, wherever they are
      // in the ledger, as the API names them: a withdrawn event is not read as standing. The
      // corrections are read once, with the first page.
      if (!corrections) {
        Result<CorrectionsByEvent> read =
            CorrectionsFrom(*store.value(), options.agreement, "", page.value().front().leaf_index,
                            evaluation::Audience::kAll);
        if (!read.ok()) {
          err << "treaty events: " << read.error().ToString() << "\n";
          return kExitMismatch;
        }
        corrections = std::move(read).value();
      }
      for (LedgerEntry& entry : entries.value()) {
        entry.corrected_by = CorrectionIds(*corrections, entry.event.id);
      }
      for (const LedgerEntry& entry : entries.value()) out << EventCsvRow(entry);
    } else {
      for (const ledger::StoredEvent& event : page.value()) out << event.canonical << "\n";
    }
    if (remaining > 0) remaining -= static_cast<int64_t>(page.value().size());
    if (static_cast<int64_t>(page.value().size()) < filter.limit) break;
    filter.begin = page.value().back().leaf_index + 1;
  }
  return kExitOk;
}

Subcommand AddEventsSubcommand(CLI::App& app) {
  auto options = std::make_shared<EventsOptions>();
  CLI::App* command = app.add_subcommand(
      "events",
      "List the ledger's events as recorded, in leaf order: JSON Lines of their canonical bytes "
      "(the leaf inputs) or CSV");
  command->add_option("--db", options->db, "SQLite file or postgresql:// URL")
      ->capture_default_str();
  AddAgreementOptions(*command, options->agreement, options->package,
                      ", to check --commitment and --institution");
  command->add_option("--format", options->format, "jsonl or csv")
      ->check(CLI::IsMember({"jsonl", "csv"}))
      ->capture_default_str();
  command->add_option("--type", options->type, "only events of this type");
  command->add_option("--commitment", options->commitment, "only events serving this commitment");
  command->add_option("--from", options->date_from, "only facts on or after this date");
  command->add_option("--to", options->date_to, "only facts on or before this date");
  command->add_option("--institution", options->institution, "only events recorded by it");
  command->add_option("--classification", options->classification, "public or restricted")
      ->check(CLI::IsMember({"public", "restricted"}));
  command->add_option("--limit", options->limit, "at most this many events (default: all)")
      ->check(LimitValidator());
  return {command, [options](std::ostream& out, std::ostream& err) {
            return RunEvents(*options, out, err);
          }};
}

}  // namespace treaty::views
