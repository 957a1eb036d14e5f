#include "ledger/checked_events.h"

#include <algorithm>
#include <cstring>

#include "ledger/hash.h"

namespace treaty::ledger {
namespace {

constexpr size_t kBlockBytes = size_t{1} << 20;

}  // namespace

void CheckedEvents::Reserve(size_t events) { ids_.reserve(events); }

std::optional<CheckedEvents::IdBytes> CheckedEvents::BytesOf(std::string_view id) {
  // 8-4-4-4-12 hex digits: the dashes at 8, 13, 18 and 23 carry nothing.
  if (id.size() != 36) return std::nullopt;
  IdBytes bytes{};
  size_t out = 0;
  for (size_t i = 0; i < id.size();) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (id[i++] != '-') return std::nullopt;
      continue;
    }
    const int high = HexValue(id[i]);
    const int low = HexValue(id[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    bytes[out++] = static_cast<uint8_t>(high << 4 | low);
    i += 2;
  }
  return bytes;
}

const CheckedEvents::Seen* CheckedEvents::FindId(std::string_view id) const {
  const std::optional<IdBytes> bytes = BytesOf(id);
  if (!bytes) return nullptr;
  auto found = ids_.find(*bytes);
  return found != ids_.end() ? &found->second : nullptr;
}

std::optional<int64_t> CheckedEvents::FindKey(std::string_view institution,
                                              std::string_view key) const {
  auto of_institution = keys_.find(absl::string_view(institution.data(), institution.size()));
  if (of_institution == keys_.end()) return std::nullopt;
  auto found = of_institution->second.find(absl::string_view(key.data(), key.size()));
  if (found == of_institution->second.end()) return std::nullopt;
  return found->second;
}

void CheckedEvents::Add(std::string_view id, std::string_view institution, std::string_view key,
                        Seen seen) {
  if (std::optional<IdBytes> bytes = BytesOf(id)) ids_.emplace(*bytes, seen);
  auto of_institution = keys_.find(absl::string_view(institution.data(), institution.size()));
  if (of_institution == keys_.end()) {
    of_institution = keys_.try_emplace(std::string(institution)).first;
  }
  of_institution->second.emplace(Keep(key), seen.leaf_index);
}

absl::string_view CheckedEvents::Keep(std::string_view text) {
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
