#include "views/http/commitment_filter.h"

#include <algorithm>

#include "commitments/filters.h"
#include "evaluation/commitment_status.h"

namespace treaty::http {
namespace {

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
  return commitments::HasObligor(c, obligor) && commitments::InArea(c, area);
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
