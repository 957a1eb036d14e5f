#include "ledger/checked_events.h"

#include <absl/hash/hash.h>

#include <algorithm>
#include <cstring>
#include <utility>

namespace treaty::ledger {
namespace {

constexpr size_t kBlockBytes = kHugePageBytes;
// Room is reserved for at most this many events (ids 512 MiB, keys 1 GiB); beyond it, it grows.
constexpr size_t kMostEventsReserved = size_t{1} << 24;

}  // namespace

CheckedEvents::KeyOf CheckedEvents::MakeKeyOf(std::string_view institution, std::string_view key) {
  return {institution, key,
          absl::Hash<absl::string_view>{}(absl::string_view(key.data(), key.size()))};
}

void CheckedEvents::Reserve(size_t events) {
  ascending_ids_.reserve(std::min(events, kMostEventsReserved));
  keys_.reserve(std::min(events, kMostEventsReserved));
}

const CheckedEvents::Seen* CheckedEvents::FindAscending(const IdKey& id) const {
  const auto at = std::lower_bound(
      ascending_ids_.begin(), ascending_ids_.end(), id,
      [](const AscendingId& entry, const IdKey& wanted) { return entry.id < wanted; });
  return at != ascending_ids_.end() && at->id == id ? &at->seen : nullptr;
}

const CheckedEvents::Seen* CheckedEvents::FindId(std::string_view id) const {
  const std::optional<IdKey> key = MakeIdKey(id);
  if (!key) return nullptr;
  if (const Seen* found = FindAscending(*key)) return found;
  auto found = other_ids_.find(*key);
  return found != other_ids_.end() ? &found->second : nullptr;
}

void CheckedEvents::Prefetch(const KeyOf& key) const { keys_.prefetch(KeptKey{{}, key.hash}); }

const CheckedEvents::Seen* CheckedEvents::AddId(const IdKey& id, Seen seen) {
  if (ascending_ids_.empty() || ascending_ids_.back().id < id) {
    ascending_ids_.push_back({id, seen});
    return nullptr;
  }
  if (const Seen* earlier = FindAscending(id)) return earlier;
  const auto [at, added] = other_ids_.try_emplace(id, seen);
  return added ? nullptr : &at->second;
}

std::optional<int64_t> CheckedEvents::AddKey(const KeyOf& key, int64_t leaf) {
  // Copied first, so that a failed allocation leaves the table as it was.
  const auto [at, added] =
      keys_.try_emplace(KeptKey{Keep(key.institution, key.key), key.hash}, leaf);
  if (added) return std::nullopt;
  return at->second;
}

CheckedEvents::~CheckedEvents() {
  for (const Block& block : blocks_) HugePageAllocator<char>().deallocate(block.bytes, block.size);
}

std::string_view CheckedEvents::Keep(std::string_view institution, std::string_view key) {
  auto known = std::find(institutions_.begin(), institutions_.end(), institution);
  if (known == institutions_.end()) known = institutions_.emplace(known, institution);
  const auto number = static_cast<uint32_t>(known - institutions_.begin());
  const size_t size = sizeof number + key.size();
  if (size > block_free_) {
    const size_t block = std::max(kBlockBytes, size);
    blocks_.reserve(blocks_.size() + 1);  // so that the push below cannot lose the block
    blocks_.push_back({HugePageAllocator<char>().allocate(block), block});
    block_next_ = blocks_.back().bytes;
    block_free_ = block;
  }
  char* start = block_next_;
  std::memcpy(start, &number, sizeof number);
  std::memcpy(start + sizeof number, key.data(), key.size());
  block_next_ += size;
  block_free_ -= size;
  return {start, size};
}

}  // namespace treaty::ledger
