// The ids and idempotency keys of the events `treaty verify` has checked (docs/ledger-format.md
// §8), for its uniqueness and reference checks. Flat hash tables (Abseil) keyed by an id's 16
// bytes and by a key's bytes kept in blocks of this object, so that checking an event allocates
// nothing of its own: at 10M events node-based maps spent more time in malloc and cache misses
// than in the checks. Not thread-safe.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/event.h"

namespace treaty::ledger {

class CheckedEvents {
 public:
  struct Seen {
    int64_t leaf_index = 0;
    EventType type = EventType::kPledge;
  };

  // Room for `events` ids without rehashing.
  void Reserve(size_t events);

  // The event with `id`, or nullptr (also for text that is not a UUID).
  const Seen* FindId(std::string_view id) const;
  // The leaf of the event of `institution` with idempotency key `key`, or nullopt.
  std::optional<int64_t> FindKey(std::string_view institution, std::string_view key) const;
  // REQUIRES: `id` is a UUID; FindId(id) and FindKey(institution, key) find nothing.
  void Add(std::string_view id, std::string_view institution, std::string_view key, Seen seen);

 private:
  using IdBytes = std::array<uint8_t, 16>;
  static std::optional<IdBytes> BytesOf(std::string_view id);
  // A copy of `text` that lives as long as this object.
  absl::string_view Keep(std::string_view text);

  absl::flat_hash_map<IdBytes, Seen> ids_;
  // Institution → idempotency key (bytes in blocks_) → leaf index. absl::string_view keys: the
  // maps take them as they are, for lookups and for the institution map's heterogeneous find.
  absl::flat_hash_map<std::string, absl::flat_hash_map<absl::string_view, int64_t>> keys_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* block_next_ = nullptr;  // the first free byte of blocks_.back()
  size_t block_free_ = 0;       // bytes free from block_next_ on
};

}  // namespace treaty::ledger
