#include "ledger/commitment_rows.h"

#include <algorithm>
#include <limits>
#include <string_view>

#include <fmt/format.h>

namespace treaty::ledger {
namespace {

// Calls `visit` with every `event_commitments` row of `agreement` in key order, `page` at a time,
// and `on_page`, if any, before the first page and after each with the rows read so far.
template <typename Visit>
Result<bool> ForEachRow(LedgerStore& store, const std::string& agreement, int64_t page,
                        Visit&& visit, const std::function<void(int64_t read)>& on_page = nullptr) {
  std::optional<EventCommitment> after;
  int64_t read = 0;
  if (on_page) on_page(read);
  for (;;) {
    Result<std::vector<EventCommitment>> rows = store.ReadEventCommitments(agreement, after, page);
    if (!rows.ok()) return rows.error();
    for (const EventCommitment& row : rows.value()) visit(row);
    read += static_cast<int64_t>(rows.value().size());
    if (on_page) on_page(read);
    if (static_cast<int64_t>(rows.value().size()) < page) return true;
    after = rows.value().back();
  }
}

}  // namespace

Result<std::optional<CommitmentRows::Difference>> CommitmentRows::Compare(
    LedgerStore& store, const std::string& agreement, int64_t checked, bool complete, int64_t page,
    const std::function<void(int64_t read)>& on_page) const {
  int64_t first = std::numeric_limits<int64_t>::max();   // the first leaf where they differ
  std::optional<EventCommitment> stray;                  // a row that names no event
  std::unordered_map<std::string_view, size_t> matched;  // commitment → its leaves matched so far
  // The commitment of the row before, looked up once per run of its rows.
  std::string current;
  const Leaves* expected = nullptr;
  size_t* position = nullptr;
  Result<bool> read = ForEachRow(
      store, agreement, page,
      [&](const EventCommitment& row) {
        const int64_t leaf = row.leaf_index;
        if (leaf < 0 || leaf >= checked) {
          if (!stray && complete) stray = row;
          return;
        }
        if (row.commitment_id != current || expected == nullptr) {
          current = row.commitment_id;
          auto found = leaves_.find(current);
          expected = found != leaves_.end() ? &found->second : nullptr;
          position = expected != nullptr ? &matched[found->first] : nullptr;
        }
        if (expected == nullptr) {
          first = std::min(first, leaf);
          return;
        }
        // The leaves named before this row's that have no row, then this row.
        while (*position < expected->size() && (*expected)[*position] < leaf) {
          first = std::min(first, (*expected)[(*position)++]);
        }
        if (*position < expected->size() && (*expected)[*position] == leaf) {
          ++*position;
        } else {
          first = std::min(first, leaf);
        }
      },
      on_page);
  if (!read.ok()) return read.error();
  for (const auto& [commitment, leaves] : leaves_) {
    const size_t done = matched[commitment];
    if (done < leaves.size()) first = std::min(first, leaves[done]);
  }
  if (first != std::numeric_limits<int64_t>::max()) {
    Result<Difference> difference = DifferenceAt(store, agreement, first, page);
    if (!difference.ok()) return difference.error();
    return std::optional<Difference>(std::move(difference).value());
  }
  if (stray) {
    return std::optional<Difference>(
        Difference{-1, "",
                   fmt::format("event_commitments row ({}, leaf {}) names no event of the ledger",
                               stray->commitment_id, stray->leaf_index)});
  }
  return std::optional<Difference>();
}

Result<CommitmentRows::Difference> CommitmentRows::DifferenceAt(LedgerStore& store,
                                                                const std::string& agreement,
                                                                int64_t leaf, int64_t page) const {
  // A second reading of the rows, only when they differ: the table has no index by leaf.
  std::vector<std::string> held;
  Result<bool> read = ForEachRow(store, agreement, page, [&](const EventCommitment& row) {
    if (row.leaf_index == leaf) held.push_back(row.commitment_id);
  });
  if (!read.ok()) return read.error();
  std::vector<std::string> named;
  for (const auto& [commitment, leaves] : leaves_) {
    if (std::binary_search(leaves.begin(), leaves.end(), leaf)) named.push_back(commitment);
  }
  std::sort(held.begin(), held.end());
  std::sort(named.begin(), named.end());
  Result<std::vector<StoredEvent>> event = store.ReadEvents(agreement, leaf, leaf + 1);
  if (!event.ok()) return event.error();
  return Difference{leaf, event.value().empty() ? "" : event.value().front().id,
                    fmt::format("column event_commitments holds \"{}\", the event says \"{}\"",
                                fmt::join(held, ","), fmt::join(named, ","))};
}

}  // namespace treaty::ledger
