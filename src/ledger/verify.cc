#include "ledger/verify.h"

#include <absl/container/flat_hash_map.h>
#include <algorithm>
#include <array>
#include <atomic>
#include <future>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "ledger/canonical_json.h"
#include "ledger/checked_events.h"
#include "ledger/commitment_rows.h"
#include "ledger/event_parser.h"
#include "ledger/event_reader.h"
#include "ledger/merkle_tree.h"
#include "ledger/range_hash.h"
#include "ledger/submission_checks.h"
#include "ledger/timestamp.h"
#include "ledger/uuid.h"

namespace treaty::ledger {
namespace {

// The checks of one event that need no other event (§8), in the order they are reported: those
// before the reference checks, then those after them. Empty: passed.
struct RowCheck {
  Event event;
  std::string before_references;
  std::string after_references;
  // The event's id bytes and idempotency key with its hash, made here so that the checks in leaf
  // order only probe the tables of CheckedEvents. Set only when before_references is empty;
  // key_of views the strings of `event`.
  CheckedEvents::IdKey id_key{};
  CheckedEvents::KeyOf key_of;
};

// The perfect subtrees of the leaves seen so far, largest first (RFC 9162's compact range).
class CompactRange {
 public:
  // Adds a leaf; returns the perfect subtrees completed at cache levels as (level, index, hash).
  std::vector<CachedNode> Push(const Hash& leaf) {
    std::vector<CachedNode> completed;
    stack_.push_back({0, leaf});
    ++size_;
    while (stack_.size() >= 2 && stack_[stack_.size() - 2].first == stack_.back().first) {
      const auto right = stack_.back();
      stack_.pop_back();
      stack_.back() = {right.first + 1, NodeHash(stack_.back().second, right.second)};
      const int level = stack_.back().first;
      if (level % kCacheLevelStep == 0 && level <= kMaxCacheLevel) {
        completed.push_back({level, (size_ - 1) >> level, stack_.back().second, {}});
      }
    }
    return completed;
  }

  Hash Root() const {
    if (stack_.empty()) return EmptyTreeRoot();
    Hash root = stack_.back().second;
    for (size_t i = stack_.size() - 1; i-- > 0;) root = NodeHash(stack_[i].second, root);
    return root;
  }

 private:
  std::vector<std::pair<int, Hash>> stack_;  // (level, hash)
  int64_t size_ = 0;
};

// The children of the cache nodes being completed (§6.6), recomputed in leaf order: the leaf
// hashes under the current node of level 8, the nodes of level 8 under the current node of level
// 16, and so on.
class RecomputedChildren {
 public:
  void AddLeaf(const Hash& leaf) { Append(0, leaf); }

  // SHA-256 of the children of `node`, the cache node just completed; then adds `node` to the
  // children of the node above it.
  Hash Complete(const CachedNode& node) {
    std::string& row = rows_[Row(node.level)];
    const Hash digest = Sha256(row);
    row.clear();
    if (node.level < kMaxCacheLevel) Append(Row(node.level) + 1, node.hash);
    return digest;
  }

 private:
  static size_t Row(int level) { return static_cast<size_t>(level / kCacheLevelStep - 1); }
  void Append(size_t row, const Hash& hash) {
    rows_[row].append(reinterpret_cast<const char*>(hash.data()), hash.size());
  }

  std::array<std::string, kMaxCacheLevel / kCacheLevelStep> rows_;
};

class Verifier {
 public:
  Verifier(LedgerStore& store, const std::string& agreement, const VerifyOptions& options)
      : store_(store), agreement_(agreement), options_(options) {
    report_.agreement = agreement;
    context_.default_agreement.clear();
    context_.keys = options_.keys;
    context_.participants = options_.participants;
  }

  Result<VerifyReport> Run() {
    // Heads, nodes, the ledgers row and events are read in many statements: in one snapshot, an
    // append committed meanwhile is not half seen (a leaf without its head).
    if (std::optional<Error> error = store_.BeginReadSnapshot()) return *error;
    const struct SnapshotEnd {
      LedgerStore& store;
      ~SnapshotEnd() { store.EndReadSnapshot(); }
    } snapshot_end{store_};
    Result<std::vector<SignedTreeHead>> heads = store_.TreeHeads(agreement_);
    if (!heads.ok()) return heads.error();
    heads_ = std::move(heads).value();
    Result<std::vector<CachedNodeRow>> nodes = store_.CachedNodeRows(agreement_);
    if (!nodes.ok()) return nodes.error();
    for (const CachedNodeRow& node : nodes.value()) {
      nodes_[{node.level, node.node_index}] = {node.hash, node.children_sha256};
    }
    Result<std::optional<LedgerState>> state = store_.State(agreement_);
    if (!state.ok()) return state.error();
    if (state.value()) {
      total_events_ = state.value()->tree_size;
      checked_.Reserve(static_cast<size_t>(total_events_));
    }

    Result<bool> events_match = CheckEvents();
    if (!events_match.ok()) return events_match.error();
    // Rows of `event_commitments` are checked against the events that passed: up to the first
    // mismatching leaf, or all of them.
    Result<bool> rows_match = CheckCommitmentRows(events_match.value());
    if (!rows_match.ok()) return rows_match.error();
    if (!events_match.value()) return std::move(report_);
    // After the leaves, in §8's order: a head over more leaves, then a row that names no event.
    const bool row_of_no_event = !rows_match.value() && report_.mismatch_leaf < 0;
    if (!rows_match.value() && !row_of_no_event) return std::move(report_);
    Result<bool> rows_inside = CheckEventRowsInside();
    if (!rows_inside.ok()) return rows_inside.error();
    if (!rows_inside.value()) return std::move(report_);
    if (head_index_ < heads_.size()) {
      const SignedTreeHead& head = heads_[head_index_];
      return Mismatch(-1, "",
                      fmt::format("tree head {}: it covers more leaves than the ledger has "
                                  "({})",
                                  head.head.tree_size, next_leaf_));
    }
    if (row_of_no_event) return std::move(report_);
    for (const auto& [key, node] : nodes_) {
      if (checked_nodes_.contains(key)) continue;
      const auto [level, index] = key;
      const std::string name = fmt::format("cached node (level {}, index {})", level, index);
      if (level < kCacheLevelStep || level > kMaxCacheLevel || level % kCacheLevelStep != 0) {
        return Mismatch(-1, "",
                        fmt::format("{} is no node of the cache: its levels are {}, {}, … {}", name,
                                    kCacheLevelStep, 2 * kCacheLevelStep, kMaxCacheLevel));
      }
      if (index < 0) return Mismatch(-1, "", name + " has a negative index");
      return Mismatch(-1, "", name + " differs: it covers leaves the ledger does not have");
    }
    report_.root = range_.Root();
    CheckLedgerRow(state.value());
    return std::move(report_);
  }

 private:
  // Every event in leaf order, a chunk at a time; false at the first mismatch. Three stages run at
  // once: a thread reads chunk k + 2 (the checks never touch the store, so its connection is
  // never used by two threads at once); a worker thread checks the rows of chunk k + 1 on their
  // own (CheckRow); this thread checks chunk k against the events before it (CheckEvent), then
  // joins the worker on chunk k + 1. The three chunks' rows are read into the same three vectors
  // over and over, keeping their strings' buffers.
  Result<bool> CheckEvents() {
    auto read = [this](int64_t begin,
                       std::vector<StoredEvent> rows) -> Result<std::vector<StoredEvent>> {
      if (std::optional<Error> error =
              store_.ReadEventsInto(agreement_, begin, begin + options_.chunk, rows)) {
        return *error;
      }
      return rows;
    };
    auto full = [this](const std::vector<StoredEvent>& rows) {
      return static_cast<int64_t>(rows.size()) == options_.chunk;
    };
    Result<std::vector<StoredEvent>> first = read(0, {});
    if (!first.ok()) return first.error();
    std::vector<StoredEvent> rows = std::move(first).value();
    std::vector<StoredEvent> spare;  // the rows of the chunk checked last, read into again
    std::future<Result<std::vector<StoredEvent>>> next;
    if (full(rows)) next = std::async(std::launch::async, read, options_.chunk, std::move(spare));
    // Two sets of checks, swapped chunk by chunk: made once, not once per chunk.
    std::vector<RowCheck> checks(rows.size());
    std::vector<RowCheck> following_checks;
    std::atomic<size_t> cursor = 0;
    CheckRowsFrom(rows, checks, cursor);
    for (int64_t begin = options_.chunk; !rows.empty(); begin += options_.chunk) {
      std::vector<StoredEvent> following;
      if (next.valid()) {
        Result<std::vector<StoredEvent>> read_rows = next.get();
        if (!read_rows.ok()) return read_rows.error();
        following = std::move(read_rows).value();
        if (full(following)) {
          next = std::async(std::launch::async, read, begin + options_.chunk, std::move(spare));
        }
      }
      following_checks.resize(following.size());
      std::atomic<size_t> following_cursor = 0;
      std::future<void> worker = std::async(std::launch::async, [&] {
        CheckRowsFrom(following, following_checks, following_cursor);
      });
      for (size_t j = 0; j < rows.size(); ++j) {
        if (j + kPrefetchAhead < rows.size()) {
          checked_.Prefetch(checks[j + kPrefetchAhead].key_of);
        }
        if (!CheckEvent(rows[j], checks[j])) {
          // The worker stops after its current block; a read in flight is waited for by the
          // future's destructor.
          following_cursor = following.size();
          worker.get();
          return false;
        }
      }
      if (options_.progress) options_.progress(VerifyStage::kEvents, next_leaf_, total_events_);
      CheckRowsFrom(following, following_checks, following_cursor);
      worker.get();  // rethrows what the worker threw
      spare = std::move(rows);
      rows = std::move(following);
      std::swap(checks, following_checks);
    }
    return true;
  }

  // The `event_commitments` rows against the commitments of the events checked (leaves below
  // next_leaf_). `events_complete`: every event passed. False, with the mismatch set, at the first
  // leaf where they differ, replacing a mismatch already found: each leaf compared passed its own
  // checks before it (an event's at next_leaf_, or a head's after its last leaf), so in leaf
  // order this difference comes first. False too for a row that names no event, found only when
  // nothing else differs.
  Result<bool> CheckCommitmentRows(bool events_complete) {
    // Reported only when every event passed: the links are then all the rows there should be.
    std::function<void(int64_t)> on_page;
    if (options_.progress && events_complete) {
      on_page = [this](int64_t read) {
        options_.progress(VerifyStage::kCommitmentRows, read, commitment_rows_.links());
      };
    }
    Result<std::optional<CommitmentRows::Difference>> difference = commitment_rows_.Compare(
        store_, agreement_, next_leaf_, events_complete, options_.chunk, on_page);
    if (!difference.ok()) return difference.error();
    if (!difference.value()) return true;
    const CommitmentRows::Difference& found = *difference.value();
    return SetMismatch(found.leaf, found.event_id, found.message);
  }

  // The events that no chunk read: reading stops at the first short chunk, so a row past a gap
  // at a chunk's end, or below 0, is not read with the others. One past next_leaf_ is named as the
  // chunk holding it would have named it.
  Result<bool> CheckEventRowsInside() {
    for (const int64_t begin : {std::numeric_limits<int64_t>::min(), next_leaf_}) {
      EventFilter filter;
      filter.agreement = agreement_;
      filter.begin = begin;
      filter.limit = 1;
      Result<std::vector<StoredEvent>> rows = store_.FindEvents(filter);
      if (!rows.ok()) return rows.error();
      if (rows.value().empty()) continue;
      const StoredEvent& row = rows.value()[0];
      if (row.leaf_index >= next_leaf_) {
        return SetMismatch(
            row.leaf_index, row.id,
            fmt::format("leaf indexes jump from {} to {}", next_leaf_ - 1, row.leaf_index));
      }
      if (row.leaf_index < 0) {
        return SetMismatch(-1, row.id,
                           fmt::format("events row (leaf {}, event {}) lies below leaf 0",
                                       row.leaf_index, row.id));
      }
    }
    return true;
  }

  Result<VerifyReport> Mismatch(int64_t leaf, const std::string& id, std::string message) {
    SetMismatch(leaf, id, std::move(message));
    return std::move(report_);
  }

  bool SetMismatch(int64_t leaf, const std::string& id, std::string message) {
    report_.mismatch_leaf = leaf;
    report_.mismatch_event_id = id;
    report_.mismatch =
        leaf < 0 ? std::move(message) : fmt::format("leaf {} (event {}): {}", leaf, id, message);
    return false;
  }

  // RowCheck of the rows not yet taken, in blocks taken from `cursor` until none is left; several
  // threads share the rows this way. These checks (parsing, validation, canonical bytes, hashes)
  // are most of verify's work.
  void CheckRowsFrom(const std::vector<StoredEvent>& rows, std::vector<RowCheck>& checks,
                     std::atomic<size_t>& cursor) const {
    for (;;) {
      const size_t begin = cursor.fetch_add(kRowsPerTake);
      if (begin >= rows.size()) return;
      for (size_t i = begin; i < std::min(rows.size(), begin + kRowsPerTake); ++i) {
        CheckRow(rows[i], checks[i]);
      }
    }
  }

  // The checks of §8 that need no other event. The common case takes the fast path
  // (ReadEventOnFastPath), which also gives the content hash; otherwise the checks run one by one,
  // to name the first that fails.
  void CheckRow(const StoredEvent& row, RowCheck& check) const {
    check.before_references.clear();
    check.after_references.clear();
    check.id_key = {};
    check.key_of = {};
    // Read into the event of the previous chunk's row at this place, reusing its buffers.
    std::optional<Hash> content_hash = ReadEventOnFastPath(row.canonical, context_, check.event);
    if (!content_hash) {
      check.before_references = FirstStoredFormProblem(row, check.event);
      if (!check.before_references.empty()) return;
      Result<Hash> computed = ContentHash(check.event);
      if (computed.ok()) content_hash = computed.value();
    }
    const Event& event = check.event;
    if (event.agreement != agreement_) {
      check.before_references = fmt::format("not a valid event: agreement: {} in the ledger of {}",
                                            event.agreement, agreement_);
      return;
    }
    // A valid event's id is a lowercase UUID.
    check.id_key = CheckedEvents::MakeIdKey(event.id).value();
    check.key_of = CheckedEvents::MakeKeyOf(event.recorded_by.institution, event.idempotency_key);
    if (LeafHash(row.canonical) != row.leaf_hash) {
      check.after_references = "the stored leaf hash differs from its bytes";
    } else if (auto problem = CheckColumns(row, event)) {
      check.after_references = *problem;
    } else if (!content_hash || *content_hash != row.content_hash) {
      check.after_references = "the stored content hash differs";
    }
  }

  // The first of: the stored bytes are not canonical, not a valid event, or not in normal form;
  // "" when none, with the event in `event`.
  std::string FirstStoredFormProblem(const StoredEvent& row, Event& event) const {
    if (std::optional<std::string> problem = NonCanonicalProblem(row.canonical)) {
      return "the stored bytes are " + *problem;
    }
    if (std::optional<FieldError> problem = RecordedEventProblem(row.canonical, context_, event)) {
      return "not a valid event: " + problem->ToString();
    }
    return "";
  }

  // The checks of §8 for one event, given its RowCheck; false at the first mismatch.
  bool CheckEvent(const StoredEvent& row, const RowCheck& check) {
    const int64_t i = next_leaf_;
    auto fail = [&](std::string message) { return SetMismatch(i, row.id, std::move(message)); };
    if (row.leaf_index != i) {
      return SetMismatch(row.leaf_index, row.id,
                         fmt::format("leaf indexes jump from {} to {}", i - 1, row.leaf_index));
    }
    if (!check.before_references.empty()) return fail(check.before_references);
    const Event& event = check.event;
    if (auto problem = CheckReferences(event)) return fail("not a valid event: " + *problem);
    if (!check.after_references.empty()) return fail(check.after_references);
    // Added here, before the checks below pass: after a mismatch the tables are not read again.
    if (const CheckedEvents::Seen* earlier = checked_.AddId(check.id_key, Remembered(i, event))) {
      return fail(fmt::format("id already used by leaf {}", earlier->leaf_index));
    }
    if (std::optional<int64_t> earlier = checked_.AddKey(check.key_of, i)) {
      return fail(fmt::format("idempotency key already used by leaf {}", *earlier));
    }
    if (event.recorded_at < previous_recorded_at_) {
      return fail(fmt::format("recorded_at is earlier than leaf {}'s", i - 1));
    }
    if (options_.known_commitments) {
      for (const std::string& id : event.content.commitments) {
        if (!options_.known_commitments->contains(id)) {
          report_.warnings.push_back(fmt::format(
              "leaf {} (event {}): commitment id {} is no longer in the store", i, event.id, id));
        }
      }
    }
    if (head_index_ >= heads_.size()) return fail("not covered by any signed tree head");
    const TreeHead& head = heads_[head_index_].head;
    if (event.recorded_by.institution != head.signer || event.recorded_at != head.timestamp) {
      // A head whose columns were changed is named, not the event it no longer matches.
      if (!CheckHeadBytes(heads_[head_index_])) return false;
      if (event.recorded_by.institution != head.signer) {
        return fail(fmt::format("recorded by {}, but tree head {} is signed by {}",
                                event.recorded_by.institution, head.tree_size, head.signer));
      }
      return fail(
          fmt::format("recorded_at differs from the timestamp of tree head {}", head.tree_size));
    }
    previous_recorded_at_ = event.recorded_at;
    if (i == range_start_) range_start_id_ = event.id;
    children_.AddLeaf(row.leaf_hash);
    for (const CachedNode& node : range_.Push(row.leaf_hash)) {
      const std::pair<int, int64_t> node_key{node.level, node.node_index};
      auto stored = nodes_.find(node_key);
      if (stored == nodes_.end()) {
        return fail(fmt::format("cached node (level {}, index {}) is missing", node.level,
                                node.node_index));
      }
      if (stored->second.hash != node.hash) {
        return fail(
            fmt::format("cached node (level {}, index {}) differs", node.level, node.node_index));
      }
      const Hash children = children_.Complete(node);
      if (stored->second.children_sha256 && *stored->second.children_sha256 != children) {
        return fail(fmt::format("cached node (level {}, index {}): its stored children differ",
                                node.level, node.node_index));
      }
      checked_nodes_.insert(node_key);
    }
    // Only now: the rows of `event_commitments` are compared for the leaves below next_leaf_.
    for (const std::string& commitment : event.content.commitments) {
      commitment_rows_.Add(commitment, i);
    }
    ++next_leaf_;
    report_.events = next_leaf_;
    if (next_leaf_ == head.tree_size) return CheckHead(heads_[head_index_]);
    return true;
  }

  // `corrects` and `responds_to` name earlier events of the right kind, and a correction follows
  // the rules of §9.1: the checks of an append (submission_checks.h), on the events checked.
  std::optional<std::string> CheckReferences(const Event& event) {
    Result<std::optional<Error>> problem =
        ReferenceProblem(event, agreement_, *options_.keys, lookup_);
    if (!problem.ok()) return problem.error().ToString();
    if (!problem.value()) return std::nullopt;
    return problem.value()->ToString();
  }

  // An event checked before, as ReferenceProblem needs it.
  Result<std::optional<Referenced>> Lookup(const std::string& id) const {
    const CheckedEvents::Seen* seen = checked_.FindId(id);
    if (seen == nullptr) return std::optional<Referenced>();
    // No participant: the rule that needs it is append's and import's alone, so that ledgers
    // recorded before it still verify (submission_checks.h).
    Referenced ref{std::string(EventTypeName(seen->type)),
                   subtypes_[seen->subtype],
                   seen->restricted ? "restricted" : "public",
                   institutions_[seen->institution],
                   "",
                   ""};
    if (seen->type == EventType::kCorrection) {
      const std::optional<UuidBytes> key = LowercaseUuidBytes(id);
      auto corrected = key ? corrected_by_correction_.find(*key) : corrected_by_correction_.end();
      if (corrected != corrected_by_correction_.end()) ref.corrects = UuidText(corrected->second);
    }
    return std::optional<Referenced>(std::move(ref));
  }

  // What Lookup needs of `event`, leaf i, once it is checked.
  CheckedEvents::Seen Remembered(int64_t i, const Event& event) {
    if (event.content.type == EventType::kCorrection) {
      const std::optional<UuidBytes> id = LowercaseUuidBytes(event.id);
      const std::optional<UuidBytes> corrects = LowercaseUuidBytes(event.corrects);
      if (id && corrects) corrected_by_correction_.emplace(*id, *corrects);
    }
    return {i, event.content.type, event.classification == "restricted",
            Number(subtypes_, event.content.subtype),
            Number(institutions_, event.recorded_by.institution)};
  }

  // The position of `text` in `table`, added when new. The tables stay small: subtypes are those
  // of §1.3, and an institution that signs no key fails the attribution check of its own event.
  static uint16_t Number(std::vector<std::string>& table, const std::string& text) {
    auto found = std::find(table.begin(), table.end(), text);
    if (found == table.end()) found = table.insert(table.end(), text);
    return static_cast<uint16_t>(found - table.begin());
  }

  // The columns of the `events` row; its `event_commitments` rows are checked after the events.
  static std::optional<std::string> CheckColumns(const StoredEvent& row, const Event& event) {
    if (row.id == event.id && row.type == EventTypeName(event.content.type) &&
        row.fact_date == event.content.date && row.recorded_at == event.recorded_at &&
        row.institution == event.recorded_by.institution &&
        row.classification == event.classification && row.corrects == event.corrects &&
        row.idempotency_key == event.idempotency_key) {
      return std::nullopt;
    }
    const std::pair<const char*, std::pair<std::string, std::string>> columns[] = {
        {"id", {row.id, event.id}},
        {"type", {row.type, std::string(EventTypeName(event.content.type))}},
        {"fact_date", {row.fact_date, event.content.date}},
        {"recorded_at", {row.recorded_at, event.recorded_at}},
        {"institution", {row.institution, event.recorded_by.institution}},
        {"classification", {row.classification, event.classification}},
        {"corrects", {row.corrects, event.corrects}},
        {"idempotency_key", {row.idempotency_key, event.idempotency_key}},
    };
    for (const auto& [name, values] : columns) {
      if (values.first != values.second) {
        return fmt::format("column {} holds \"{}\", the event says \"{}\"", name, values.first,
                           values.second);
      }
    }
    return std::nullopt;
  }

  // False, naming the head and the column, when a head's stored bytes (what was signed) are not
  // JCS of its columns.
  bool CheckHeadBytes(const SignedTreeHead& signed_head) {
    const int64_t root_bytes = signed_head.stored_sizes.root_hash;
    const std::string difference =
        root_bytes != static_cast<int64_t>(signed_head.head.root_hash.size())
            ? fmt::format("column root_hash holds {} byte{}, not {}", root_bytes,
                          root_bytes == 1 ? "" : "s", signed_head.head.root_hash.size())
            : HeadBytesDifference(signed_head.head, signed_head.head_bytes);
    return difference.empty() ||
           SetMismatch(-1, "",
                       fmt::format("tree head {}: {}", signed_head.head.tree_size, difference));
  }

  // A head's bytes, key, signature and root, once its last leaf has been checked.
  bool CheckHead(const SignedTreeHead& signed_head) {
    const TreeHead& head = signed_head.head;
    const std::string name = fmt::format("tree head {}", head.tree_size);
    auto fail = [&](std::string message) { return SetMismatch(-1, "", name + ": " + message); };
    if (!CheckHeadBytes(signed_head)) return false;
    if (head.agreement != agreement_) return fail("it names agreement " + head.agreement);
    if (head.timestamp < previous_head_timestamp_) {
      return fail("its timestamp is earlier than the previous head's");
    }
    const KeyEntry* key = options_.keys->FindKey(head.key_id);
    if (key == nullptr) return fail(fmt::format("unknown key id {}", head.key_id));
    if (key->institution != head.signer) {
      return fail(fmt::format("key {} belongs to {}, the head names signer {}", head.key_id,
                              key->institution, head.signer));
    }
    if (std::string problem = KeyProblemAt(*key, head.timestamp); !problem.empty()) {
      return fail(problem);
    }
    if (!VerifyTreeHead(head, signed_head.signature, key->public_key)) {
      return fail(fmt::format("the signature of the head of size {} does not verify with key {}",
                              head.tree_size, head.key_id));
    }
    std::vector<std::string> found = KeyWarnings(*key);
    // The first head dated ahead only: every later one of a clock that runs ahead would be too.
    if (!warned_of_head_ahead_) {
      if (std::string ahead = FutureHeadWarning(head, now_micros_); !ahead.empty()) {
        warned_of_head_ahead_ = true;
        found.push_back(std::move(ahead));
      }
    }
    for (std::string& warning : found) {
      if (std::find(report_.warnings.begin(), report_.warnings.end(), warning) ==
          report_.warnings.end()) {
        report_.warnings.push_back(std::move(warning));
      }
    }
    if (range_.Root() != head.root_hash) {
      return SetMismatch(
          range_start_, range_start_id_,
          fmt::format("{} (signed by {} at {}): its root differs from the recomputed root; the "
                      "change lies in leaves {}–{}, unless the earlier heads were themselves "
                      "signed anew over changed leaves (compare them with the heads the other "
                      "Participant holds: treaty verify-proof --known)",
                      name, head.signer, head.timestamp, range_start_, head.tree_size - 1));
    }
    previous_head_timestamp_ = head.timestamp;
    range_start_ = head.tree_size;
    ++head_index_;
    report_.heads = static_cast<int64_t>(head_index_);
    return true;
  }

  bool CheckLedgerRow(const std::optional<LedgerState>& state) {
    if (!state) {
      return next_leaf_ == 0 ||
             SetMismatch(-1, "",
                         fmt::format("ledgers row: missing; the events number {}", next_leaf_));
    }
    const int64_t size = state->tree_size;
    if (size != next_leaf_) {
      return SetMismatch(
          -1, "", fmt::format("ledgers row: tree_size {}, the events number {}", size, next_leaf_));
    }
    if (state->root_hash != report_.root) {
      return SetMismatch(-1, "", "ledgers row: root_hash differs from the recomputed root");
    }
    if (state->last_recorded_at != previous_recorded_at_) {
      return SetMismatch(-1, "",
                         fmt::format("ledgers row: last_recorded_at {}, the last event says {}",
                                     state->last_recorded_at, previous_recorded_at_));
    }
    return true;
  }

  LedgerStore& store_;
  const std::string& agreement_;
  const VerifyOptions& options_;
  VerifyReport report_;
  std::vector<SignedTreeHead> heads_;
  size_t head_index_ = 0;
  struct StoredNode {
    Hash hash;
    std::optional<Hash> children_sha256;
  };
  std::map<std::pair<int, int64_t>, StoredNode> nodes_;
  std::set<std::pair<int, int64_t>> checked_nodes_;
  static constexpr size_t kRowsPerTake = 64;
  static constexpr size_t kPrefetchAhead = 8;  // events; a few cache misses' time of checks

  ValidationContext context_;
  CheckedEvents checked_;
  // The strings behind the numbers of CheckedEvents::Seen, and the event each correction corrects.
  std::vector<std::string> subtypes_{""};
  std::vector<std::string> institutions_;
  absl::flat_hash_map<UuidBytes, UuidBytes> corrected_by_correction_;
  const ReferenceLookup lookup_ = [this](const std::string& id) { return Lookup(id); };
  CommitmentRows commitment_rows_;
  std::string previous_recorded_at_;
  std::string previous_head_timestamp_;
  const int64_t now_micros_ = NowMicros();
  bool warned_of_head_ahead_ = false;
  int64_t next_leaf_ = 0;
  int64_t total_events_ = 0;  // the tree size of the `ledgers` row
  int64_t range_start_ = 0;   // first leaf of the current head's range
  std::string range_start_id_;
  CompactRange range_;
  RecomputedChildren children_;
};

}  // namespace

std::string VerifyReport::Line() const {
  if (!ok()) return fmt::format("verify: {}: {}", agreement, mismatch);
  return fmt::format("verify: OK {}: {} event{}, {} tree head{}, root {} at size {}", agreement,
                     events, events == 1 ? "" : "s", heads, heads == 1 ? "" : "s", ToHex(root),
                     events);
}

Result<VerifyReport> VerifyLedger(LedgerStore& store, const std::string& agreement,
                                  const VerifyOptions& options) {
  if (options.keys == nullptr) return Error{"no keys file", ""};
  return Verifier(store, agreement, options).Run();
}

}  // namespace treaty::ledger
