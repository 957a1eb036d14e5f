// What the server's handlers read and share, loaded once at start: the agreement through the
// commitments stage, the keys file, the institutions' signing keys, and the pools of database
// connections (ledger, search index), the account store and the review store. Thread-safe after
// Load: the loaded data is read-only, the pools and the stores lock for themselves.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "commitments/agreement_commitments.h"
#include "core/result.h"
#include "document/node.h"
#include "ledger/event_parser.h"
#include "ledger/keys.h"
#include "ledger/ledger_store.h"
#include "store/sqlite/search_index.h"
#include "views/http/account_store.h"
#include "views/http/ledger_database.h"
#include "views/http/ledger_verification.h"
#include "views/http/pool.h"
#include "views/http/rate_limiter.h"
#include "views/http/review_store.h"
#include "views/http/status_service.h"

namespace treaty::http {

struct SiteOptions {
  std::string db = "var/treaty.sqlite";  // ledger: SQLite file or postgresql:// URL
  std::string accounts_db;  // accounts and reviews: SQLite file or PostgreSQL URL; empty: `db`
  std::string agreement = "lv-ua-2024";
  std::string package;    // empty: data/agreements/AGREEMENT
  std::string keys_file;  // empty: PACKAGE/ledger/keys.json
  // Private key files the server signs with, at most one per institution; empty: the package's
  // demo key (PACKAGE/ledger/demo-key.json).
  std::vector<std::string> key_files;
  std::string web_root;        // templates/ and static/; empty: the bundled `web` (BundledPath)
  bool secure_cookies = true;  // the Secure attribute on the session cookie
};

class Site {
 public:
  // Loads everything. Errors name the file or database that could not be read.
  static Result<std::unique_ptr<Site>> Load(const SiteOptions& options);

  const SiteOptions& options() const { return options_; }
  const commitments::AgreementCommitments& agreement() const { return agreement_; }
  const std::string& agreement_id() const { return agreement_.package.id; }
  const ledger::KeysFile& keys() const { return keys_; }
  const std::vector<std::string>& participants() const { return participants_; }

  // The reviewed commitment with `id`, or nullptr.
  const commitments::Commitment* FindCommitment(const std::string& id) const;
  // What the commitment `id` promises (commitments::Title); the id itself for one the review
  // dropped, which an event or a status may still name.
  std::string TitleOf(const std::string& id) const;
  // Whether `id` is a reviewed commitment's, which events may name.
  bool IsCommitmentId(const std::string& id) const { return commitment_ids_.contains(id); }
  // The entries of the package's review file about `id`, in file order (none without a file),
  // each naming the file by its name alone.
  std::vector<commitments::ReviewEntry> FileReviews(const std::string& id) const;
  // The document of `language` ("en", "lv"), or nullptr.
  const document::Document* FindDocument(const std::string& language) const;
  // The signing key of `institution`, or nullptr when this server holds none.
  const ledger::PrivateKey* SigningKey(const std::string& institution) const;

  // The validation context for events recorded by `user` (a recorder) for its institution.
  ledger::ValidationContext EventContext(const User& user) const;

  Pool<ledger::LedgerStore>& ledgers() { return *ledgers_; }
  Pool<store::SearchIndex>& search() { return *search_; }
  AccountStore& accounts() { return *accounts_; }
  ReviewStore& reviews() { return *reviews_; }
  LedgerVerification& verification() { return *verification_; }
  StatusService& status() { return *status_; }
  RateLimiter& sign_in_limiter() { return sign_in_limiter_; }

 private:
  Site() : sign_in_limiter_(10, std::chrono::seconds(900)) {}

  SiteOptions options_;
  commitments::AgreementCommitments agreement_;
  std::map<std::string, const commitments::Commitment*> commitments_by_id_;
  std::set<std::string> commitment_ids_;
  ledger::KeysFile keys_;
  std::vector<std::string> participants_;
  std::map<std::string, ledger::PrivateKey> signing_keys_;
  std::unique_ptr<Pool<ledger::LedgerStore>> ledgers_;
  std::unique_ptr<Pool<store::SearchIndex>> search_;
  std::unique_ptr<AccountStore> accounts_;
  std::unique_ptr<ReviewStore> reviews_;
  std::unique_ptr<StatusService> status_;
  RateLimiter sign_in_limiter_;
  // Last: it is destroyed first, while the ledgers it reads still exist.
  std::unique_ptr<LedgerVerification> verification_;
};

}  // namespace treaty::http
