// The ledger's Merkle tree: RFC 9162 §2.1 exactly (docs/ledger-format.md §3), over leaf hashes
// (LeafHash of each event's canonical bytes, in leaf-index order).
//
// The proofs themselves are made from the store (range_hash.h). Verification takes untrusted
// input: any inconsistent argument makes it return false, never crash. Thread-safe.
#pragma once

#include <cstddef>
#include <vector>

#include "ledger/hash.h"

namespace treaty::ledger {

// MTH of RFC 9162 §2.1.1 of no leaves, "MTH({}) = SHA-256()": the root of an empty ledger.
Hash EmptyTreeRoot();

// §2.1.3.2: true when `proof` leads from `leaf`, leaf `index` of a tree of `tree_size` leaves, to
// `root`. False when index >= tree_size.
bool VerifyInclusion(size_t index, size_t tree_size, const Hash& leaf,
                     const std::vector<Hash>& proof, const Hash& root);

// §2.1.4.2: true when `proof` shows that the tree of `old_size` leaves with `old_root` is a
// prefix of the tree of `new_size` leaves with `new_root`. For equal sizes true exactly when the
// proof is empty and the roots are equal; false when old_size is 0 or above new_size.
bool VerifyConsistency(size_t old_size, size_t new_size, const Hash& old_root, const Hash& new_root,
                       const std::vector<Hash>& proof);

}  // namespace treaty::ledger
