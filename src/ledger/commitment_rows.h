// The check of docs/ledger-format.md §8 that a ledger's `event_commitments` rows are exactly the
// commitments its events name: the rows are read once in their key's order (commitment, then
// leaf) and compared with the leaves each commitment was named by. Not thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "ledger/huge_page_allocator.h"
#include "ledger/ledger_store.h"

namespace treaty::ledger {

class CommitmentRows {
 public:
  // A difference: at `leaf` (with its event's id), or, with leaf -1, a row that names no event.
  struct Difference {
    int64_t leaf = -1;
    std::string event_id;
    std::string message;
  };

  // The event at `leaf` names `commitment`. REQUIRES: leaves come in ascending order.
  void Add(const std::string& commitment, int64_t leaf) {
    leaves_[commitment].push_back(leaf);
    ++links_;
  }
  // The links added: the rows a table that matches would hold.
  int64_t links() const { return links_; }

  // The rows of `agreement` in `store`, read `page` at a time, against the leaves added, all
  // below `checked`; rows of later leaves are left alone unless `complete` (every event added),
  // when they name no event. The first leaf where they differ, else such a row, else nullopt.
  // `on_page` is called before the first page and after each with the rows read so far. Errors:
  // the store's.
  Result<std::optional<Difference>> Compare(LedgerStore& store, const std::string& agreement,
                                            int64_t checked, bool complete, int64_t page,
                                            const std::function<void(int64_t read)>& on_page) const;

 private:
  // The difference at `leaf`: the commitments the rows hold and those the event names.
  Result<Difference> DifferenceAt(LedgerStore& store, const std::string& agreement, int64_t leaf,
                                  int64_t page) const;

  // The leaves of the events that name a commitment, ascending. 8 bytes a link; a few commitments
  // may be named by millions of events.
  using Leaves = std::vector<int64_t, HugePageAllocator<int64_t>>;
  std::unordered_map<std::string, Leaves> leaves_;  // by commitment id
  int64_t links_ = 0;
};

}  // namespace treaty::ledger
