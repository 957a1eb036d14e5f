// The ids and idempotency keys of the events `treaty verify` has checked (docs/ledger-format.md
// §8), for its uniqueness and reference checks. Ids are kept in the order added while each is
// above all before it, which the ledger's v7 ids are along the leaves except across transactions of
// one millisecond: adding one then writes the next slot instead of a random place in a table, and
// a search by halves finds it (~24 cache misses at 10M ids, paid only by references and by ids
// out of order). Other ids, and the idempotency keys (an institution's number with the key,
// whose bytes are kept in blocks of this object), go to flat hash tables (Abseil). Checking an
// event allocates nothing of its own: at 10M events node-based maps spent more time in malloc and
// cache misses than in the checks. An event's id bytes and its key's hash are made apart from the
// tables (MakeIdKey, MakeKeyOf), so that other threads can make them; the tables then only probe,
// once per key. Not thread-safe; MakeIdKey and MakeKeyOf are.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/event.h"
#include "ledger/huge_page_allocator.h"
#include "ledger/uuid.h"

namespace treaty::ledger {

class CheckedEvents {
 public:
  CheckedEvents() = default;
  CheckedEvents(const CheckedEvents&) = delete;
  CheckedEvents& operator=(const CheckedEvents&) = delete;
  ~CheckedEvents();

  // An event as later events' references need it (submission_checks.h), in 16 bytes: its
  // subtype and institution as numbers the caller gives them.
  struct Seen {
    int64_t leaf_index = 0;
    EventType type = EventType::kPledge;
    bool restricted = false;
    uint16_t subtype = 0;
    uint16_t institution = 0;
  };
  static_assert(sizeof(Seen) == 16, "kept for every event checked");

  // An id's 16 bytes.
  using IdKey = UuidBytes;

  // An institution's idempotency key and the hash of the key. Views: the strings must outlive it.
  struct KeyOf {
    std::string_view institution;
    std::string_view key;
    size_t hash = 0;
  };

  // nullopt for text that is not a lowercase UUID.
  static std::optional<IdKey> MakeIdKey(std::string_view id) { return LowercaseUuidBytes(id); }
  static KeyOf MakeKeyOf(std::string_view institution, std::string_view key);

  // Room for the ids and keys of `events` events without rehashing (up to a bound: the number
  // comes from a row that may have been tampered with).
  void Reserve(size_t events);

  // The event with `id`, or nullptr (also for text that is not a UUID). The pointer is valid
  // until the next AddId.
  const Seen* FindId(std::string_view id) const;
  // Starts loading the memory that AddKey(key) will probe: otherwise a cache miss, most of its
  // work at millions of events.
  void Prefetch(const KeyOf& key) const;
  // The event with `id` if one was added (valid until the next AddId); else adds `seen` under it
  // and returns nullptr.
  const Seen* AddId(const IdKey& id, Seen seen);
  // The leaf of the event with `key` if one was added; else adds `leaf` under it (copying the
  // key) and returns nullopt.
  std::optional<int64_t> AddKey(const KeyOf& key, int64_t leaf);

 private:
  // A key as kept: its institution's number (4 bytes) then the key's bytes, in blocks_; the hash
  // is the key's alone, so that it is made without the number.
  struct KeptKey {
    std::string_view text;
    size_t hash = 0;
    bool operator==(const KeptKey& other) const { return text == other.text; }
  };
  struct KeptKeyHash {
    size_t operator()(const KeptKey& key) const { return key.hash; }
  };

  // A copy of `institution`'s number and `key` that lives as long as this object.
  std::string_view Keep(std::string_view institution, std::string_view key);

  struct AscendingId {
    IdKey id;
    Seen seen;
  };
  // The ascending part's entry for `id`, or nullptr.
  const Seen* FindAscending(const IdKey& id) const;

  std::vector<AscendingId, HugePageAllocator<AscendingId>> ascending_ids_;
  absl::flat_hash_map<IdKey, Seen> other_ids_;  // ids not above every one before them
  absl::flat_hash_map<KeptKey, int64_t, KeptKeyHash, std::equal_to<KeptKey>,
                      HugePageAllocator<std::pair<const KeptKey, int64_t>>>
      keys_;
  // The institutions seen, numbered by their place. Few institutions sign a ledger: a search
  // beats a table here.
  std::vector<std::string> institutions_;
  // Blocks of kept keys, from HugePageAllocator and not initialised: every byte used is written.
  struct Block {
    char* bytes = nullptr;
    size_t size = 0;
  };
  std::vector<Block> blocks_;
  char* block_next_ = nullptr;  // the first free byte of blocks_.back()
  size_t block_free_ = 0;       // bytes free from block_next_ on
};

}  // namespace treaty::ledger
