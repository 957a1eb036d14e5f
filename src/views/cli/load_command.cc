#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "commitments/agreement_commitments.h"
#include "document/agreement_package.h"
#include "document/bundled_path.h"
#include "document/parser.h"
#include "evaluation/agreement_rules.h"
#include "evaluation/rule_bindings.h"
#include "store/sqlite/document_store.h"
#include "store/sqlite/search_index.h"
#include "views/cli/commands.h"
#include "views/cli/ledger_database.h"
#include "views/cli/subcommands.h"

namespace treaty::views {

namespace {

using commitments::Commitment;

// The default database, whose folder is made when missing; a folder given otherwise must exist,
// so that a mistyped path is refused rather than made.
constexpr const char* kDefaultDatabase = "var/treaty.sqlite";

// Heading paths of provision entries, by language and provision eId.
using HeadingPaths = std::map<std::pair<text::Language, std::string>, std::vector<std::string>>;

// The heading path of the provision holding the sentence `eid`, as its provision entry has it
// (numbered: "2. Areas of …"): eIds are hierarchical, so the provision's is the sentence's with
// trailing components ("__sent_1") removed. When no provision entry holds the sentence, the
// commitment's own headings in that language (unnumbered), or none.
std::vector<std::string> HeadingPathOf(const HeadingPaths& paths, text::Language language,
                                       std::string eid, const Commitment& commitment) {
  for (eid = std::string(document::ParentEid(eid)); !eid.empty();
       eid = std::string(document::ParentEid(eid))) {
    auto found = paths.find({language, eid});
    if (found != paths.end()) return found->second;
  }
  auto headings = commitment.area.headings_by_language.find(std::string(LanguageCode(language)));
  if (headings == commitment.area.headings_by_language.end()) return {};
  return headings->second;
}

// Whether `commitment` has search entries: commitments and procedures do.
bool IsSearchable(const Commitment& commitment) {
  return commitment.sentence_class == commitments::SentenceClass::kCommitment ||
         commitment.sentence_class == commitments::SentenceClass::kProcedure;
}

// One entry per commitment or procedure and language: its quotes in that language, joined.
std::vector<store::SearchEntry> CommitmentEntries(
    const std::string& agreement_id, const std::vector<Commitment>& commitments,
    const std::vector<store::SearchEntry>& provisions) {
  HeadingPaths paths;
  for (const store::SearchEntry& provision : provisions) {
    paths.emplace(std::pair(provision.language, provision.eid), provision.heading_path);
  }
  std::vector<store::SearchEntry> entries;
  for (const Commitment& commitment : commitments) {
    if (!IsSearchable(commitment)) continue;
    const size_t first = entries.size();
    for (const commitments::Quote& quote : commitment.source.quotes) {
      std::optional<text::Language> language = text::ParseLanguageCode(quote.language);
      if (!language) continue;
      auto same =
          std::find_if(entries.begin() + first, entries.end(),
                       [&](const store::SearchEntry& e) { return e.language == *language; });
      if (same != entries.end()) {
        same->text += " " + quote.text;  // a sentence the other text splits in two
        continue;
      }
      entries.push_back({agreement_id, std::string(store::kCommitmentKind), commitment.id,
                         commitment.source.eid, *language,
                         HeadingPathOf(paths, *language, quote.eid, commitment), quote.text});
    }
  }
  return entries;
}

}  // namespace

int RunLoad(const LoadOptions& options, std::ostream& out, std::ostream& err) {
  Result<document::AgreementPackage> package =
      document::LoadAgreementPackage(options.package_folder);
  if (!package.ok()) {
    err << "treaty load: " << package.error().ToString() << "\n";
    return kExitBadInput;
  }
  if (std::string problem = TextsDatabaseProblem(options.database); !problem.empty()) {
    err << "treaty load: " << problem << "\n";
    return kExitBadInput;
  }
  // Parse everything before touching the database: a bad text changes nothing.
  std::vector<document::Document> texts;
  for (const document::TextFile& file : package.value().texts) {
    Result<document::Document> doc = document::ParseFile(file.file, file.language);
    if (!doc.ok()) {
      err << "treaty load: " << doc.error().ToString() << "\n";
      return kExitBadInput;
    }
    if (doc.value().layout != file.layout) {
      // agreement.json records how the text was laid out; a disagreement means the metadata or the
      // file changed, and the detected layout is the one used.
      err << "treaty load: warning: " << file.file << ": agreement.json says "
          << text::LayoutName(file.layout) << " but the text reads as "
          << text::LayoutName(doc.value().layout) << "\n";
    }
    texts.push_back(std::move(doc).value());
  }
  Result<commitments::AgreementCommitments> extracted =
      commitments::ExtractAgreementCommitments(options.package_folder);
  if (!extracted.ok()) {
    err << "treaty load: " << extracted.error().ToString() << "\n";
    return kExitBadInput;
  }
  // A package with rules names the day of signature its life cycle counts from: it must be the
  // text's, or the overview would show one day and the status count from the other.
  if (std::filesystem::exists(std::filesystem::path(options.package_folder) / "rules.json")) {
    Result<evaluation::RuleBindings> bindings =
        evaluation::LoadRuleBindings(options.package_folder);
    Result<bool> signed_date =
        bindings.ok() ? evaluation::CheckSignedDate(extracted.value(), bindings.value())
                      : Result<bool>(bindings.error());
    if (!signed_date.ok()) {
      err << "treaty load: " << signed_date.error().ToString() << "\n";
      return kExitBadInput;
    }
  }
  std::vector<store::SearchEntry> entries;
  for (const document::Document& doc : texts) {
    std::vector<store::SearchEntry> provisions = store::ProvisionEntries(package.value().id, doc);
    entries.insert(entries.end(), provisions.begin(), provisions.end());
  }
  std::vector<store::SearchEntry> commitment_entries =
      CommitmentEntries(package.value().id, extracted.value().reviewed, entries);
  entries.insert(entries.end(), commitment_entries.begin(), commitment_entries.end());
  const std::filesystem::path parent = std::filesystem::path(options.database).parent_path();
  std::error_code ec;
  if (options.make_folder && !parent.empty()) std::filesystem::create_directories(parent, ec);
  auto store = store::SqliteStore::Open(options.database);
  if (!store.ok()) {
    err << "treaty load: " << store.error().ToString() << "\n";
    return kExitBadInput;
  }
  // Open the search index (creating its tables) before saving, so that the likely failures come
  // before anything is written; the two writes are separate transactions.
  auto index = store::SearchIndex::Open(options.database);
  if (!index.ok()) {
    err << "treaty load: " << index.error().ToString() << "\n";
    return kExitBadInput;
  }
  Result<bool> saved = store.value()->SaveAgreement(package.value(), texts);
  if (!saved.ok()) {
    err << "treaty load: " << saved.error().ToString() << "\n";
    return kExitBadInput;
  }
  Result<size_t> indexed = index.value()->ReplaceAgreement(package.value().id, entries);
  if (!indexed.ok()) {
    err << "treaty load: " << package.value().id << " was stored but its search index was not "
        << "rebuilt: " << indexed.error().ToString() << "\n";
    return kExitBadInput;
  }
  const auto records =
      std::count_if(extracted.value().reviewed.begin(), extracted.value().reviewed.end(),
                    [](const Commitment& c) { return IsSearchable(c); });
  out << (saved.value() ? "replaced " : "loaded ") << package.value().id << " (" << texts.size()
      << " texts, " << indexed.value() << " search entries, " << commitment_entries.size()
      << " of them for the quotes of " << records << " commitments and procedures) into "
      << options.database << "\n";
  return kExitOk;
}

Subcommand AddLoadSubcommand(CLI::App& app) {
  auto options =
      std::make_shared<LoadOptions>(LoadOptions{"data/agreements/lv-ua-2024", kDefaultDatabase});
  CLI::App* command = app.add_subcommand(
      "load", "Parse an agreement package (agreement.json and its texts) into a SQLite database");
  CLI::Option* package =
      command->add_option("PACKAGE", options->package_folder, "folder holding agreement.json")
          ->capture_default_str();
  command
      ->add_option("--db", options->database,
                   "SQLite database file, in a folder that exists (var/ is made)")
      ->capture_default_str();
  return {command, [options, package](std::ostream& out, std::ostream& err) {
            if (package->count() == 0) {
              options->package_folder = document::BundledPath(options->package_folder);
            }
            options->make_folder = std::filesystem::path(options->database).lexically_normal() ==
                                   std::filesystem::path(kDefaultDatabase);
            return RunLoad(*options, out, err);
          }};
}

}  // namespace treaty::views
