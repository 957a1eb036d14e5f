// Proofs from stored hashes (docs/ledger-format.md §6.6) over a real SQLite ledger with nodes at
// cache levels 8 and 16: they equal the proofs of merkle_tree.h over all leaves, and
// BlockTreeReader reads each block once, at most two blocks per cache level, a whole block as the
// children of the node above it.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "ledger/merkle_tree.h"
#include "ledger/range_hash.h"
#include "ledger_test_util.h"
#include "merkle_reference.h"
#include "store/sqlite/ledger_store_sqlite.h"

namespace treaty::ledger::test {
namespace {

constexpr const char* kAgreement = "lv-ua-2024";
constexpr int64_t kLeaves = 66000;  // past 2^16: nodes at levels 8 and 16

// The store's reads, recorded as (level, begin): each call is one query of the store. A read of a
// node's children is recorded as the block it stands for, and in `children` as the node.
class RecordingReader : public TreeReader {
 public:
  explicit RecordingReader(TreeReader& store) : store_(store) {}

  Result<std::vector<Hash>> LeafHashes(const std::string& agreement, int64_t begin,
                                       int64_t end) override {
    reads.emplace_back(0, begin);
    return store_.LeafHashes(agreement, begin, end);
  }
  Result<std::vector<Hash>> CachedNodes(const std::string& agreement, int level, int64_t begin,
                                        int64_t end) override {
    reads.emplace_back(level, begin);
    return store_.CachedNodes(agreement, level, begin, end);
  }
  Result<std::string> NodeChildren(const std::string& agreement, int level,
                                   int64_t node_index) override {
    reads.emplace_back(level - kCacheLevelStep, node_index << kCacheLevelStep);
    children.emplace_back(level, node_index);
    return store_.NodeChildren(agreement, level, node_index);
  }

  // Empty when no block was read twice and no level more than twice; else what was.
  std::string Excess() const {
    std::map<std::pair<int, int64_t>, int> per_block;
    std::map<int, int> per_level;
    for (const auto& read : reads) {
      if (++per_block[read] > 1)
        return fmt::format("block ({}, {}) read twice", read.first, read.second);
      if (++per_level[read.first] > 2) return fmt::format("level {} read 3 times", read.first);
    }
    return "";
  }

  std::vector<std::pair<int, int64_t>> reads;
  std::vector<std::pair<int, int64_t>> children;

 private:
  TreeReader& store_;
};

class LedgerRangeHashTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    store_ = store::SqliteLedgerStore::Open(":memory:").value().release();
    const KeysFile keys = TestKeys();
    const Event base = Disbursement(1, "range-0");
    for (int64_t first = 0; first < kLeaves; first += 10000) {
      AppendRequest request;
      request.agreement = kAgreement;
      request.key = TestKey("lv-mod");
      request.keys = &keys;
      for (int64_t i = first; i < std::min(first + 10000, kLeaves); ++i) {
        Event event = base;
        event.content.amount->minor_units = i + 1;
        event.idempotency_key = "range-" + std::to_string(i);
        request.submissions.push_back(event);
      }
      ASSERT_TRUE(store_->Append(request).ok());
    }
    leaves_ = new std::vector<Hash>(store_->LeafHashes(kAgreement, 0, kLeaves).value());
  }
  static void TearDownTestSuite() {
    delete store_;
    delete leaves_;
  }

  // Pairs (leaf or old size − 1, tree size) on both sides of the block and level boundaries,
  // and random ones.
  static std::vector<std::pair<int64_t, int64_t>> Cases() {
    std::vector<std::pair<int64_t, int64_t>> cases;
    std::mt19937_64 random(9162);
    for (int i = 0; i < 200; ++i) {
      const int64_t size = 1 + static_cast<int64_t>(random() % kLeaves);
      cases.emplace_back(static_cast<int64_t>(random() % size), size);
    }
    for (const int64_t size :
         std::vector<int64_t>{1, 2, 255, 256, 257, 511, 4097, 65535, 65536, 65537, kLeaves}) {
      for (const int64_t at : {int64_t{0}, size / 3, size / 2, size - 2, size - 1}) {
        if (at >= 0 && at < size) cases.emplace_back(at, size);
      }
    }
    return cases;
  }

  static store::SqliteLedgerStore* store_;
  static std::vector<Hash>* leaves_;
};

store::SqliteLedgerStore* LedgerRangeHashTest::store_ = nullptr;
std::vector<Hash>* LedgerRangeHashTest::leaves_ = nullptr;

TEST_F(LedgerRangeHashTest, InclusionPathsMatchTheReferenceAndReadEachBlockOnce) {
  for (const auto& [leaf, size] : Cases()) {
    RecordingReader recording(*store_);
    BlockTreeReader reader(recording, size);
    Result<std::vector<Hash>> path = TreeInclusionPath(reader, kAgreement, leaf, size);
    ASSERT_TRUE(path.ok()) << path.error().ToString();
    EXPECT_EQ(path.value(), InclusionProof(*leaves_, leaf, size)) << leaf << " of " << size;
    EXPECT_EQ(recording.Excess(), "") << leaf << " of " << size;
  }
}

TEST_F(LedgerRangeHashTest, APathAtTheRightEdgeReadsEveryCacheLevel) {
  RecordingReader recording(*store_);
  BlockTreeReader reader(recording, kLeaves);
  ASSERT_TRUE(TreeInclusionPath(reader, kAgreement, kLeaves - 1, kLeaves).ok());
  std::set<int> levels;
  for (const auto& read : recording.reads) levels.insert(read.first);
  EXPECT_EQ(levels, (std::set<int>{0, 8, 16}));
}

// Inside a perfect tree of 2^16 leaves, a path needs one whole block of leaves and one of level-8
// nodes: each is one row, the children of the node above it (§6.6).
TEST_F(LedgerRangeHashTest, AWholeBlockIsReadAsTheChildrenOfTheNodeAboveIt) {
  RecordingReader recording(*store_);
  BlockTreeReader reader(recording, 65536);
  Result<std::vector<Hash>> path = TreeInclusionPath(reader, kAgreement, 1000, 65536);
  ASSERT_TRUE(path.ok()) << path.error().ToString();
  EXPECT_EQ(path.value(), InclusionProof(*leaves_, 1000, 65536));
  using Reads = std::vector<std::pair<int, int64_t>>;
  EXPECT_EQ(recording.children, (Reads{{8, 3}, {16, 0}}));
  EXPECT_EQ(recording.reads, (Reads{{0, 768}, {8, 0}}));
}

// Proofs at one size share the blocks at the right edge of the tree and of the upper levels: with
// the cache of earlier proofs, a proof reads only what is its own.
TEST_F(LedgerRangeHashTest, ASharedCacheServesTheBlocksOfEarlierProofs) {
  BlockCache cache(512);
  RecordingReader first(*store_);
  {
    BlockTreeReader reader(first, kLeaves, &cache);
    ASSERT_TRUE(TreeInclusionPath(reader, kAgreement, 5, kLeaves).ok());
  }
  RecordingReader second(*store_);
  BlockTreeReader reader(second, kLeaves, &cache);
  Result<std::vector<Hash>> path = TreeInclusionPath(reader, kAgreement, 300, kLeaves);
  ASSERT_TRUE(path.ok()) << path.error().ToString();
  EXPECT_EQ(path.value(), InclusionProof(*leaves_, 300, kLeaves));
  using Reads = std::vector<std::pair<int, int64_t>>;
  EXPECT_EQ(second.reads, (Reads{{0, 256}}));  // its block of leaves, as node (8, 1)'s children
  EXPECT_GT(first.reads.size(), 3u);
}

TEST_F(LedgerRangeHashTest, ConsistencyPathsMatchTheReferenceAndReadEachBlockOnce) {
  for (const auto& [at, size] : Cases()) {
    const int64_t old_size = at + 1;
    RecordingReader recording(*store_);
    BlockTreeReader reader(recording, size);
    Result<std::vector<Hash>> proof = TreeConsistencyPath(reader, kAgreement, old_size, size);
    ASSERT_TRUE(proof.ok()) << proof.error().ToString();
    EXPECT_EQ(proof.value(), ConsistencyProof(*leaves_, old_size, size))
        << old_size << " to " << size;
    EXPECT_EQ(recording.Excess(), "") << old_size << " to " << size;
  }
}

}  // namespace
}  // namespace treaty::ledger::test
