#include <filesystem>
#include <functional>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "ledger/event_parser.h"
#include "ledger/hash.h"
#include "ledger/import_reader.h"
#include "ledger/ledger_store.h"
#include "text/utf8.h"
#include "views/cli/commands.h"
#include "views/cli/error_list.h"
#include "views/cli/ledger_database.h"
#include "views/cli/ledger_setup.h"
#include "views/cli/subcommands.h"

namespace treaty::views {
namespace {

// The flags that set one CSV column of docs/ledger-format.md §7.1 each, with their help.
struct FieldFlag {
  const char* column;
  const char* help;
};

constexpr FieldFlag kFieldFlags[] = {
    {"type",
     "event type: pledge, allocation, disbursement, delivery, training, meeting, notice, "
     "consultation_request, consultation_held or technical_agreement (a correction is recorded "
     "as JSON on stdin)"},
    {"subtype",
     "required for a meeting (strategic_dialogue, other), a notice (extension, termination, "
     "amendment_proposal, amendment_acceptance, authorised_institution) and a "
     "consultation_request (armed_attack, dispute, other)"},
    {"participant", "the Participant who acted: LV, UA or both"},
    {"date", "date of the fact, YYYY-MM-DD"},
    {"date_precision", "day, month or year"},
    {"occurred_at", "moment of the fact, RFC 3339 with seconds and an offset"},
    {"amount", "amount in major units (112000000.00)"},
    {"currency", "ISO 4217 currency of --amount"},
    {"quantity", "number of units delivered or trained"},
    {"unit", "unit of --quantity (drone, person, kg)"},
    {"item", "what was delivered"},
    {"period_from", "start of the period the money or goods are for"},
    {"period_to", "end of that period"},
    {"effective_date", "when a notice or technical agreement takes effect"},
    {"named_institution", "the institution an authorised-institution notice names"},
    {"responds_to", "id of the event this one answers"},
    {"description", "what happened, in words"},
    {"classification", "public or restricted"},
    {"idempotency_key", "key that makes a repeated record harmless (derived when absent)"},
    {"institution", "recording institution (default: the signing key's)"},
};

std::string FlagOf(const std::string& column) {
  std::string flag = "--" + column;
  for (char& c : flag)
    if (c == '_') c = '-';
  return flag;
}

// The flag that sets `column`.
std::string FlagOfColumn(const std::string& column) {
  if (column.starts_with("evidence")) return "--evidence";
  if (column == "commitments") return "--commitment";
  return FlagOf(column);
}

// Errors of the append as "SOURCE: PATH: MESSAGE", where "submissions[0].PATH" is the event's
// and SOURCE is "stdin", or the flag that gave the field (`flag_of_path`; "flags" for none).
std::string AppendMessage(const std::function<std::string(const std::string&)>& flag_of_path,
                          const Error& error) {
  std::string where = error.where;
  if (where.starts_with("submissions[0].")) where = where.substr(15);
  if (where.starts_with("submissions[0]")) where.clear();
  const std::string source = flag_of_path(where);
  return where.empty() ? fmt::format("{}: {}", source, error.message)
                       : fmt::format("{}: {}: {}", source, where, error.message);
}

bool IsInputError(const Error& error) {
  return error.where.starts_with("submissions[") || error.where == "recorded_by.institution";
}

// What makes `text`, all of stdin, no event to read at all: nothing (a call without flags that
// meant to give them), or UTF-16 (as some editors save text), which the JSON reader would
// report as a stray byte.
std::optional<std::string> StdinProblem(const std::string& text) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return "no event: give it as one JSON object on stdin, or its fields as flags "
           "(treaty record --help)";
  }
  if (text::LooksLikeUtf16(text)) {
    return "the text is UTF-16: save the event as UTF-8";
  }
  return std::nullopt;
}

}  // namespace

int RunRecord(const RecordOptions& options, std::istream& in, std::ostream& out,
              std::ostream& err) {
  Result<std::unique_ptr<LedgerSetup>> setup = LoadLedgerSetup(options.ledger);
  if (!setup.ok()) {
    err << "treaty record: " << setup.error().ToString() << "\n";
    return kExitBadInput;
  }
  const ledger::ValidationContext& context = setup.value()->context;
  const bool from_flags = !options.fields.empty() || !options.evidence.empty();
  std::set<std::string> file_columns;  // the evidence columns that --evidence-file gave
  const auto flag_of_column = [&file_columns](const std::string& column) {
    return file_columns.contains(column) ? "--evidence-file" : FlagOfColumn(column);
  };
  // The flag the user gave for the field at `path`; "flags" for a field no flag gave (a default).
  const auto flag_of_path = [&](const std::string& path) -> std::string {
    if (!from_flags) return "stdin";
    const std::string column = ledger::ColumnOfPath(path, ledger::ImportFormat::kCsv);
    if (path.empty() || (!options.fields.contains(column) && !file_columns.contains(column))) {
      return "flags";
    }
    return flag_of_column(column);
  };
  ledger::Event event;
  if (from_flags) {
    std::map<std::string, std::string> fields = options.fields;
    if (options.evidence.size() > ledger::kMaxEvidenceItems) {
      err << fmt::format("treaty record: {}: at most {} evidence items (§1.1), {} given\n",
                         options.evidence.back().file ? "--evidence-file" : "--evidence",
                         ledger::kMaxEvidenceItems, options.evidence.size());
      return kExitBadInput;
    }
    for (size_t i = 0; i < options.evidence.size(); ++i) {
      const RecordOptions::Evidence& item = options.evidence[i];
      const std::string suffix = i == 0 ? "" : fmt::format("_{}", i + 1);
      if (!item.file) {
        fields["evidence_reference" + suffix] = item.reference;
        continue;
      }
      // A file's reference is its name, not the path typed to reach it: the path means nothing
      // to the other Participant, and the same document reached by two paths must make the same
      // event, so that recording it again is recognised (§1.5).
      const std::string name = std::filesystem::path(item.reference).filename().string();
      // A reference is trimmed (§1.4): the name kept must be the file's own.
      if (ledger::TrimSpace(name) != name || name.empty()) {
        err << "treaty record: --evidence-file: \"" << item.reference
            << "\": a file name that is empty or begins or ends with a space cannot be a "
               "reference, which is trimmed; rename the file\n";
        return kExitBadInput;
      }
      fields["evidence_reference" + suffix] = name;
      Result<std::string> bytes = text::ReadFile(item.reference);
      if (!bytes.ok()) {
        err << "treaty record: --evidence-file: " << bytes.error().ToString() << "\n";
        return kExitBadInput;
      }
      fields["evidence_sha256" + suffix] = ledger::ToHex(ledger::Sha256(bytes.value()));
      file_columns.insert({"evidence_reference" + suffix, "evidence_sha256" + suffix});
    }
    ledger::FlatEvent flat = ledger::ParseFlatEvent(fields, context);
    std::vector<std::string> lines;
    for (const ledger::FlatError& error : flat.errors) {
      // A reference with no hash came from --evidence: say what it can take instead of the rule.
      constexpr std::string_view kHashColumn = "evidence_sha256";
      if (error.column.starts_with(kHashColumn) && !file_columns.contains(error.column)) {
        const std::string suffix = error.column.substr(kHashColumn.size());
        lines.push_back(fmt::format(
            "treaty record: --evidence: \"{}\" does not begin with http:// or https://: give a "
            "document with --evidence-file FILE, which computes its SHA-256",
            fields["evidence_reference" + suffix]));
        continue;
      }
      lines.push_back(fmt::format("treaty record: {}: {}: {}", flag_of_column(error.column),
                                  error.path, error.message));
    }
    WriteErrorList(lines, err);
    if (!flat.errors.empty()) return kExitBadInput;
    event = std::move(flat.event);
  } else {
    const std::string text(std::istreambuf_iterator<char>(in), {});
    if (std::optional<std::string> problem = StdinProblem(text)) {
      err << "treaty record: stdin: " << *problem << "\n";
      return kExitBadInput;
    }
    ledger::ParsedEvent parsed = ledger::ParseEventText(text, ledger::EventForm::kInput, context);
    std::vector<std::string> lines;
    for (const ledger::FieldError& error : parsed.errors) {
      lines.push_back("treaty record: stdin: " + error.ToString());
    }
    WriteErrorList(lines, err);
    if (!parsed.ok()) return kExitBadInput;
    event = std::move(parsed.event);
  }

  Result<std::unique_ptr<ledger::LedgerStore>> store = OpenLedgerStore(options.ledger.db);
  if (!store.ok()) {
    err << "treaty record: " << store.error().ToString() << "\n";
    return kExitBadInput;
  }
  ledger::AppendRequest request;
  request.agreement = event.agreement;
  request.key = setup.value()->key;
  request.keys = &setup.value()->keys;
  request.submissions.push_back(std::move(event));
  Result<ledger::AppendResult> appended = store.value()->Append(request);
  if (!appended.ok()) {
    // The input's faults are named by its source (a flag, stdin); the store's by the database.
    if (IsInputError(appended.error())) {
      err << "treaty record: " << AppendMessage(flag_of_path, appended.error()) << "\n";
      return kExitBadInput;
    }
    err << "treaty record: " << appended.error().ToString() << "\n";
    return kExitMismatch;
  }
  const ledger::AppendResult& result = appended.value();
  const ledger::AppendedEvent& recorded = result.events.front();
  out << recorded.id << "\n";
  if (recorded.already_recorded) {
    err << fmt::format("already recorded: event {} (leaf {})\n", recorded.id, recorded.leaf_index);
  } else {
    err << fmt::format("recorded as leaf {} of {}; tree size {}\n", recorded.leaf_index,
                       request.agreement, result.state.tree_size);
  }
  return kExitOk;
}

Subcommand AddRecordSubcommand(CLI::App& app) {
  auto options = std::make_shared<RecordOptions>();
  auto values = std::make_shared<std::map<std::string, std::string>>();
  auto commitments = std::make_shared<std::vector<std::string>>();
  auto evidence = std::make_shared<std::vector<std::string>>();
  CLI::App* command = app.add_subcommand(
      "record",
      "Record one event in the ledger, from flags or as one JSON object on stdin "
      "(docs/ledger-format.md §1.5); prints its id");
  AddLedgerInputOptions(*command, options->ledger);
  for (const FieldFlag& flag : kFieldFlags) {
    command->add_option(FlagOf(flag.column), (*values)[flag.column], flag.help);
  }
  CLI::Option* commitment =
      command->add_option("--commitment", *commitments, "commitment id (repeat for several)");
  command
      ->add_flag_callback(
          "--no-commitments", [options] { options->fields["commitments"] = ""; },
          "the event serves no commitment (a meeting, notice, consultation or technical agreement "
          "may)")
      ->excludes(commitment);
  auto evidence_files = std::make_shared<std::vector<std::string>>();
  CLI::Option* evidence_option =
      command
          ->add_option("--evidence", *evidence,
                       "http(s) URL of a public source (repeat for several)")
          ->allow_extra_args(false);
  CLI::Option* evidence_file_option =
      command
          ->add_option("--evidence-file", *evidence_files,
                       "a document file: its name (without its folder) is the reference, its "
                       "SHA-256 is computed")
          ->allow_extra_args(false);
  return {command, [options, values, commitments, evidence, evidence_files, command,
                    evidence_option, evidence_file_option](std::ostream& out, std::ostream& err) {
            for (const auto& [column, value] : *values) {
              if (!value.empty()) options->fields[column] = value;
            }
            std::string joined;
            for (const std::string& id : *commitments) joined += (joined.empty() ? "" : ";") + id;
            if (!joined.empty()) options->fields["commitments"] = joined;
            // The two evidence flags interleaved as typed: each occurrence takes one value.
            size_t url = 0, file = 0;
            for (const CLI::Option* given : command->parse_order()) {
              if (given == evidence_option && url < evidence->size()) {
                options->evidence.push_back({false, (*evidence)[url++]});
              } else if (given == evidence_file_option && file < evidence_files->size()) {
                options->evidence.push_back({true, (*evidence_files)[file++]});
              }
            }
            return RunRecord(*options, std::cin, out, err);
          }};
}

}  // namespace treaty::views
