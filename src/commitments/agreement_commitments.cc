#include "commitments/agreement_commitments.h"

#include <algorithm>
#include <filesystem>
#include <numeric>

#include "commitments/extraction.h"
#include "text/language.h"
#include "text/source_reader.h"

namespace treaty::commitments {

namespace {

// The indexes of the package's texts in reading order: the prevailing (else English, else the
// first) first.
std::vector<size_t> PrevailingFirst(const document::AgreementPackage& package) {
  std::vector<size_t> order(package.texts.size());
  std::iota(order.begin(), order.end(), 0);
  text::Language first = package.prevailing_language.value_or(text::Language::kEnglish);
  std::stable_partition(order.begin(), order.end(),
                        [&](size_t i) { return package.texts[i].language == first; });
  return order;
}

}  // namespace

std::vector<std::string> LanguageCodes(const AgreementCommitments& agreement) {
  std::vector<std::string> codes;
  for (const grammar::ExtractedText& version : agreement.versions) {
    codes.emplace_back(text::LanguageCode(version.doc.language));
  }
  return codes;
}

std::string DefaultReviewFile(const std::string& folder) {
  return (std::filesystem::path(folder) / "commitments.review.jsonl").string();
}

Result<AgreementCommitments> ExtractAgreementCommitments(const std::string& folder,
                                                         const std::string& review_file,
                                                         ReviewMode mode) {
  Result<document::AgreementPackage> package = document::LoadAgreementPackage(folder);
  if (!package.ok()) return package.error();
  AgreementCommitments out;
  out.package = std::move(package).value();
  for (const size_t index : PrevailingFirst(out.package)) {
    const document::TextFile& file = out.package.texts[index];
    Result<std::string> bytes = text::ReadFile(file.file);
    if (!bytes.ok()) return bytes.error();
    Result<grammar::ExtractedText> extracted =
        grammar::ExtractFromBytes(bytes.value(), file.file, file.language);
    if (!extracted.ok()) return extracted.error();
    if (std::optional<Error> contradicted = document::TextLanguageContradicted(
            out.package, index, extracted.value().doc.reads_as)) {
      return *contradicted;
    }
    out.versions.push_back(std::move(extracted).value());
  }
  out.proposed = ExtractCommitments(out.versions, out.package.parties);
  out.reviewed = out.proposed;
  std::error_code ec;
  out.review_file = review_file.empty() ? DefaultReviewFile(folder) : review_file;
  if (mode == ReviewMode::kSkip ||
      (review_file.empty() && !std::filesystem::exists(out.review_file, ec))) {
    out.review_file.clear();
    return out;
  }
  Result<std::vector<ReviewEntry>> entries = ReadReviewFile(out.review_file);
  if (!entries.ok()) return entries.error();
  Result<ReviewOutcome> outcome = ApplyReview(out.proposed, entries.value());
  if (!outcome.ok()) return outcome.error();
  if (mode == ReviewMode::kStrict && !outcome.value().unmatched.empty()) {
    std::string problems;
    for (const UnmatchedEntry& entry : outcome.value().unmatched)
      problems +=
          (problems.empty() ? "" : "\n") + entry.where + ": " + entry.id + ": " + entry.reason;
    return Error{problems +
                     "\n(the review no longer matches the texts; see treaty commitments "
                     "--diff-review)",
                 ""};
  }
  out.reviewed = outcome.value().reviewed;
  out.review = std::move(outcome).value();
  out.review_entries = std::move(entries).value();
  return out;
}

}  // namespace treaty::commitments
