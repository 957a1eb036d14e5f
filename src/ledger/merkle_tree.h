// The ledger's Merkle tree: RFC 9162 §2.1 exactly (docs/ledger-format.md §3), over leaf hashes
// (LeafHash of each event's canonical bytes, in leaf-index order).
//
// Generation recomputes subtree hashes from the leaves: each function below costs O(n) node
// hashes for a tree of n leaves and O(log n) recursion depth. Its preconditions are the caller's
// (REQUIRES). Verification takes untrusted input: any inconsistent argument makes it return
// false, never crash. Thread-safe.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "ledger/hash.h"

namespace treaty::ledger {

// MTH of RFC 9162 §2.1.1 of no leaves, "MTH({}) = SHA-256()": the root of an empty ledger.
Hash EmptyTreeRoot();

// MTH of RFC 9162 §2.1.1: the root of the tree over `leaves`; EmptyTreeRoot when there are none.
// A prefix of a longer list gives the root at that size.
Hash MerkleTreeHash(std::span<const Hash> leaves);

// The inclusion path of leaf `index` in the tree of the first `tree_size` leaves (§2.1.3.1),
// from the leaf's sibling up to the root's child; empty for a tree of one leaf.
// REQUIRES: index < tree_size <= leaves.size().
std::vector<Hash> InclusionProof(const std::vector<Hash>& leaves, size_t index, size_t tree_size);

// §2.1.3.2: true when `proof` leads from `leaf`, leaf `index` of a tree of `tree_size` leaves, to
// `root`. False when index >= tree_size.
bool VerifyInclusion(size_t index, size_t tree_size, const Hash& leaf,
                     const std::vector<Hash>& proof, const Hash& root);

// The consistency path from the tree of the first `old_size` leaves to that of the first
// `new_size` (§2.1.4.1); empty when the sizes are equal (the one case beyond RFC 9162, §3.3).
// REQUIRES: 0 < old_size <= new_size <= leaves.size().
std::vector<Hash> ConsistencyProof(const std::vector<Hash>& leaves, size_t old_size,
                                   size_t new_size);

// §2.1.4.2: true when `proof` shows that the tree of `old_size` leaves with `old_root` is a
// prefix of the tree of `new_size` leaves with `new_root`. For equal sizes true exactly when the
// proof is empty and the roots are equal; false when old_size is 0 or above new_size.
bool VerifyConsistency(size_t old_size, size_t new_size, const Hash& old_root, const Hash& new_root,
                       const std::vector<Hash>& proof);

}  // namespace treaty::ledger
