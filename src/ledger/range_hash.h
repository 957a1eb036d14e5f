// Roots and proofs of the ledger's Merkle tree computed from stored leaf hashes and the cache of
// perfect subtrees (docs/ledger-format.md §6.6), so that no proof reads more than a few hundred
// hashes. The results equal those of merkle_tree.h over all leaves.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "ledger/block_cache.h"
#include "ledger/hash.h"
#include "ledger/stored_records.h"

namespace treaty::ledger {

// The levels of the node cache: perfect subtrees of 2^8, 2^16, … leaves.
inline constexpr int kCacheLevelStep = 8;
inline constexpr int kMaxCacheLevel = 48;
// The size of a cached node's children: 2^8 hashes.
inline constexpr size_t kNodeChildrenBytes = sizeof(Hash) << kCacheLevelStep;

// Where stored hashes come from: a store, or an open append transaction.
class TreeReader {
 public:
  virtual ~TreeReader() = default;
  // The leaf hashes of leaves [begin, end), in order. Errors: a missing leaf, a stored hash that
  // is not 32 bytes (appends and proofs build on these, so they must not read it as zero), a
  // database failure.
  virtual Result<std::vector<Hash>> LeafHashes(const std::string& agreement, int64_t begin,
                                               int64_t end) = 0;
  // The cached nodes (level, begin) … (level, end − 1), in order. Errors: a missing node, a stored
  // hash that is not 32 bytes.
  virtual Result<std::vector<Hash>> CachedNodes(const std::string& agreement, int level,
                                                int64_t begin, int64_t end) = 0;
  // The children stored with the cached node (level, node_index) (§6.6), whatever their size
  // (the caller checks it); empty when the node is missing or has none (NULL or empty).
  virtual Result<std::string> NodeChildren(const std::string& agreement, int level,
                                           int64_t node_index) = 0;
};

// A TreeReader over `base` that reads leaf hashes and cached nodes in aligned blocks of 2^8 and
// keeps them in a BlockCache, so that one proof or root reads each block at most once (three or
// four queries at 10M leaves instead of one per level), and, with the store's cache, later proofs
// not at all. A whole block is read as the children of the cached node above it, one row, when
// that node has them (§6.6), else as its 2^8 rows; a block cut by the tree's size, row by row.
// Reads outside the first `tree_size` leaves, or crossing a block, go to `base` unchanged. Holds
// references to `base` and `shared`; not thread-safe.
class BlockTreeReader : public TreeReader {
 public:
  // `shared`: a cache kept across readers, which must only see rows below `base`'s committed
  // size; without it the blocks are kept for this reader's life.
  BlockTreeReader(TreeReader& base, int64_t tree_size, BlockCache* shared = nullptr)
      : base_(base), tree_size_(tree_size), cache_(shared != nullptr ? *shared : own_) {}
  BlockTreeReader(const BlockTreeReader&) = delete;
  BlockTreeReader& operator=(const BlockTreeReader&) = delete;

  Result<std::vector<Hash>> LeafHashes(const std::string& agreement, int64_t begin,
                                       int64_t end) override;
  Result<std::vector<Hash>> CachedNodes(const std::string& agreement, int level, int64_t begin,
                                        int64_t end) override;
  Result<std::string> NodeChildren(const std::string& agreement, int level,
                                   int64_t node_index) override;

 private:
  // Level 0 for leaves.
  Result<std::vector<Hash>> Read(const std::string& agreement, int level, int64_t begin,
                                 int64_t end);
  // Block `block` of `level` as the children of the cached node above it; nullopt when that node
  // has none. Errors: children that are not kNodeChildrenBytes.
  Result<std::optional<std::vector<Hash>>> ReadChildren(const std::string& agreement, int level,
                                                        int64_t block);

  TreeReader& base_;
  int64_t tree_size_;
  BlockCache own_{64};  // more than any one proof or root reads
  BlockCache& cache_;
};

// RangeHash(a, b) of §6.6: MTH of leaves [begin, end). REQUIRES: end − begin ≥ 1, `begin` a
// multiple of the largest power of two ≤ end − begin, and every perfect subtree of a cache level
// inside [0, end) cached.
Result<Hash> RangeHash(TreeReader& reader, const std::string& agreement, int64_t begin,
                       int64_t end);

// MTH of the first `tree_size` leaves; SHA-256("") for 0.
Result<Hash> TreeRoot(TreeReader& reader, const std::string& agreement, int64_t tree_size);

// §3.2 PATH(leaf_index, D[tree_size]). REQUIRES: leaf_index < tree_size.
Result<std::vector<Hash>> TreeInclusionPath(TreeReader& reader, const std::string& agreement,
                                            int64_t leaf_index, int64_t tree_size);

// §3.3 PROOF(old_size, D[new_size]); empty when equal. REQUIRES: 0 < old_size ≤ new_size.
Result<std::vector<Hash>> TreeConsistencyPath(TreeReader& reader, const std::string& agreement,
                                              int64_t old_size, int64_t new_size);

// The cache node (level, node_index) computed from the level below it (leaf hashes for level 8,
// else the 256 cached nodes of level − 8), with those hashes as its children. REQUIRES: level a
// cache level, those hashes present.
Result<CachedNode> ComputeCachedNode(TreeReader& reader, const std::string& agreement, int level,
                                     int64_t node_index);

// The cache nodes completed when the tree grows from `old_size` to `new_size` leaves, as
// (level, index) pairs, lowest level first: every (L, i) with L a cache level and
// old_size < (i + 1)·2^L ≤ new_size.
std::vector<std::pair<int, int64_t>> CompletedCacheNodes(int64_t old_size, int64_t new_size);

}  // namespace treaty::ledger
