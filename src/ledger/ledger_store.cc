#include "ledger/ledger_store.h"

#include <fmt/format.h>

namespace treaty::ledger {
namespace {

// Error unless `tree_size` is within the committed tree of `agreement`.
std::optional<Error> CheckCommitted(LedgerStore& store, const std::string& agreement,
                                    int64_t tree_size) {
  Result<std::optional<LedgerState>> state = store.State(agreement);
  if (!state.ok()) return state.error();
  const int64_t size = state.value() ? state.value()->tree_size : 0;
  if (tree_size > size) {
    return Error{fmt::format("tree size {} is beyond the ledger of {} ({} events)", tree_size,
                             agreement, size),
                 ""};
  }
  return std::nullopt;
}

}  // namespace

Result<std::vector<StoredEvent>> LedgerStore::ReadEvents(const std::string& agreement,
                                                         int64_t begin, int64_t end) {
  std::vector<StoredEvent> rows;
  if (std::optional<Error> error = ReadEventsInto(agreement, begin, end, rows)) return *error;
  return rows;
}

Result<Hash> LedgerStore::Root(const std::string& agreement, int64_t tree_size) {
  if (tree_size < 0) return Error{fmt::format("tree size {} is negative", tree_size), ""};
  if (auto error = CheckCommitted(*this, agreement, tree_size)) return *error;
  BlockTreeReader reader(*this, tree_size, &blocks_);
  return TreeRoot(reader, agreement, tree_size);
}

Result<std::vector<Hash>> LedgerStore::InclusionPath(const std::string& agreement,
                                                     int64_t leaf_index, int64_t tree_size) {
  if (leaf_index < 0 || leaf_index >= tree_size) {
    return Error{fmt::format("leaf_index {} is not below tree size {}", leaf_index, tree_size), ""};
  }
  if (auto error = CheckCommitted(*this, agreement, tree_size)) return *error;
  BlockTreeReader reader(*this, tree_size, &blocks_);
  return TreeInclusionPath(reader, agreement, leaf_index, tree_size);
}

Result<std::vector<Hash>> LedgerStore::ConsistencyPath(const std::string& agreement,
                                                       int64_t old_size, int64_t new_size) {
  if (old_size < 1) return Error{fmt::format("old size {} is below 1", old_size), ""};
  if (old_size > new_size) {
    return Error{fmt::format("old size {} is larger than new size {}", old_size, new_size), ""};
  }
  if (auto error = CheckCommitted(*this, agreement, new_size)) return *error;
  BlockTreeReader reader(*this, new_size, &blocks_);
  return TreeConsistencyPath(reader, agreement, old_size, new_size);
}

}  // namespace treaty::ledger
