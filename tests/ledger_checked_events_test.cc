// CheckedEvents: the ids and idempotency keys `treaty verify` has seen, whatever order the ids
// come in.
#include "ledger/checked_events.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "ledger/uuid.h"

namespace treaty::ledger {
namespace {

// `count` distinct ids in ascending order.
std::vector<UuidBytes> AscendingIds(size_t count) {
  std::vector<UuidBytes> ids(count);
  for (size_t i = 0; i < count; ++i) {
    ids[i][0] = static_cast<uint8_t>(i >> 8);
    ids[i][1] = static_cast<uint8_t>(i);
    ids[i][15] = static_cast<uint8_t>(i * 7);
  }
  return ids;
}

// Adds `ids` in the order given, leaf i for ids[i]; then each is found, by its bytes and by its
// text, at its leaf, and adding any again names that leaf.
void ExpectEachIdOnce(const std::vector<UuidBytes>& ids) {
  CheckedEvents checked;
  checked.Reserve(ids.size() / 2);  // the room reserved is a hint, not a limit
  for (size_t i = 0; i < ids.size(); ++i) {
    ASSERT_EQ(checked.AddId(ids[i], {static_cast<int64_t>(i), EventType::kDelivery}), nullptr) << i;
  }
  for (size_t i = 0; i < ids.size(); ++i) {
    const CheckedEvents::Seen* found = checked.FindId(UuidText(ids[i]));
    ASSERT_NE(found, nullptr) << i;
    EXPECT_EQ(found->leaf_index, static_cast<int64_t>(i));
    const CheckedEvents::Seen* again = checked.AddId(ids[i], {-1, EventType::kPledge});
    ASSERT_NE(again, nullptr) << i;
    EXPECT_EQ(again->leaf_index, static_cast<int64_t>(i));
    EXPECT_EQ(again->type, EventType::kDelivery);
  }
}

TEST(CheckedEvents, EveryIdIsFoundOnceWhateverTheOrder) {
  const std::vector<UuidBytes> ascending = AscendingIds(600);
  ExpectEachIdOnce(ascending);

  std::vector<UuidBytes> descending = ascending;
  std::reverse(descending.begin(), descending.end());
  ExpectEachIdOnce(descending);

  // Runs that ascend, each starting below the end of the one before, as transactions of one
  // millisecond do.
  std::vector<UuidBytes> runs;
  for (size_t start = 0; start < 4; ++start) {
    for (size_t i = start; i < ascending.size(); i += 4) runs.push_back(ascending[i]);
  }
  ExpectEachIdOnce(runs);

  std::vector<UuidBytes> shuffled = ascending;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(7));
  ExpectEachIdOnce(shuffled);
}

TEST(CheckedEvents, AnIdNeverAddedIsNotFound) {
  CheckedEvents checked;
  const std::vector<UuidBytes> ids = AscendingIds(10);
  for (size_t i = 0; i < ids.size(); i += 2) {
    ASSERT_EQ(checked.AddId(ids[i], {static_cast<int64_t>(i), EventType::kNotice}), nullptr);
  }
  for (size_t i = 1; i < ids.size(); i += 2) EXPECT_EQ(checked.FindId(UuidText(ids[i])), nullptr);
  EXPECT_EQ(checked.FindId("not an id"), nullptr);
  EXPECT_EQ(checked.FindId(UuidText(ids[0]).substr(1)), nullptr);
  const CheckedEvents::Seen* last = checked.FindId(UuidText(ids[8]));
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->leaf_index, 8);
  EXPECT_EQ(last->type, EventType::kNotice);

  // Added in descending order, the ids go to the table; the others are still not found.
  CheckedEvents descending;
  for (size_t i = ids.size() - 2;; i -= 2) {
    ASSERT_EQ(descending.AddId(ids[i], {static_cast<int64_t>(i), {}}), nullptr);
    if (i == 0) break;
  }
  for (size_t i = 1; i < ids.size(); i += 2) {
    EXPECT_EQ(descending.FindId(UuidText(ids[i])), nullptr) << i;
  }
  ASSERT_NE(descending.FindId(UuidText(ids[4])), nullptr);
  EXPECT_EQ(descending.FindId(UuidText(ids[4]))->leaf_index, 4);
}

TEST(CheckedEvents, AKeyIsOnePerInstitution) {
  CheckedEvents checked;
  const std::string institutions[] = {"lv-mod", "ua-mod", "lv-mfa"};
  for (int round = 0; round < 2; ++round) {
    for (size_t i = 0; i < 3; ++i) {
      for (const std::string key : {"k", "key-2", "a longer key than the others, one of many"}) {
        const std::optional<int64_t> earlier =
            checked.AddKey(CheckedEvents::MakeKeyOf(institutions[i], key), round * 10 + i);
        if (round == 0) {
          EXPECT_FALSE(earlier.has_value()) << institutions[i] << " " << key;
        } else {
          EXPECT_EQ(earlier, static_cast<int64_t>(i)) << institutions[i] << " " << key;
        }
      }
    }
  }
}

// Enough keys to fill several blocks of kept bytes, and keys longer than a block: each is kept
// whole, so that every one is still found after the blocks that follow it were made.
TEST(CheckedEvents, KeysAreKeptWholeAcrossBlocks) {
  CheckedEvents checked;
  std::vector<std::string> keys;
  for (int i = 0; i < 40000; ++i) keys.push_back(std::string(100, 'k') + std::to_string(i));
  keys.push_back(std::string(3 << 20, 'a'));
  keys.push_back(std::string(3 << 20, 'b'));
  keys.push_back("short");
  for (size_t i = 0; i < keys.size(); ++i) {
    ASSERT_FALSE(checked.AddKey(CheckedEvents::MakeKeyOf("lv-mod", keys[i]), i).has_value()) << i;
  }
  for (size_t i = 0; i < keys.size(); ++i) {
    ASSERT_EQ(checked.AddKey(CheckedEvents::MakeKeyOf("lv-mod", keys[i]), -1),
              static_cast<int64_t>(i))
        << i;
  }
}

}  // namespace
}  // namespace treaty::ledger
