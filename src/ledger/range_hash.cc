#include "ledger/range_hash.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include <fmt/format.h>

#include "ledger/merkle_tree.h"

namespace treaty::ledger {
namespace {

// The root of a perfect tree whose bottom row is `row` (a power of two of hashes), pairing
// neighbours level by level.
Hash Fold(std::vector<Hash> row) {
  while (row.size() > 1) {
    for (size_t i = 0; i < row.size() / 2; ++i) row[i] = NodeHash(row[2 * i], row[2 * i + 1]);
    row.resize(row.size() / 2);
  }
  return row[0];
}

Result<Hash> FoldRead(Result<std::vector<Hash>> row, size_t expected) {
  if (!row.ok()) return row.error();
  if (row.value().size() != expected) {
    return Error{fmt::format("the store returned {} hashes for {}", row.value().size(), expected),
                 ""};
  }
  return Fold(std::move(row).value());
}

// MTH of the perfect subtree of 2^level leaves starting at `begin`.
Result<Hash> PerfectHash(TreeReader& reader, const std::string& agreement, int64_t begin,
                         int level) {
  if (level >= kCacheLevelStep) {
    const int cached = level / kCacheLevelStep * kCacheLevelStep;
    const int64_t first = begin >> cached;
    const int64_t count = int64_t{1} << (level - cached);
    return FoldRead(reader.CachedNodes(agreement, cached, first, first + count), count);
  }
  const int64_t count = int64_t{1} << level;
  return FoldRead(reader.LeafHashes(agreement, begin, begin + count), count);
}

int64_t SplitPoint(int64_t n) { return static_cast<int64_t>(std::bit_floor(uint64_t(n - 1))); }

Result<bool> AppendPath(TreeReader& reader, const std::string& agreement, int64_t m, int64_t begin,
                        int64_t end, std::vector<Hash>& path) {
  if (end - begin <= 1) return true;
  const int64_t k = SplitPoint(end - begin);
  const bool left = m < begin + k;
  Result<bool> deeper = left ? AppendPath(reader, agreement, m, begin, begin + k, path)
                             : AppendPath(reader, agreement, m, begin + k, end, path);
  if (!deeper.ok()) return deeper;
  Result<Hash> sibling = left ? RangeHash(reader, agreement, begin + k, end)
                              : RangeHash(reader, agreement, begin, begin + k);
  if (!sibling.ok()) return sibling.error();
  path.push_back(sibling.value());
  return true;
}

// SUBPROOF(m, D[begin:end], complete) of §3.3, m relative to `begin`.
Result<bool> AppendSubproof(TreeReader& reader, const std::string& agreement, int64_t m,
                            int64_t begin, int64_t end, bool complete, std::vector<Hash>& proof) {
  if (m == end - begin) {
    if (complete) return true;
    Result<Hash> hash = RangeHash(reader, agreement, begin, end);
    if (!hash.ok()) return hash.error();
    proof.push_back(hash.value());
    return true;
  }
  const int64_t k = SplitPoint(end - begin);
  const bool left = m <= k;
  Result<bool> deeper =
      left ? AppendSubproof(reader, agreement, m, begin, begin + k, complete, proof)
           : AppendSubproof(reader, agreement, m - k, begin + k, end, false, proof);
  if (!deeper.ok()) return deeper;
  Result<Hash> sibling = left ? RangeHash(reader, agreement, begin + k, end)
                              : RangeHash(reader, agreement, begin, begin + k);
  if (!sibling.ok()) return sibling.error();
  proof.push_back(sibling.value());
  return true;
}

}  // namespace

Result<std::vector<Hash>> BlockTreeReader::LeafHashes(const std::string& agreement, int64_t begin,
                                                      int64_t end) {
  return Read(agreement, 0, begin, end);
}

Result<std::vector<Hash>> BlockTreeReader::CachedNodes(const std::string& agreement, int level,
                                                       int64_t begin, int64_t end) {
  return Read(agreement, level, begin, end);
}

Result<std::string> BlockTreeReader::NodeChildren(const std::string& agreement, int level,
                                                  int64_t node_index) {
  return base_.NodeChildren(agreement, level, node_index);
}

Result<std::optional<std::vector<Hash>>> BlockTreeReader::ReadChildren(const std::string& agreement,
                                                                       int level, int64_t block) {
  const int parent = level + kCacheLevelStep;
  Result<std::string> children = base_.NodeChildren(agreement, parent, block);
  if (!children.ok()) return children.error();
  const std::string& bytes = children.value();
  if (bytes.empty()) return std::optional<std::vector<Hash>>();
  if (bytes.size() != kNodeChildrenBytes) {
    return Error{fmt::format("cached node (level {}, index {}) of {}: the stored children are {} "
                             "bytes, not {}",
                             parent, block, agreement, bytes.size(), kNodeChildrenBytes),
                 ""};
  }
  std::vector<Hash> hashes(size_t{1} << kCacheLevelStep);
  std::memcpy(hashes.data(), bytes.data(), bytes.size());
  return std::optional<std::vector<Hash>>(std::move(hashes));
}

Result<std::vector<Hash>> BlockTreeReader::Read(const std::string& agreement, int level,
                                                int64_t begin, int64_t end) {
  constexpr int64_t kBlock = int64_t{1} << kCacheLevelStep;
  const int64_t block = begin / kBlock;
  const int64_t block_begin = block * kBlock;
  // Leaves, or the complete nodes of `level`, within the tree.
  const int64_t limit = tree_size_ >> level;
  const int64_t block_end = std::min(block_begin + kBlock, limit);
  if (begin < 0 || end > block_end || begin >= end) {
    return level == 0 ? base_.LeafHashes(agreement, begin, end)
                      : base_.CachedNodes(agreement, level, begin, end);
  }
  const BlockKey key{agreement, level, block, block_end - block_begin};
  const std::vector<Hash>* found = cache_.Find(key);
  if (found == nullptr) {
    std::optional<std::vector<Hash>> hashes;
    // A whole block is the children of a cached node of the tree.
    if (block_end - block_begin == kBlock && level + kCacheLevelStep <= kMaxCacheLevel) {
      Result<std::optional<std::vector<Hash>>> children = ReadChildren(agreement, level, block);
      if (!children.ok()) return children.error();
      hashes = std::move(children).value();
    }
    if (!hashes) {
      Result<std::vector<Hash>> read =
          level == 0 ? base_.LeafHashes(agreement, block_begin, block_end)
                     : base_.CachedNodes(agreement, level, block_begin, block_end);
      if (!read.ok()) return read.error();
      hashes = std::move(read).value();
    }
    found = &cache_.Add(key, *std::move(hashes));
  }
  const std::vector<Hash>& hashes = *found;
  if (static_cast<int64_t>(hashes.size()) != block_end - block_begin) {
    return Error{
        fmt::format("the store returned {} hashes for {}", hashes.size(), block_end - block_begin),
        ""};
  }
  return std::vector<Hash>(hashes.begin() + (begin - block_begin),
                           hashes.begin() + (end - block_begin));
}

Result<Hash> RangeHash(TreeReader& reader, const std::string& agreement, int64_t begin,
                       int64_t end) {
  const int64_t n = end - begin;
  if (std::has_single_bit(uint64_t(n))) {
    return PerfectHash(reader, agreement, begin, std::countr_zero(uint64_t(n)));
  }
  const int64_t k = SplitPoint(n);
  Result<Hash> left = RangeHash(reader, agreement, begin, begin + k);
  if (!left.ok()) return left;
  Result<Hash> right = RangeHash(reader, agreement, begin + k, end);
  if (!right.ok()) return right;
  return NodeHash(left.value(), right.value());
}

Result<Hash> TreeRoot(TreeReader& reader, const std::string& agreement, int64_t tree_size) {
  if (tree_size == 0) return EmptyTreeRoot();
  return RangeHash(reader, agreement, 0, tree_size);
}

Result<std::vector<Hash>> TreeInclusionPath(TreeReader& reader, const std::string& agreement,
                                            int64_t leaf_index, int64_t tree_size) {
  std::vector<Hash> path;
  Result<bool> done = AppendPath(reader, agreement, leaf_index, 0, tree_size, path);
  if (!done.ok()) return done.error();
  return path;
}

Result<std::vector<Hash>> TreeConsistencyPath(TreeReader& reader, const std::string& agreement,
                                              int64_t old_size, int64_t new_size) {
  std::vector<Hash> proof;
  if (old_size == new_size) return proof;
  Result<bool> done = AppendSubproof(reader, agreement, old_size, 0, new_size, true, proof);
  if (!done.ok()) return done.error();
  return proof;
}

Result<CachedNode> ComputeCachedNode(TreeReader& reader, const std::string& agreement, int level,
                                     int64_t node_index) {
  const int64_t width = int64_t{1} << kCacheLevelStep;
  const int64_t first = node_index * width;
  Result<std::vector<Hash>> children =
      level == kCacheLevelStep
          ? reader.LeafHashes(agreement, first, first + width)
          : reader.CachedNodes(agreement, level - kCacheLevelStep, first, first + width);
  if (!children.ok()) return children.error();
  CachedNode node{level, node_index, {}, {}};
  node.children.assign(reinterpret_cast<const char*>(children.value().data()),
                       children.value().size() * sizeof(Hash));
  Result<Hash> hash = FoldRead(std::move(children), width);
  if (!hash.ok()) return hash.error();
  node.hash = hash.value();
  return node;
}

std::vector<std::pair<int, int64_t>> CompletedCacheNodes(int64_t old_size, int64_t new_size) {
  std::vector<std::pair<int, int64_t>> nodes;
  for (int level = kCacheLevelStep; level <= kMaxCacheLevel; level += kCacheLevelStep) {
    for (int64_t i = old_size >> level; i < (new_size >> level); ++i) nodes.emplace_back(level, i);
  }
  return nodes;
}

}  // namespace treaty::ledger
