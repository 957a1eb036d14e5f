#include "views/export/corrections_seen.h"

#include "views/export/ledger_entries.h"

namespace treaty::views {

namespace {

// CorrectionsFrom, of the events of `corrected` alone when it is not null: the others' corrections
// are left before they are read.
Result<CorrectionsByEvent> ReadCorrections(ledger::LedgerStore& store, const std::string& agreement,
                                           const std::string& classification, int64_t first_leaf,
                                           const std::set<std::string>* corrected,
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
    if (corrected != nullptr && !corrected->contains(correction.corrects)) continue;
    // The type "correction" lists corrections alone: none corrects a correction (ledger-format
    // §9.1).
    Result<std::optional<nlohmann::json>> json = VisibleEventJson(correction, audience);
    if (!json.ok() || !json.value()) continue;
    out[correction.corrects].push_back(
        {correction.id, correction.leaf_index, json.value()->value("action", "")});
  }
  return out;
}

}  // namespace

Result<CorrectionsByEvent> CorrectionsFrom(ledger::LedgerStore& store, const std::string& agreement,
                                           const std::string& classification, int64_t first_leaf,
                                           evaluation::Audience audience) {
  return ReadCorrections(store, agreement, classification, first_leaf, nullptr, audience);
}

Result<CorrectionsByEvent> CorrectionsOf(ledger::LedgerStore& store, const std::string& agreement,
                                         const std::string& classification, int64_t first_leaf,
                                         const std::set<std::string>& corrected,
                                         evaluation::Audience audience) {
  if (corrected.empty()) return CorrectionsByEvent();
  return ReadCorrections(store, agreement, classification, first_leaf, &corrected, audience);
}

std::vector<std::string> CorrectionIds(const CorrectionsByEvent& corrections,
                                       const std::string& id) {
  std::vector<std::string> ids;
  if (const auto seen = corrections.find(id); seen != corrections.end()) {
    for (const CorrectionSeen& correction : seen->second) ids.push_back(correction.id);
  }
  return ids;
}

}  // namespace treaty::views
