#include "views/http/commitment_filter.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include "commitments/filters.h"

#include "evaluation/commitment_status.h"
#include "evaluation/status_words.h"

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

CommitmentFilter CommitmentFilterAsSent(const std::map<std::string, std::string>& query) {
  return {Get(query, "area"), Get(query, "obligor"), Get(query, "strength"), Get(query, "category"),
          Get(query, "status")};
}

Result<CommitmentFilter> ParseCommitmentFilter(
    const std::map<std::string, std::string>& query, const std::vector<std::string>& parties,
    const std::vector<commitments::Commitment>& commitments, std::string_view agreement) {
  const CommitmentFilter filter = CommitmentFilterAsSent(query);
  if (!filter.obligor.empty() && filter.obligor != "both" &&
      std::find(parties.begin(), parties.end(), filter.obligor) == parties.end()) {
    std::string named;
    for (const std::string& party : parties) named += party + ", ";
    return Error{named + "or both", "obligor"};
  }
  // As `treaty commitments --area`: an area that names nothing of the agreement is a mistake.
  if (std::optional<std::string> problem =
          commitments::AreaProblem(commitments, filter.area, agreement)) {
    return Error{*problem, "area"};
  }
  if (!filter.strength.empty() && !commitments::ParseStrength(filter.strength)) {
    return Error{fmt::format("one of {}", fmt::join(commitments::StrengthNames(), ", ")),
                 "strength"};
  }
  if (!filter.category.empty() && !commitments::ParseCategory(filter.category)) {
    return Error{fmt::format("one of {}", fmt::join(commitments::CategoryNames(), ", ")),
                 "category"};
  }
  if (!filter.status.empty()) {
    const auto names = evaluation::CommitmentStatusNames();
    if (std::find(names.begin(), names.end(), filter.status) == names.end()) {
      std::vector<std::string> choices;
      for (std::string_view name : names) {
        choices.push_back(fmt::format("{} ({})", name, evaluation::StatusWords(name)));
      }
      return Error{fmt::format("one of {}", fmt::join(choices, ", ")), "status"};
    }
  }
  return filter;
}

}  // namespace treaty::http
