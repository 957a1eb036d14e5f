// LedgerStore::Append: the append transaction of docs/ledger-format.md §6.2 on top of a store's
// AppendTransaction primitives.
#include <absl/container/flat_hash_map.h>
#include <atomic>
#include <map>
#include <stop_token>
#include <thread>
#include <utility>

#include <fmt/format.h>

#include "ledger/event_field_rules.h"
#include "ledger/ledger_store.h"
#include "ledger/submission_checks.h"
#include "ledger/timestamp.h"
#include "ledger/uuid.h"

namespace treaty::ledger {
namespace {

constexpr int kAttempts = 3;  // a v7 id collision is retried with new ids (§1.4)

Error SubmissionError(size_t index, std::string_view path, std::string message) {
  return Error{std::move(message), fmt::format("submissions[{}].{}", index, path)};
}

// The rows of the submissions an append adds, made in order on a thread of their own: the
// submission with its id and recorded_at, serialised, hashed (MakeStoredEvent).
class RowMaker {
 public:
  // REQUIRES: every argument outlives this object; ids has at least added.size() ids.
  RowMaker(const std::vector<Event>& submissions, const std::vector<size_t>& added,
           const std::vector<std::string>& ids, const std::string& recorded_at, int64_t first_leaf)
      : rows_(added.size()) {
    auto make_rows = [this, &submissions, &added, &ids, &recorded_at,
                      first_leaf](const std::stop_token& stop) {
      Event event;  // assigned, not constructed, per row: its strings keep their buffers
      for (size_t k = 0; k < added.size() && !stop.stop_requested(); ++k) {
        event = submissions[added[k]];
        event.id = ids[k];
        event.recorded_at = recorded_at;
        rows_[k] = MakeStoredEvent(event, first_leaf + static_cast<int64_t>(k));
        made_.store(k + 1, std::memory_order_release);
        made_.notify_one();
      }
    };
    // A few rows (one event recorded by hand or through the API) are made here: a thread would
    // cost more than it overlaps.
    if (added.size() < kRowsForThread) {
      make_rows(std::stop_token());
    } else {
      thread_ = std::jthread(make_rows);
    }
  }

  // The row of added[k], once it is made.
  const Result<StoredEvent>& Wait(size_t k) {
    for (size_t made = made_.load(std::memory_order_acquire); made <= k;
         made = made_.load(std::memory_order_acquire)) {
      made_.wait(made, std::memory_order_acquire);
    }
    return *rows_[k];
  }

 private:
  static constexpr size_t kRowsForThread = 64;

  std::vector<std::optional<Result<StoredEvent>>> rows_;  // set in order
  std::atomic<size_t> made_ = 0;
  std::jthread thread_;  // when rows are made on it: stopped and joined first when this object goes
};

class AppendRun {
 public:
  AppendRun(const AppendRequest& request, const KeyEntry& key, AppendTransaction& txn)
      : request_(request), key_(key), txn_(txn) {}

  // nullopt: an id collided; the caller rolls back and retries.
  Result<std::optional<AppendResult>> Run() {
    const LedgerState& state = txn_.state();
    int64_t now = NowMicros();
    if (std::optional<int64_t> last = ParseTimestamp(state.last_recorded_at)) {
      now = std::max(now, *last);
    }
    const std::string recorded_at = FormatTimestamp(now);
    if (std::string problem = KeyProblemAt(key_, recorded_at); !problem.empty()) {
      return Error{problem, "recorded_by.institution"};
    }
    const std::string latest_date = LatestFactDate(now);

    // Step 3's lookups, one call for the whole batch; all submissions are of the key's institution.
    std::vector<std::string> keys;
    keys.reserve(request_.submissions.size());
    for (const Event& event : request_.submissions) keys.push_back(event.idempotency_key);
    Result<std::map<std::string, StoredEvent>> stored =
        txn_.FindByIdempotencyKeys(key_.institution, keys);
    if (!stored.ok()) return stored.error();
    stored_keys_ = std::move(stored).value();

    const std::vector<std::string> ids = NewUuidsV7(now / 1000, request_.submissions.size());
    AppendResult result;
    int64_t size = state.tree_size;
    // The submissions to add (index into submissions, in leaf order), each checked here first.
    std::vector<size_t> added;
    for (size_t i = 0; i < request_.submissions.size(); ++i) {
      const Event& event = request_.submissions[i];
      if (auto error = CheckDates(i, event, latest_date)) return *error;
      const std::pair<std::string, std::string> key{event.recorded_by.institution,
                                                    event.idempotency_key};
      Result<std::optional<AppendedEvent>> existing = FindExisting(i, key);
      if (!existing.ok()) return existing.error();
      if (existing.value()) {
        result.events.push_back(*existing.value());
        ++result.already_recorded;
        continue;
      }
      const AppendedEvent appended{ids[added.size()], size, recorded_at, false};
      if (auto error = CheckReferences(i, event)) return *error;
      batch_keys_.emplace(key, BatchEvent{appended, i, std::nullopt});
      batch_events_.emplace(appended.id, i);
      result.events.push_back(appended);
      added.push_back(i);
      ++size;
    }
    result.added = static_cast<int>(added.size());
    // The rows are made (serialised and hashed) on a worker thread while this one inserts those
    // made before: the inserts are most of an append's work and SQLite's are single-threaded.
    RowMaker rows(request_.submissions, added, ids, recorded_at, state.tree_size);
    for (size_t k = 0; k < added.size(); ++k) {
      const Result<StoredEvent>& row = rows.Wait(k);
      if (!row.ok()) return SubmissionError(added[k], "", row.error().ToString());
      Result<bool> inserted =
          txn_.InsertEvent(row.value(), request_.submissions[added[k]].content.commitments);
      if (!inserted.ok()) return inserted.error();
      if (!inserted.value()) return std::optional<AppendResult>();
    }
    for (const auto& [level, index] : CompletedCacheNodes(state.tree_size, size)) {
      Result<CachedNode> node = ComputeCachedNode(txn_, request_.agreement, level, index);
      if (!node.ok()) return node.error();
      Result<bool> inserted = txn_.InsertNode(request_.agreement, node.value());
      if (!inserted.ok()) return inserted.error();
    }
    result.state = state;
    if (result.added > 0) {
      BlockTreeReader reader(txn_, size);
      Result<Hash> root = TreeRoot(reader, request_.agreement, size);
      if (!root.ok()) return root.error();
      const TreeHead head{request_.agreement, size,       root.value(), recorded_at,
                          key_.institution,   key_.key_id};
      Result<SignedTreeHead> signed_head = MakeSignedTreeHead(head, request_.key.seed);
      if (!signed_head.ok()) return signed_head.error();
      if (Result<bool> r = txn_.InsertHead(signed_head.value()); !r.ok()) return r.error();
      result.state = LedgerState{request_.agreement, size, root.value(), recorded_at};
      if (Result<bool> r = txn_.UpdateState(result.state); !r.ok()) return r.error();
      result.head = std::move(signed_head).value();
    }
    if (Result<bool> committed = txn_.Commit(); !committed.ok()) return committed.error();
    return std::optional<AppendResult>(std::move(result));
  }

 private:
  std::optional<Error> CheckDates(size_t i, const Event& event, const std::string& latest) {
    auto later = [&](const char* path) {
      return SubmissionError(i, path, LaterThanRecordingProblem(latest));
    };
    if (event.content.date > latest) return later("date");
    if (event.replacement && event.replacement->date > latest) return later("replacement.date");
    return std::nullopt;
  }

  // The earlier event with the same key, if its content is the same; an error if it differs.
  // Content hashes are computed only here, where a key was seen before.
  Result<std::optional<AppendedEvent>> FindExisting(
      size_t i, const std::pair<std::string, std::string>& key) {
    auto content_hash = [&](size_t submission) -> Result<Hash> {
      Result<Hash> hash = ContentHash(request_.submissions[submission]);
      if (!hash.ok()) return SubmissionError(submission, "", hash.error().ToString());
      return hash;
    };
    auto in_batch = batch_keys_.find(key);
    if (in_batch != batch_keys_.end()) {
      BatchEvent& earlier = in_batch->second;
      Result<Hash> hash = content_hash(i);
      if (!hash.ok()) return hash.error();
      if (!earlier.content_hash) {
        Result<Hash> earlier_hash = content_hash(earlier.submission);
        if (!earlier_hash.ok()) return earlier_hash.error();
        earlier.content_hash = earlier_hash.value();
      }
      if (hash.value() != *earlier.content_hash) {
        return Reused(i, earlier.appended.id, earlier.appended.leaf_index);
      }
      AppendedEvent skipped = earlier.appended;
      skipped.already_recorded = true;
      return std::optional<AppendedEvent>(skipped);
    }
    auto stored = stored_keys_.find(key.second);
    if (key.first != key_.institution || stored == stored_keys_.end()) {
      return std::optional<AppendedEvent>();
    }
    const StoredEvent& row = stored->second;
    Result<Hash> hash = content_hash(i);
    if (!hash.ok()) return hash.error();
    if (row.content_hash != hash.value()) return Reused(i, row.id, row.leaf_index);
    const AppendedEvent appended{row.id, row.leaf_index, row.recorded_at, true};
    batch_keys_.emplace(key, BatchEvent{appended, i, row.content_hash});
    return std::optional<AppendedEvent>(appended);
  }

  static Error Reused(size_t i, const std::string& id, int64_t leaf) {
    return SubmissionError(
        i, "idempotency_key",
        fmt::format("reused with different content: event {} (leaf {}) has it", id, leaf));
  }

  Result<std::optional<Referenced>> Lookup(const std::string& id) {
    auto in_batch = batch_events_.find(id);
    if (in_batch != batch_events_.end()) {
      return std::optional<Referenced>(ReferencedFromEvent(request_.submissions[in_batch->second]));
    }
    Result<std::optional<StoredEvent>> stored = txn_.FindById(id);
    if (!stored.ok()) return stored.error();
    if (!stored.value() || stored.value()->agreement != request_.agreement) {
      return std::optional<Referenced>();
    }
    return std::optional<Referenced>(ReferencedFromRow(*stored.value()));
  }

  // References of §6.2 step 3 and the correction rules of §9.1.
  std::optional<Error> CheckReferences(size_t i, const Event& event) {
    if (std::optional<Error> sender = NoticeSenderProblem(event, *request_.keys)) {
      return SubmissionError(i, sender->where, sender->message);
    }
    Result<std::optional<Error>> problem =
        ReferenceProblem(event, request_.agreement, *request_.keys,
                         [this](const std::string& id) { return Lookup(id); });
    if (!problem.ok()) return problem.error();
    if (!problem.value()) return std::nullopt;
    return SubmissionError(i, problem.value()->where, problem.value()->message);
  }

  // An event of this transaction's keys: one it adds, or a committed one a submission repeats.
  struct BatchEvent {
    AppendedEvent appended;
    size_t submission = 0;
    std::optional<Hash> content_hash;  // computed when its key is seen again
  };

  const AppendRequest& request_;
  const KeyEntry& key_;
  AppendTransaction& txn_;
  absl::flat_hash_map<std::pair<std::string, std::string>, BatchEvent> batch_keys_;
  absl::flat_hash_map<std::string, size_t> batch_events_;  // id → index of its submission
  std::map<std::string, StoredEvent> stored_keys_;  // committed events with a submission's key
};

// Checks that need no database: the key, and each submission's agreement, signer and
// completeness. Returns the key's entry.
Result<const KeyEntry*> Precheck(const AppendRequest& request) {
  if (request.keys == nullptr) return Error{"no keys file", ""};
  Result<const KeyEntry*> key = MatchPrivateKey(request.key, *request.keys);
  if (!key.ok()) return Error{key.error().message, "recorded_by.institution"};
  for (size_t i = 0; i < request.submissions.size(); ++i) {
    if (std::optional<Error> problem =
            SubmissionProblem(request.submissions[i], request.agreement, request.key)) {
      return SubmissionError(i, problem->where, problem->message);
    }
  }
  return key.value();
}

}  // namespace

Result<AppendResult> LedgerStore::Append(const AppendRequest& request) {
  Result<const KeyEntry*> key = Precheck(request);
  if (!key.ok()) return key.error();
  for (int attempt = 1;; ++attempt) {
    Result<std::unique_ptr<AppendTransaction>> txn = BeginAppend(request.agreement);
    if (!txn.ok()) return txn.error();
    AppendRun run(request, *key.value(), *txn.value());
    Result<std::optional<AppendResult>> result = run.Run();
    if (!result.ok()) return result.error();
    if (result.value()) return *std::move(result).value();
    if (attempt == kAttempts) return Error{"event ids collided repeatedly", ""};
  }
}

}  // namespace treaty::ledger
