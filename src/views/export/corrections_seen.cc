#include "views/export/corrections_seen.h"

#include "views/export/ledger_entries.h"

namespace treaty::views {

Result<std::map<std::string, std::vector<CorrectionSeen>>> CorrectionsOf(
    ledger::LedgerStore& store, const std::string& agreement, const std::string& classification,
    int64_t first_leaf, const std::set<std::string>& corrected, evaluation::Audience audience) {
  std::map<std::string, std::vector<CorrectionSeen>> out;
  if (corrected.empty()) return out;
  ledger::EventFilter filter;
  filter.agreement = agreement;
  filter.classification = classification;
  filter.type = "correction";
  filter.begin = first_leaf;
  Result<std::vector<ledger::StoredEvent>> found = store.FindEvents(filter);
  if (!found.ok()) return found.error();
  for (const ledger::StoredEvent& correction : found.value()) {
    if (!corrected.contains(correction.corrects)) continue;
    Result<std::optional<nlohmann::json>> json = VisibleEventJson(correction, audience);
    if (!json.ok() || !json.value()) continue;
    out[correction.corrects].push_back(
        {correction.id, correction.leaf_index, json.value()->value("action", "")});
  }
  return out;
}

}  // namespace treaty::views
