#include "views/cli/review_report.h"

#include <map>

#include <fmt/format.h>

namespace treaty::views {

using commitments::Commitment;

std::string ReviewReportText(const std::string& review_file,
                             const commitments::ReviewOutcome& outcome) {
  std::string out = fmt::format("review: {}\n", review_file);
  out += fmt::format("\nchanges ({}):\n", outcome.changes.size());
  for (const auto& change : outcome.changes)
    out += fmt::format("  {}  {}  {}\n", change.where, change.id, change.description);
  out += fmt::format("\nno longer matching ({}):\n", outcome.unmatched.size());
  for (const auto& entry : outcome.unmatched)
    out += fmt::format("  {}  {}  {}\n", entry.where, entry.id, entry.reason);
  out += fmt::format("\nunreviewed ({}):\n", outcome.unreviewed.size());
  std::map<std::string, const Commitment*> by_id;
  for (const Commitment& c : outcome.reviewed) by_id.emplace(c.id, &c);
  for (const std::string& id : outcome.unreviewed) {
    const Commitment& c = *by_id.at(id);
    out += fmt::format("  {}  {} {}  {}\n", id, commitments::SentenceClassName(c.sentence_class),
                       commitments::StrengthName(c.strength), commitments::OpeningWords(c));
  }
  size_t entries = 0;
  std::string decisions;
  for (const auto& [decision, count] : outcome.decisions) {
    entries += count;
    decisions += fmt::format(", {} {}", count, decision);
  }
  out += fmt::format("\n{} entries{}; {} unreviewed; {} no longer matching\n", entries, decisions,
                     outcome.unreviewed.size(), outcome.unmatched.size());
  return out;
}

}  // namespace treaty::views
