#include "ledger/merkle_tree.h"

#include <bit>

namespace treaty::ledger {
namespace {

bool IsOdd(size_t n) { return (n & 1) != 0; }

}  // namespace

Hash EmptyTreeRoot() { return Sha256(""); }

bool VerifyInclusion(size_t index, size_t tree_size, const Hash& leaf,
                     const std::vector<Hash>& proof, const Hash& root) {
  if (index >= tree_size) return false;
  size_t fn = index;
  size_t sn = tree_size - 1;
  Hash r = leaf;
  for (const Hash& p : proof) {
    if (sn == 0) return false;
    if (IsOdd(fn) || fn == sn) {
      r = NodeHash(p, r);
      while (!IsOdd(fn) && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = NodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && r == root;
}

bool VerifyConsistency(size_t old_size, size_t new_size, const Hash& old_root, const Hash& new_root,
                       const std::vector<Hash>& proof) {
  if (old_size == 0 || old_size > new_size) return false;
  if (old_size == new_size) return proof.empty() && old_root == new_root;
  if (proof.empty()) return false;
  // Step 2 puts old_root in front of the path when old_size is a power of two; rather than copy
  // the path, start from old_root and walk all of it, else start from its first value.
  const bool prepend = std::has_single_bit(old_size);
  size_t fn = old_size - 1;
  size_t sn = new_size - 1;
  while (IsOdd(fn)) {
    fn >>= 1;
    sn >>= 1;
  }
  Hash fr = prepend ? old_root : proof[0];
  Hash sr = fr;
  for (size_t i = prepend ? 0 : 1; i < proof.size(); ++i) {
    const Hash& c = proof[i];
    if (sn == 0) return false;
    if (IsOdd(fn) || fn == sn) {
      fr = NodeHash(c, fr);
      sr = NodeHash(c, sr);
      while (!IsOdd(fn) && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      sr = NodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return fr == old_root && sr == new_root && sn == 0;
}

}  // namespace treaty::ledger
