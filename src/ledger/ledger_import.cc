#include "ledger/ledger_import.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "ledger/hash.h"
#include "ledger/merkle_tree.h"
#include "ledger/submission_checks.h"

namespace treaty::ledger {
namespace {

constexpr int64_t kReadChunk = 10000;

struct KnownKey {
  Hash content_hash{};
  std::string id;
  int64_t leaf_index = -1;  // -1: a row of the file, not yet stored
  int line = 0;
};

}  // namespace

std::string ImportBatch::Line() const {
  return fmt::format("batch {}: lines {}-{}: {} added, {} already recorded; tree size {}", number,
                     first_line, last_line, added, already_recorded, tree_size);
}

Result<std::vector<ImportError>> CheckImportRows(LedgerStore& store, const ImportCheck& check,
                                                 const ImportReading& reading) {
  const std::vector<ImportRow>& rows = reading.rows;
  std::map<std::pair<std::string, std::string>, KnownKey> known;
  std::set<std::string> institutions;
  for (const ImportRow& row : rows) institutions.insert(row.event.recorded_by.institution);
  for (const std::string& institution : institutions) {
    EventFilter filter;
    filter.agreement = check.agreement;
    filter.institution = institution;
    filter.limit = kReadChunk;
    for (;;) {
      Result<std::vector<StoredEvent>> events = store.FindEvents(filter);
      if (!events.ok()) return events.error();
      for (const StoredEvent& event : events.value()) {
        known[{event.institution, event.idempotency_key}] =
            KnownKey{event.content_hash, event.id, event.leaf_index, 0};
      }
      if (static_cast<int64_t>(events.value().size()) < kReadChunk) break;
      filter.begin = events.value().back().leaf_index + 1;
    }
  }
  // Rows name stored events only: a row's id is assigned when it is appended.
  std::map<std::string, std::optional<Referenced>> referenced;
  const ReferenceLookup lookup = [&](const std::string& id) -> Result<std::optional<Referenced>> {
    auto found = referenced.find(id);
    if (found != referenced.end()) return found->second;
    Result<std::optional<StoredEvent>> event = store.EventById(id);
    if (!event.ok()) return event.error();
    std::optional<Referenced> ref;
    if (event.value() && event.value()->agreement == check.agreement) {
      ref = ReferencedFromRow(*event.value());
    }
    return referenced.emplace(id, std::move(ref)).first->second;
  };
  std::vector<ImportError> errors;
  auto refuse = [&](const ImportRow& row, const Error& problem) {
    errors.push_back(reading.ErrorOf(row, FieldError{problem.where, problem.message}));
  };
  for (const ImportRow& row : rows) {
    if (std::optional<Error> problem = SubmissionProblem(row.event, check.agreement, *check.key)) {
      refuse(row, *problem);
      continue;
    }
    if (std::optional<Error> sender = NoticeSenderProblem(row.event, *check.keys)) {
      refuse(row, *sender);
      continue;
    }
    Result<std::optional<Error>> references =
        ReferenceProblem(row.event, check.agreement, *check.keys, lookup);
    if (!references.ok()) return references.error();
    if (references.value()) {
      refuse(row, *references.value());
      continue;
    }
    Result<Hash> hash = ContentHash(row.event);
    if (!hash.ok()) return hash.error();
    const std::pair key{row.event.recorded_by.institution, row.event.idempotency_key};
    auto [it, inserted] = known.emplace(key, KnownKey{hash.value(), "", -1, row.line});
    if (inserted || it->second.content_hash == hash.value()) continue;
    const std::string holder =
        it->second.leaf_index >= 0
            ? fmt::format("event {} (leaf {}) has it", it->second.id, it->second.leaf_index)
            : fmt::format("line {} has it", it->second.line);
    refuse(row, Error{"reused with different content: " + holder, "idempotency_key"});
  }
  return errors;
}

Result<ImportSummary> WriteImport(LedgerStore& store, const ImportWrite& request,
                                  const std::function<void(const ImportBatch&)>& on_batch) {
  const std::vector<ImportRow>& rows = *request.rows;
  ImportSummary summary;
  summary.rows = static_cast<int>(rows.size());
  const size_t batch_size = static_cast<size_t>(std::max(1, request.batch_size));
  int number = 0;
  for (size_t begin = 0; begin < rows.size(); begin += batch_size) {
    const size_t end = std::min(rows.size(), begin + batch_size);
    AppendRequest append;
    append.agreement = request.agreement;
    append.key = request.key;
    append.keys = request.keys;
    append.submissions.reserve(end - begin);
    for (size_t i = begin; i < end; ++i) append.submissions.push_back(rows[i].event);
    Result<AppendResult> result = store.Append(append);
    if (!result.ok()) {
      // "submissions[I].PATH" names the row: say its line instead.
      Error cause = result.error();
      if (cause.where.starts_with("submissions[")) {
        const size_t index = std::stoul(cause.where.substr(12));
        const size_t dot = cause.where.find("].");
        cause.where =
            fmt::format("line {}{}", rows[begin + index].line,
                        dot == std::string::npos ? "" : ": " + cause.where.substr(dot + 2));
      }
      return Error{fmt::format("batch {} (lines {}-{}) was not written: {}", number + 1,
                               rows[begin].line, rows[end - 1].line, cause.ToString()),
                   fmt::format("line {}", rows[begin].line)};
    }
    ImportBatch batch{++number,
                      rows[begin].line,
                      rows[end - 1].line,
                      result.value().added,
                      result.value().already_recorded,
                      result.value().state.tree_size};
    summary.added += batch.added;
    summary.already_recorded += batch.already_recorded;
    summary.state = result.value().state;
    on_batch(batch);
  }
  if (number == 0) {
    Result<std::optional<LedgerState>> state = store.State(request.agreement);
    if (!state.ok()) return state.error();
    summary.state =
        state.value() ? *state.value() : LedgerState{request.agreement, 0, EmptyTreeRoot(), ""};
  }
  return summary;
}

}  // namespace treaty::ledger
