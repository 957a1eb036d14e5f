#include <algorithm>

#include <fmt/format.h>

#include "commitments/agreement_commitments.h"
#include "views/cli/commands.h"
#include "views/cli/commitment_table.h"

namespace treaty::views {

namespace {

using commitments::Commitment;
using commitments::SentenceClass;

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// --area: a section number ("2"), an eId prefix ("sec_2__hcontainer_5") or words of a heading.
bool InArea(const Commitment& c, const std::string& area) {
  if (area.empty()) return true;
  if (c.area.section == "sec_" + area) return true;
  if (c.id.starts_with(area)) return true;
  std::string wanted = AsciiLower(area);
  for (const auto& [language, headings] : c.area.headings_by_language)
    for (const std::string& heading : headings)
      if (AsciiLower(heading).find(wanted) != std::string::npos) return true;
  return false;
}

bool HasObligor(const Commitment& c, const std::string& obligor) {
  if (obligor.empty()) return true;
  if (obligor == "both") return c.obligors.size() > 1;
  return std::find(c.obligors.begin(), c.obligors.end(), obligor) != c.obligors.end();
}

bool Selected(const Commitment& c, const CommitmentsOptions& o) {
  std::string_view cls = commitments::SentenceClassName(c.sentence_class);
  if (o.sentence_class.empty()) {
    if (c.sentence_class != SentenceClass::kCommitment &&
        c.sentence_class != SentenceClass::kProcedure)
      return false;
  } else if (o.sentence_class != "all" && o.sentence_class != cls) {
    return false;
  }
  if (!o.strength.empty() && o.strength != commitments::StrengthName(c.strength)) return false;
  if (!o.category.empty() && o.category != commitments::CategoryName(c.area.category))
    return false;
  return HasObligor(c, o.obligor) && InArea(c, o.area);
}

}  // namespace

int RunCommitments(const CommitmentsOptions& options, std::ostream& out, std::ostream& err) {
  Result<commitments::AgreementCommitments> read =
      commitments::ExtractAgreementCommitments(options.package_folder);
  if (!read.ok()) {
    err << "treaty commitments: " << read.error().ToString() << "\n";
    return kExitBadInput;
  }
  const std::vector<Commitment>& all = read.value().proposed;
  if (options.format == "csv") out << CommitmentCsvHeader();
  for (const Commitment& c : all) {
    if (!Selected(c, options)) continue;
    if (options.format == "jsonl") {
      out << commitments::CommitmentJson(c).dump() << "\n";
    } else if (options.format == "csv") {
      out << CommitmentCsvRow(c);
    } else {
      out << CommitmentText(c, options.language) << "\n";
    }
  }
  return kExitOk;
}

}  // namespace treaty::views
