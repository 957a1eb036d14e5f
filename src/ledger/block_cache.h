// Blocks of up to 2^8 stored hashes (leaf hashes or cached nodes of one level, range_hash.h), kept
// in memory across proofs and roots (docs/ledger-format.md §6.6). Rows below a ledger's committed
// size never change (§6.5), so a block read once serves every later proof that needs it: the
// blocks at the right edge of the tree are needed by every proof at one size, and the few blocks
// of the upper levels by most. Not thread-safe.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "ledger/hash.h"

namespace treaty::ledger {

// A block: the `count` hashes of `level` (0: leaves) from index block·2^8 on. A block at the right
// edge of a tree holds fewer than 2^8 and is a different block from the same one completed.
struct BlockKey {
  std::string agreement;
  int level = 0;
  int64_t block = 0;
  int64_t count = 0;
  auto operator<=>(const BlockKey&) const = default;
};

class BlockCache {
 public:
  // At most `capacity` blocks (8 KiB each when whole) are kept, the least recently used dropped.
  // REQUIRES: capacity ≥ 1.
  explicit BlockCache(size_t capacity) : capacity_(capacity) {}

  // The hashes of `key`, or nullptr; valid until the next Add.
  const std::vector<Hash>* Find(const BlockKey& key);
  // Keeps `hashes` as `key`; returns them, valid until the next Add. REQUIRES: `key` not kept
  // (Find gave nullptr).
  const std::vector<Hash>& Add(const BlockKey& key, std::vector<Hash> hashes);

 private:
  using Entries = std::list<std::pair<BlockKey, std::vector<Hash>>>;  // most recently used first

  size_t capacity_;
  Entries entries_;
  std::map<BlockKey, Entries::iterator> index_;
};

}  // namespace treaty::ledger
