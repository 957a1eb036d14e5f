// The cache of hash blocks kept across proofs (docs/ledger-format.md §6.6): it answers what it was
// given, tells a right-edge block from the same block completed, and drops the least recently
// used block beyond its capacity.
#include <gtest/gtest.h>

#include <vector>

#include "ledger/block_cache.h"
#include "ledger/hash.h"

namespace treaty::ledger::test {
namespace {

std::vector<Hash> Hashes(int count, uint8_t fill) {
  Hash hash;
  hash.fill(fill);
  return std::vector<Hash>(static_cast<size_t>(count), hash);
}

TEST(BlockCacheTest, ABlockIsFoundByAgreementLevelIndexAndCount) {
  BlockCache cache(8);
  cache.Add({"lv-ua-2024", 0, 3, 45}, Hashes(45, 1));
  ASSERT_NE(cache.Find({"lv-ua-2024", 0, 3, 45}), nullptr);
  EXPECT_EQ(*cache.Find({"lv-ua-2024", 0, 3, 45}), Hashes(45, 1));
  EXPECT_EQ(cache.Find({"lv-ua-2024", 0, 3, 256}), nullptr);  // the same block, completed
  EXPECT_EQ(cache.Find({"lv-ua-2024", 8, 3, 45}), nullptr);
  EXPECT_EQ(cache.Find({"ee-ua-2024", 0, 3, 45}), nullptr);
}

TEST(BlockCacheTest, TheLeastRecentlyUsedBlockIsDroppedBeyondTheCapacity) {
  BlockCache cache(2);
  cache.Add({"a", 0, 0, 1}, Hashes(1, 1));
  cache.Add({"a", 0, 1, 1}, Hashes(1, 2));
  ASSERT_NE(cache.Find({"a", 0, 0, 1}), nullptr);  // now the most recently used
  cache.Add({"a", 0, 2, 1}, Hashes(1, 3));
  EXPECT_EQ(cache.Find({"a", 0, 1, 1}), nullptr);
  ASSERT_NE(cache.Find({"a", 0, 0, 1}), nullptr);
  EXPECT_EQ(*cache.Find({"a", 0, 0, 1}), Hashes(1, 1));
  ASSERT_NE(cache.Find({"a", 0, 2, 1}), nullptr);
  EXPECT_EQ(*cache.Find({"a", 0, 2, 1}), Hashes(1, 3));
}

}  // namespace
}  // namespace treaty::ledger::test
