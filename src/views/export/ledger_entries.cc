#include "views/export/ledger_entries.h"

#include <map>
#include <optional>

#include <fmt/format.h>

#include "ledger/stored_records.h"

namespace treaty::views {
namespace {

constexpr int64_t kPage = 10000;

Result<LedgerEntry> EntryOf(const ledger::StoredEvent& stored) {
  Result<ledger::Event> event = ledger::ReadStoredEvent(stored);
  if (!event.ok()) return event.error();
  return LedgerEntry{stored.leaf_index, std::move(event).value(), {}};
}

}  // namespace

Result<std::optional<nlohmann::json>> VisibleEventJson(const ledger::StoredEvent& stored,
                                                       evaluation::Audience audience) {
  if (!evaluation::Sees(audience, stored.classification)) return std::optional<nlohmann::json>();
  Result<ledger::Event> event = ledger::ReadStoredEvent(stored);
  if (!event.ok()) return event.error();
  if (!evaluation::Sees(audience, event.value().classification)) {
    return std::optional<nlohmann::json>();
  }
  // A valid event's bytes are the RFC 8785 form of its JSON: no need to parse them again.
  nlohmann::json json = ledger::EventToJson(event.value());
  json["leaf_index"] = stored.leaf_index;
  return std::optional<nlohmann::json>(std::move(json));
}

Result<std::vector<LedgerEntry>> ReadVisibleEntries(ledger::LedgerStore& store,
                                                    const std::string& agreement,
                                                    evaluation::Audience audience,
                                                    std::optional<int64_t> end) {
  ledger::EventFilter filter;
  filter.agreement = agreement;
  if (audience == evaluation::Audience::kPublic) filter.classification = "public";
  filter.limit = kPage;
  std::vector<LedgerEntry> entries;
  for (;;) {
    Result<std::vector<ledger::StoredEvent>> page = store.FindEvents(filter);
    if (!page.ok()) return page.error();
    const bool last = static_cast<int64_t>(page.value().size()) < kPage;
    if (!page.value().empty()) filter.begin = page.value().back().leaf_index + 1;
    for (const ledger::StoredEvent& stored : page.value()) {
      if (end && stored.leaf_index >= *end) return entries;
      Result<LedgerEntry> entry = EntryOf(stored);
      if (!entry.ok()) return entry.error();
      // A changed column never publishes an event whose own bytes say restricted.
      if (!evaluation::Sees(audience, entry.value().event.classification)) continue;
      entries.push_back(std::move(entry).value());
    }
    if (last) return entries;
  }
}

Result<std::vector<LedgerEntry>> RawEntries(const std::vector<ledger::StoredEvent>& events) {
  std::vector<LedgerEntry> entries;
  entries.reserve(events.size());
  for (const ledger::StoredEvent& stored : events) {
    Result<LedgerEntry> entry = EntryOf(stored);
    if (!entry.ok()) return entry.error();
    entries.push_back(std::move(entry).value());
  }
  return entries;
}

Result<std::vector<LedgerEntry>> FoldedEntries(std::vector<LedgerEntry> raw) {
  std::vector<LedgerEntry> entries;
  std::vector<bool> withdrawn;
  std::map<std::string, size_t> by_id;
  for (LedgerEntry& entry : raw) {
    if (entry.event.content.type != ledger::EventType::kCorrection) {
      by_id.emplace(entry.event.id, entries.size());
      entries.push_back(std::move(entry));
      withdrawn.push_back(false);
      continue;
    }
    const auto original = by_id.find(entry.event.corrects);
    if (original == by_id.end()) {
      return Error{
          fmt::format("corrects {}, which is not among the events read", entry.event.corrects),
          fmt::format("event {} (leaf {})", entry.event.id, entry.leaf_index)};
    }
    LedgerEntry& corrected = entries[original->second];
    corrected.corrected_by.push_back(entry.event.id);
    withdrawn[original->second] = entry.event.action == "retract";
    if (entry.event.replacement) corrected.event.content = *entry.event.replacement;
  }
  std::vector<LedgerEntry> folded;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (!withdrawn[i]) folded.push_back(std::move(entries[i]));
  }
  return folded;
}

Result<std::vector<LedgerEntry>> FoldedEntries(const std::vector<ledger::StoredEvent>& events) {
  Result<std::vector<LedgerEntry>> raw = RawEntries(events);
  if (!raw.ok()) return raw.error();
  return FoldedEntries(std::move(raw).value());
}

}  // namespace treaty::views
