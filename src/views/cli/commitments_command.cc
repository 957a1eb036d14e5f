#include <algorithm>
#include <memory>

#include "commitments/agreement_commitments.h"
#include "commitments/cue_table.h"
#include "commitments/filters.h"
#include "document/bundled_path.h"
#include "text/language.h"
#include "views/cli/commands.h"
#include "views/cli/commitment_table.h"
#include "views/cli/review_report.h"
#include "views/cli/subcommands.h"

namespace treaty::views {

namespace {

using commitments::Commitment;
using commitments::SentenceClass;

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
  if (!o.category.empty() && o.category != commitments::CategoryName(c.area.category)) return false;
  return commitments::HasObligor(c, o.obligor) && commitments::InArea(c, o.area);
}

// Says, for each text in a language without commitment cues, that its sentences are quoted but
// not classified; of the prevailing text, that every record is therefore context. True when the
// prevailing text is such a text.
bool SayWhichTextsAreNotClassified(const commitments::AgreementCommitments& agreement,
                                   std::ostream& err) {
  for (size_t i = 0; i < agreement.versions.size(); ++i) {
    const text::Language language = agreement.versions[i].doc.language;
    if (commitments::CueTableFor(language) != nullptr) continue;
    const std::string_view code = text::LanguageCode(language);
    err << "treaty commitments: " << code
        << " has no commitment cues: its sentences are quoted but not classified";
    if (i == 0) err << ", and as it is the prevailing text every record is context";
    err << "\n";
  }
  return !agreement.versions.empty() &&
         commitments::CueTableFor(agreement.versions.front().doc.language) == nullptr;
}

}  // namespace

int RunCommitments(const CommitmentsOptions& options, std::ostream& out, std::ostream& err) {
  Result<commitments::AgreementCommitments> read = commitments::ExtractAgreementCommitments(
      options.package_folder, options.review_file,
      options.diff_review ? commitments::ReviewMode::kReport
      : options.proposed  ? commitments::ReviewMode::kSkip
                          : commitments::ReviewMode::kStrict);
  if (!read.ok()) {
    err << "treaty commitments: " << read.error().ToString() << "\n";
    return kExitBadInput;
  }
  // A filter that can match nothing is a mistake to name, not an empty list.
  const commitments::AgreementCommitments& agreement = read.value();
  std::string parties;
  bool known_party = options.obligor.empty() || options.obligor == "both";
  for (const document::Party& party : agreement.package.parties) {
    parties += party.code + ", ";
    known_party = known_party || party.code == options.obligor;
  }
  if (!known_party) {
    err << "treaty commitments: --obligor: \"" << options.obligor << "\" is not a party of "
        << agreement.package.id << " (" << parties << "or both)\n";
    return kExitBadInput;
  }
  if (std::optional<std::string> missing =
          options.language.empty()
              ? std::nullopt
              : text::MissingTextProblem(agreement.package.id, options.language,
                                         commitments::LanguageCodes(agreement))) {
    err << "treaty commitments: --lang: " << *missing << "\n";
    return kExitBadInput;
  }
  const std::vector<Commitment>& all =
      options.proposed ? read.value().proposed : read.value().reviewed;
  if (std::optional<std::string> problem =
          commitments::AreaProblem(all, options.area, agreement.package.id)) {
    err << "treaty commitments: --area: " << *problem << "\n";
    return kExitBadInput;
  }
  const bool prevailing_unclassified = SayWhichTextsAreNotClassified(agreement, err);
  const std::optional<commitments::ReviewOutcome>& review = read.value().review;
  if (options.diff_review) {
    if (!review) {
      err << "treaty commitments: " << options.package_folder
          << " has no review file (commitments.review.jsonl); give one with --review\n";
      return kExitBadInput;
    }
    out << ReviewReportText(read.value().review_file, *review);
    bool complete = review->unmatched.empty() && review->unreviewed.empty();
    return complete ? kExitOk : kExitMismatch;
  }
  if (options.format == "csv") out << CommitmentCsvHeader();
  if (options.format == "text" && prevailing_unclassified)
    out << "(not classified: the prevailing text's language, "
        << text::LanguageCode(agreement.versions.front().doc.language)
        << ", has no commitment cues; every record is context)\n";
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

Subcommand AddCommitmentsSubcommand(CLI::App& app) {
  auto options = std::make_shared<CommitmentsOptions>();
  auto agreement = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "commitments",
      "List an agreement's commitments: who promises what to whom, how firmly, with which "
      "targets and conditions, quoted in each language");
  CLI::Option* package = command
                             ->add_option("--package", options->package_folder,
                                          "agreement package folder (holds agreement.json)")
                             ->capture_default_str();
  command->add_option("--agreement", *agreement, "bundled agreement id: reads data/agreements/ID")
      ->excludes(package);
  command
      ->add_option("--lang", options->language,
                   "text: show quotes in this language only (default: every language)")
      ->check(LanguageValidator());
  command->add_option("--format", options->format, "text, jsonl or csv")
      ->check(CLI::IsMember({"text", "jsonl", "csv"}))
      ->capture_default_str();
  command->add_option("--review", options->review_file,
                      "review file (default: the package's commitments.review.jsonl)");
  command->add_flag("--proposed", options->proposed,
                    "list what extraction proposes, without the review");
  command->add_flag("--diff-review", options->diff_review,
                    "show what the review changes, which of its entries no longer match and which "
                    "commitments are unreviewed; exit 1 unless all is reviewed and matches");
  command->add_option("--area", options->area,
                      "section number (2, II, Part II), eId prefix or words of a heading");
  command->add_option("--obligor", options->obligor, "a party's code (LV, UA) or both");
  command->add_option("--strength", options->strength, "strength")
      ->check(CLI::IsMember(commitments::StrengthNames()));
  command->add_option("--category", options->category, "category")
      ->check(CLI::IsMember(commitments::CategoryNames()));
  command
      ->add_option("--class", options->sentence_class,
                   "commitment, procedure, statement, context or all (default: commitments and "
                   "procedures)")
      ->check(CLI::IsMember({"commitment", "procedure", "statement", "context", "all"}));
  return {command, [options, agreement, package](std::ostream& out, std::ostream& err) {
            if (!agreement->empty()) {
              options->package_folder = document::BundledPath("data/agreements/" + *agreement);
            } else if (package->count() == 0) {
              options->package_folder = document::BundledPath(options->package_folder);
            }
            return RunCommitments(*options, out, err);
          }};
}

}  // namespace treaty::views
