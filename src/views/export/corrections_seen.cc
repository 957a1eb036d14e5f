#include "views/export/corrections_seen.h"

#include "views/export/ledger_entries.h"

namespace treaty::views {

Result<CorrectionsByEvent> CorrectionsFrom(ledger::LedgerStore& store, const std::string& agreement,
                                           const std::string& classification, int64_t first_leaf,
                                           evaluation::Audience audience) {
  ledger::EventFilter filter;
  filter.agreement = agreement;
  filter.classification = classification;
  filter.type = "correction";
  filter.begin = first_leaf;
  Result<std::vector<ledger::StoredEvent>> found = store.FindEvents(filter);
  if (!found.ok()) return found.error();
  CorrectionsByEvent out;
  for (const ledger::StoredEvent& correction : found.value()) {
    // The type "correction" lists corrections alone: none corrects a correction (ledger-format
    // §9.1).
    Result<std::optional<nlohmann::json>> json = VisibleEventJson(correction, audience);
    if (!json.ok() || !json.value()) continue;
    out[correction.corrects].push_back(
        {correction.id, correction.leaf_index, json.value()->value("action", "")});
  }
  return out;
}

Result<CorrectionsByEvent> CorrectionsOf(ledger::LedgerStore& store, const std::string& agreement,
                                         const std::string& classification, int64_t first_leaf,
                                         const std::set<std::string>& corrected,
                                         evaluation::Audience audience) {
  if (corrected.empty()) return CorrectionsByEvent();
  Result<CorrectionsByEvent> all =
      CorrectionsFrom(store, agreement, classification, first_leaf, audience);
  if (!all.ok()) return all.error();
  std::erase_if(all.value(), [&](const auto& entry) { return !corrected.contains(entry.first); });
  return all;
}

}  // namespace treaty::views
