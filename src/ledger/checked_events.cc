#include "ledger/checked_events.h"

#include <absl/hash/hash.h>

#include <algorithm>
#include <cstring>
#include <utility>

namespace treaty::ledger {
namespace {

constexpr size_t kBlockBytes = size_t{1} << 20;

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

void CheckedEvents::Reserve(size_t events) { ids_.reserve(events); }

const CheckedEvents::Seen* CheckedEvents::FindId(std::string_view id) const {
  const std::optional<IdKey> key = MakeIdKey(id);
  if (!key) return nullptr;
  auto found = ids_.find(*key);
  return found != ids_.end() ? &found->second : nullptr;
}

CheckedEvents::KeyTable* CheckedEvents::KeysOf(std::string_view institution) {
  for (const auto& [name, table] : keys_) {
    if (name == institution) return table.get();
  }
  return nullptr;
}

void CheckedEvents::Prefetch(const IdKey& id, const KeyOf& key) {
  ids_.prefetch(id);
  if (const KeyTable* table = KeysOf(key.institution)) table->prefetch(KeptKey{key.key, key.hash});
}

const CheckedEvents::Seen* CheckedEvents::AddId(const IdKey& id, Seen seen) {
  const auto [at, added] = ids_.try_emplace(id, seen);
  return added ? nullptr : &at->second;
}

std::optional<int64_t> CheckedEvents::AddKey(const KeyOf& key, int64_t leaf) {
  KeyTable* table = KeysOf(key.institution);
  if (table == nullptr) {
    table =
        keys_.emplace_back(std::string(key.institution), std::make_unique<KeyTable>()).second.get();
  }
  // Copied first, so that a failed allocation leaves the table as it was.
  const auto [at, added] = table->try_emplace(KeptKey{Keep(key.key), key.hash}, leaf);
  if (added) return std::nullopt;
  return at->second;
}

std::string_view CheckedEvents::Keep(std::string_view text) {
  if (text.empty()) return {};
  if (text.size() > block_free_) {
    const size_t size = std::max(kBlockBytes, text.size());
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    block_next_ = blocks_.back().get();
    block_free_ = size;
  }
  char* start = block_next_;
  std::memcpy(start, text.data(), text.size());
  block_next_ += text.size();
  block_free_ -= text.size();
  return {start, text.size()};
}

}  // namespace treaty::ledger
