#include "views/cli/status_evaluation.h"

#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "evaluation/agreement_rules.h"
#include "evaluation/lifecycle_json.h"
#include "ledger/canonical_json.h"
#include "text/json_place.h"
#include "views/cli/ledger_database.h"
#include "views/cli/ledger_setup.h"

namespace treaty::views {

Result<evaluation::AgreementStatus> EvaluateStatusFor(const StatusOptions& options) {
  const std::string folder = PackageFolder(options.agreement, options.package);
  if (!std::filesystem::is_directory(folder)) {
    return NoPackageFolder(options.agreement, folder);
  }
  Result<commitments::AgreementCommitments> agreement =
      commitments::ExtractAgreementCommitments(folder);
  if (!agreement.ok()) return agreement.error();
  return EvaluateStatusFor(options, agreement.value());
}

Result<evaluation::AgreementStatus> EvaluateStatusFor(
    const StatusOptions& options, const commitments::AgreementCommitments& agreement) {
  evaluation::Instant at = evaluation::CurrentInstant();
  if (options.at) {
    Result<evaluation::Instant> parsed = evaluation::ParseStatusMoment(*options.at, "--at");
    if (!parsed.ok()) return parsed.error();
    at = parsed.value();
  }
  evaluation::LifecycleFacts external;
  if (!options.facts_file.empty()) {
    Result<std::string> contents = text::ReadFile(options.facts_file);
    if (!contents.ok()) return contents.error();
    if (ledger::TooDeepAt(contents.value())) {
      return Error{
          fmt::format("arrays and objects nested more than {} deep", ledger::kMaxJsonDepth),
          options.facts_file};
    }
    // Read as strictly as the ledger's own files: a repeated member is refused, not read as its
    // last value, and a syntax error is placed.
    if (Result<std::string> strict = ledger::CanonicalizeText(contents.value()); !strict.ok()) {
      return Error{
          strict.error().message,
          text::WhereInJsonFile(options.facts_file, contents.value(), strict.error().where)};
    }
    nlohmann::json json = nlohmann::json::parse(contents.value());
    Result<evaluation::LifecycleFacts> facts = evaluation::LifecycleFactsFromJson(json);
    if (!facts.ok()) {
      return Error{
          facts.error().message,
          text::WhereInJsonFile(options.facts_file, contents.value(), facts.error().where)};
    }
    external = facts.value();
  }
  Result<evaluation::AgreementRules> rules =
      evaluation::LoadAgreementRules(agreement, PackageFolder(options.agreement, options.package));
  if (!rules.ok()) return rules.error();
  Result<std::unique_ptr<ledger::LedgerStore>> store = OpenLedgerStoreToRead(options.db);
  if (!store.ok()) return store.error();
  evaluation::LedgerFacts facts(
      rules.value().agreement,
      options.public_only ? evaluation::Audience::kPublic : evaluation::Audience::kAll,
      rules.value().categories);
  if (store.value() != nullptr) {
    Result<bool> folded = facts.CatchUp(*store.value());
    if (!folded.ok()) return folded.error();
  }
  return evaluation::EvaluateStatus(rules.value(), facts, at, external);
}

}  // namespace treaty::views
