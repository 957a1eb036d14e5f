#include "ledger/block_cache.h"

namespace treaty::ledger {

const std::vector<Hash>* BlockCache::Find(const BlockKey& key) {
  auto found = index_.find(key);
  if (found == index_.end()) return nullptr;
  entries_.splice(entries_.begin(), entries_, found->second);
  return &found->second->second;
}

const std::vector<Hash>& BlockCache::Add(const BlockKey& key, std::vector<Hash> hashes) {
  entries_.emplace_front(key, std::move(hashes));
  index_.emplace(key, entries_.begin());
  while (entries_.size() > capacity_) {
    index_.erase(entries_.back().first);
    entries_.pop_back();
  }
  return entries_.front().second;
}

}  // namespace treaty::ledger
