#include "views/http/commitment_filter.h"

#include <algorithm>

#include "evaluation/commitment_status.h"

namespace treaty::http {
namespace {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string Get(const std::map<std::string, std::string>& query, const char* name) {
  const auto found = query.find(name);
  return found == query.end() ? "" : found->second;
}

}  // namespace

bool CommitmentFilter::Matches(const commitments::Commitment& c) const {
  using commitments::SentenceClass;
  if (c.sentence_class != SentenceClass::kCommitment &&
      c.sentence_class != SentenceClass::kProcedure) {
    return false;
  }
  if (!strength.empty() && strength != commitments::StrengthName(c.strength)) return false;
  if (!category.empty() && category != commitments::CategoryName(c.area.category)) return false;
  if (!obligor.empty()) {
    if (obligor == "both") {
      if (c.obligors.size() < 2) return false;
    } else if (std::find(c.obligors.begin(), c.obligors.end(), obligor) == c.obligors.end()) {
      return false;
    }
  }
  if (area.empty() || c.area.section == "sec_" + area || c.id == area ||
      c.id.starts_with(area + "__")) {
    return true;
  }
  const std::string wanted = AsciiLower(area);
  for (const auto& [language, headings] : c.area.headings_by_language) {
    for (const std::string& heading : headings) {
      if (AsciiLower(heading).find(wanted) != std::string::npos) return true;
    }
  }
  return false;
}

Result<CommitmentFilter> ParseCommitmentFilter(const std::map<std::string, std::string>& query,
                                               const std::vector<std::string>& parties) {
  CommitmentFilter filter{Get(query, "area"), Get(query, "obligor"), Get(query, "strength"),
                          Get(query, "category"), Get(query, "status")};
  if (!filter.obligor.empty() && filter.obligor != "both" &&
      std::find(parties.begin(), parties.end(), filter.obligor) == parties.end()) {
    std::string named;
    for (const std::string& party : parties) named += party + ", ";
    return Error{named + "or both", "obligor"};
  }
  if (!filter.strength.empty() && !commitments::ParseStrength(filter.strength)) {
    return Error{"commits, will, continues, endeavours, considers or may", "strength"};
  }
  if (!filter.category.empty() && !commitments::ParseCategory(filter.category)) {
    return Error{"an unknown category", "category"};
  }
  if (!filter.status.empty()) {
    const auto names = evaluation::CommitmentStatusNames();
    if (std::find(names.begin(), names.end(), filter.status) == names.end()) {
      return Error{"one of the status words of evaluation (met, missed, in_progress, ...)",
                   "status"};
    }
  }
  return filter;
}

}  // namespace treaty::http
