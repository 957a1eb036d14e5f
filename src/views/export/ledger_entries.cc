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
  const bool public_only = audience == evaluation::Audience::kPublic;
  if (public_only && stored.classification != "public") return std::optional<nlohmann::json>();
  Result<ledger::Event> event = ledger::ReadStoredEvent(stored);
  if (!event.ok()) return event.error();
  if (public_only && event.value().classification != "public") {
    return std::optional<nlohmann::json>();
  }
  nlohmann::json json = nlohmann::json::parse(stored.canonical, nullptr, false);
  if (!json.is_object()) {
    return Error{"the stored bytes do not read as a JSON object",
                 fmt::format("event {} (leaf {})", stored.id, stored.leaf_index)};
  }
  json["leaf_index"] = stored.leaf_index;
  return std::optional<nlohmann::json>(std::move(json));
}

Result<std::vector<ledger::StoredEvent>> ReadVisibleEvents(ledger::LedgerStore& store,
                                                           const std::string& agreement,
                                                           evaluation::Audience audience) {
  ledger::EventFilter filter;
  filter.agreement = agreement;
  if (audience == evaluation::Audience::kPublic) filter.classification = "public";
  filter.limit = kPage;
  std::vector<ledger::StoredEvent> events;
  for (;;) {
    Result<std::vector<ledger::StoredEvent>> page = store.FindEvents(filter);
    if (!page.ok()) return page.error();
    const bool last = static_cast<int64_t>(page.value().size()) < kPage;
    if (!page.value().empty()) filter.begin = page.value().back().leaf_index + 1;
    for (ledger::StoredEvent& event : page.value()) {
      Result<std::optional<nlohmann::json>> visible = VisibleEventJson(event, audience);
      if (!visible.ok()) return visible.error();
      if (visible.value()) events.push_back(std::move(event));
    }
    if (last) return events;
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

Result<std::vector<LedgerEntry>> FoldedEntries(const std::vector<ledger::StoredEvent>& events) {
  std::vector<LedgerEntry> entries;
  std::vector<bool> withdrawn;
  std::map<std::string, size_t> by_id;
  for (const ledger::StoredEvent& stored : events) {
    Result<LedgerEntry> read = EntryOf(stored);
    if (!read.ok()) return read.error();
    LedgerEntry& entry = read.value();
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

}  // namespace treaty::views
