#include "ledger/checked_events.h"

#include <absl/hash/hash.h>

#include <algorithm>
#include <cstring>
#include <utility>

namespace treaty::ledger {
namespace {

constexpr size_t kBlockBytes = kHugePageBytes;
// Tables are reserved for at most this many events (1 GiB each); beyond it they grow.
constexpr size_t kMostEventsReserved = size_t{1} << 24;

}  // namespace

size_t CheckedEvents::IdHash::operator()(const IdKey& id) const {
  std::pair<uint64_t, uint64_t> halves;
  std::memcpy(&halves.first, id.data(), 8);
  std::memcpy(&halves.second, id.data() + 8, 8);
  return absl::Hash<std::pair<uint64_t, uint64_t>>{}(halves);
}

CheckedEvents::KeyOf CheckedEvents::MakeKeyOf(std::string_view institution, std::string_view key) {
  return {institution, key,
          absl::Hash<absl::string_view>{}(absl::string_view(key.data(), key.size()))};
}

void CheckedEvents::Reserve(size_t events) {
  ids_.reserve(std::min(events, kMostEventsReserved));
  keys_.reserve(std::min(events, kMostEventsReserved));
}

const CheckedEvents::Seen* CheckedEvents::FindId(std::string_view id) const {
  const std::optional<IdKey> key = MakeIdKey(id);
  if (!key) return nullptr;
  auto found = ids_.find(*key);
  return found != ids_.end() ? &found->second : nullptr;
}

void CheckedEvents::Prefetch(const IdKey& id, const KeyOf& key) const {
  ids_.prefetch(id);
  keys_.prefetch(KeptKey{{}, key.hash});
}

const CheckedEvents::Seen* CheckedEvents::AddId(const IdKey& id, Seen seen) {
  const auto [at, added] = ids_.try_emplace(id, seen);
  return added ? nullptr : &at->second;
}

std::optional<int64_t> CheckedEvents::AddKey(const KeyOf& key, int64_t leaf) {
  // Copied first, so that a failed allocation leaves the table as it was.
  const auto [at, added] =
      keys_.try_emplace(KeptKey{Keep(key.institution, key.key), key.hash}, leaf);
  if (added) return std::nullopt;
  return at->second;
}

std::string_view CheckedEvents::Keep(std::string_view institution, std::string_view key) {
  auto known = std::find(institutions_.begin(), institutions_.end(), institution);
  if (known == institutions_.end()) known = institutions_.emplace(known, institution);
  const auto number = static_cast<uint32_t>(known - institutions_.begin());
  const size_t size = sizeof number + key.size();
  if (size > block_free_) {
    block_next_ = blocks_.emplace_back(std::max(kBlockBytes, size)).data();
    block_free_ = blocks_.back().size();
  }
  char* start = block_next_;
  std::memcpy(start, &number, sizeof number);
  std::memcpy(start + sizeof number, key.data(), key.size());
  block_next_ += size;
  block_free_ -= size;
  return {start, size};
}

}  // namespace treaty::ledger
