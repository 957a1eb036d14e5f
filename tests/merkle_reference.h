// RFC 9162 §2.1 computed from a list of leaf hashes in memory, straight from the RFC's recursive
// definitions: the reference that the store's proofs (range_hash.h), verify and the test vectors
// are checked against. Each call costs O(n) node hashes for n leaves.
#pragma once

#include <bit>
#include <cassert>
#include <span>
#include <vector>

#include "ledger/hash.h"
#include "ledger/merkle_tree.h"

namespace treaty::ledger {

// MTH of RFC 9162 §2.1.1: the root of the tree over `leaves`; EmptyTreeRoot when there are none.
// A prefix of a longer list gives the root at that size.
inline Hash MerkleTreeHash(std::span<const Hash> leaves) {
  if (leaves.empty()) return EmptyTreeRoot();
  if (leaves.size() == 1) return leaves[0];
  const size_t k = std::bit_floor(leaves.size() - 1);
  return NodeHash(MerkleTreeHash(leaves.first(k)), MerkleTreeHash(leaves.subspan(k)));
}

// PATH(m, D[n]) of §2.1.3.1, appended to `path` deepest first.
inline void AppendReferencePath(size_t m, std::span<const Hash> leaves, std::vector<Hash>& path) {
  if (leaves.size() <= 1) return;
  const size_t k = std::bit_floor(leaves.size() - 1);
  if (m < k) {
    AppendReferencePath(m, leaves.first(k), path);
    path.push_back(MerkleTreeHash(leaves.subspan(k)));
  } else {
    AppendReferencePath(m - k, leaves.subspan(k), path);
    path.push_back(MerkleTreeHash(leaves.first(k)));
  }
}

// SUBPROOF(m, D[n], b) of §2.1.4.1, appended to `proof` deepest first.
inline void AppendReferenceSubproof(size_t m, std::span<const Hash> leaves, bool b,
                                    std::vector<Hash>& proof) {
  if (m == leaves.size()) {
    if (!b) proof.push_back(MerkleTreeHash(leaves));
    return;
  }
  const size_t k = std::bit_floor(leaves.size() - 1);
  if (m <= k) {
    AppendReferenceSubproof(m, leaves.first(k), b, proof);
    proof.push_back(MerkleTreeHash(leaves.subspan(k)));
  } else {
    AppendReferenceSubproof(m - k, leaves.subspan(k), false, proof);
    proof.push_back(MerkleTreeHash(leaves.first(k)));
  }
}

// The inclusion path of leaf `index` in the tree of the first `tree_size` leaves, from the leaf's
// sibling up to the root's child; empty for a tree of one leaf.
// REQUIRES: index < tree_size <= leaves.size().
inline std::vector<Hash> InclusionProof(const std::vector<Hash>& leaves, size_t index,
                                        size_t tree_size) {
  assert(index < tree_size && tree_size <= leaves.size());
  std::vector<Hash> path;
  AppendReferencePath(index, std::span(leaves).first(tree_size), path);
  return path;
}

// The consistency path from the tree of the first `old_size` leaves to that of the first
// `new_size`; empty when the sizes are equal (the one case beyond RFC 9162,
// docs/ledger-format.md §3.3). REQUIRES: 0 < old_size <= new_size <= leaves.size().
inline std::vector<Hash> ConsistencyProof(const std::vector<Hash>& leaves, size_t old_size,
                                          size_t new_size) {
  assert(0 < old_size && old_size <= new_size && new_size <= leaves.size());
  std::vector<Hash> proof;
  AppendReferenceSubproof(old_size, std::span(leaves).first(new_size), true, proof);
  return proof;
}

}  // namespace treaty::ledger
