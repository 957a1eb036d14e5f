#include "views/http/site.h"

#include <filesystem>

#include "document/bundled_path.h"
#include "text/language.h"

namespace treaty::http {
Result<std::unique_ptr<Site>> Site::Load(const SiteOptions& options) {
  std::unique_ptr<Site> site(new Site());
  site->options_ = options;
  SiteOptions& o = site->options_;
  if (o.package.empty()) o.package = document::BundledPath("data/agreements/" + o.agreement);
  if (o.web_root.empty()) o.web_root = document::BundledPath("web");
  if (o.keys_file.empty()) o.keys_file = o.package + "/ledger/keys.json";
  if (o.key_files.empty()) o.key_files.push_back(o.package + "/ledger/demo-key.json");
  if (o.accounts_db.empty()) o.accounts_db = o.db;
  if (!std::filesystem::is_directory(o.web_root + "/templates")) {
    return Error{"no templates folder", o.web_root + "/templates"};
  }

  Result<commitments::AgreementCommitments> read =
      commitments::ExtractAgreementCommitments(o.package);
  if (!read.ok()) return read.error();
  site->agreement_ = std::move(read).value();
  for (const commitments::Commitment& commitment : site->agreement_.reviewed) {
    site->commitments_by_id_[commitment.id] = &commitment;
    site->commitment_ids_.insert(commitment.id);
  }
  for (const document::Party& party : site->agreement_.package.parties) {
    site->participants_.push_back(party.code);
  }

  Result<ledger::KeysFile> keys = ledger::LoadKeysFile(o.keys_file, site->participants_);
  if (!keys.ok()) return keys.error();
  site->keys_ = std::move(keys).value();
  for (const std::string& key_file : o.key_files) {
    Result<ledger::PrivateKey> key = ledger::LoadSigningKey(key_file, site->keys_);
    if (!key.ok()) return key.error();
    const std::string institution = key.value().institution;
    if (!site->signing_keys_.emplace(institution, std::move(key).value()).second) {
      return Error{"a second key for institution " + institution, key_file};
    }
  }

  const std::string db = o.db;
  site->ledgers_ =
      std::make_unique<Pool<ledger::LedgerStore>>([db] { return OpenLedgerStore(db); });
  {
    Result<Pool<ledger::LedgerStore>::Lease> first = site->ledgers_->Acquire();
    if (!first.ok()) return first.error();
  }
  if (!IsPostgresUrl(db)) {
    site->search_ =
        std::make_unique<Pool<store::SearchIndex>>([db] { return store::SearchIndex::Open(db); });
  } else {
    site->search_ = std::make_unique<Pool<store::SearchIndex>>(
        []() -> Result<std::unique_ptr<store::SearchIndex>> {
          return Error{"search needs the SQLite database that `treaty load` writes", "search"};
        });
  }
  Result<std::unique_ptr<StatusService>> status = StatusService::Load(o.package);
  if (!status.ok()) return status.error();
  site->status_ = std::move(status).value();
  Result<std::unique_ptr<AccountStore>> accounts = AccountStore::Open(o.accounts_db);
  if (!accounts.ok()) return accounts.error();
  site->accounts_ = std::move(accounts).value();
  Result<std::unique_ptr<ReviewStore>> reviews =
      ReviewStore::Open(o.accounts_db, site->agreement_id());
  if (!reviews.ok()) return reviews.error();
  site->reviews_ = std::move(reviews).value();
  site->verification_ = std::make_unique<LedgerVerification>(*site->ledgers_, site->agreement_id(),
                                                             site->keys_, site->participants_);
  return site;
}

std::vector<commitments::ReviewEntry> Site::FileReviews(const std::string& id) const {
  std::vector<commitments::ReviewEntry> entries;
  for (const commitments::ReviewEntry& entry : agreement_.review_entries) {
    if (entry.id != id) continue;
    entries.push_back(entry);
    // Named as the package names it: a reviewer is not shown the server's folders.
    entries.back().file = std::filesystem::path(entry.file).filename().string();
  }
  return entries;
}

const commitments::Commitment* Site::FindCommitment(const std::string& id) const {
  const auto found = commitments_by_id_.find(id);
  return found == commitments_by_id_.end() ? nullptr : found->second;
}

std::string Site::TitleOf(const std::string& id) const {
  const commitments::Commitment* commitment = FindCommitment(id);
  return commitment != nullptr ? commitments::Title(*commitment) : id;
}

const document::Document* Site::FindDocument(const std::string& language) const {
  for (const grammar::ExtractedText& version : agreement_.versions) {
    if (text::LanguageCode(version.doc.language) == language) return &version.doc;
  }
  return nullptr;
}

const ledger::PrivateKey* Site::SigningKey(const std::string& institution) const {
  const auto found = signing_keys_.find(institution);
  return found == signing_keys_.end() ? nullptr : &found->second;
}

ledger::ValidationContext Site::EventContext(const User& user) const {
  ledger::ValidationContext context;
  context.default_agreement = agreement_id();
  context.default_institution = user.institution;
  context.default_user = user.name;
  context.known_agreements = std::set<std::string>{agreement_id()};
  context.known_commitments = commitment_ids_;
  context.participants = participants_;
  context.keys = &keys_;
  return context;
}

}  // namespace treaty::http
