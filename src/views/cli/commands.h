// The subcommands of the `treaty` binary. Each Run* function writes its result to `out`, its
// diagnostics to `err`, and returns the process exit code: 0 on success, 2 when the input is bad
// (a missing or unreadable file, invalid text, a bad option value).
#pragma once

#include <cstdint>
#include <istream>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "text/language.h"

namespace treaty::views {

inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 2;

struct ParseOptions {
  std::string file;
  std::optional<text::Language> language;  // detected when absent
  std::string format = "text";             // "json", "text" or "akn"
};
int RunParse(const ParseOptions& options, std::ostream& out, std::ostream& err);

struct AlignOptions {
  std::string left_file;
  std::string right_file;
  std::string format = "text";  // "text" or "json"
  bool all = false;             // text: list every pair, not only the problems
};
int RunAlign(const AlignOptions& options, std::ostream& out, std::ostream& err);

struct ExtractOptions {
  std::string file;
  std::optional<text::Language> language;  // detected when absent
  std::string format = "jsonl";            // "jsonl" or "text"
};
// Prints the expressions of a plain-text agreement; dates that cannot exist are warnings.
int RunExtract(const ExtractOptions& options, std::ostream& out, std::ostream& err);

struct LoadOptions {
  std::string package_folder;  // holds agreement.json
  std::string database;        // SQLite file, created when missing
  bool make_folder = false;    // make the database's folder when missing
};
int RunLoad(const LoadOptions& options, std::ostream& out, std::ostream& err);

struct OverviewOptions {
  std::string database;
  std::string agreement;  // empty: the only stored agreement
};
int RunOverview(const OverviewOptions& options, std::ostream& out, std::ostream& err);

struct CommitmentsOptions {
  std::string package_folder = "data/agreements/lv-ua-2024";
  std::string language;         // quotes shown in text: "lv", "en"; empty: all
  std::string format = "text";  // "jsonl", "text" or "csv"
  std::string area;             // section number, eId prefix or words of a heading
  std::string obligor;          // "LV", "UA", "both"
  std::string strength;         // "commits", "will", ...
  std::string category;         // "military", ...
  std::string review_file;      // empty: the package's commitments.review.jsonl, when present
  bool proposed = false;        // list what extraction proposes, without the review
  bool diff_review = false;     // report the review instead of listing
  std::string sentence_class;   // "commitment", "procedure", "statement", "context", "all";
                                // empty: commitments and procedures
};
// Prints an agreement's commitments as reviewed (see commitments/review.h), or as proposed by
// extraction with `proposed`. A review file with bad or contradictory lines, or with entries that
// no longer match the texts, is an error (kExitBadInput); `diff_review` instead prints what the
// review changes, which entries no longer match and which commitments are unreviewed, and returns
// kExitOk when every commitment is reviewed and every entry matches, else kExitMismatch.
int RunCommitments(const CommitmentsOptions& options, std::ostream& out, std::ostream& err);

// ---- the ledger (docs/ledger-format.md) ----

inline constexpr int kExitMismatch = 1;  // verify, verify-proof: readable but does not verify

inline constexpr const char* kDefaultAgreement = "lv-ua-2024";

// The options the writing commands share: where to write, as whom, signing with which key.
struct LedgerInputOptions {
  std::string db = "var/treaty.sqlite";  // SQLite file or postgresql:// URL
  std::string agreement = kDefaultAgreement;
  std::string package;    // empty: data/agreements/AGREEMENT
  std::string keys_file;  // empty: PACKAGE/ledger/keys.json
  std::string key_file;   // empty: PACKAGE/ledger/demo-key.json
  std::string user;       // empty: the login name
};

struct RecordOptions {
  LedgerInputOptions ledger;
  // The event as CSV columns of §7.1 (flags); empty: one JSON object is read from `in`.
  std::map<std::string, std::string> fields;
  // --evidence URL and --evidence-file PATH, in the order given (§1.4: items keep their input
  // order). A file is hashed here; its path is the reference.
  struct Evidence {
    bool file = false;
    std::string reference;
  };
  std::vector<Evidence> evidence;
};
// Records one event; prints its id.
int RunRecord(const RecordOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

struct ImportOptions {
  std::string file;
  std::string format;   // "csv" or "jsonl"; empty: from the extension
  std::string profile;  // "reported-support" or empty
  LedgerInputOptions ledger;
  int batch_size = 1000;
  bool progress = false;  // draw a progress bar on `err`
};
// Validates the whole file, then appends it in batches, printing one line per committed batch.
int RunImport(const ImportOptions& options, std::ostream& out, std::ostream& err);

struct EventsOptions {
  std::string db = "var/treaty.sqlite";
  std::string agreement = "lv-ua-2024";
  std::string package;           // empty: data/agreements/AGREEMENT
  std::string format = "jsonl";  // "jsonl" (canonical bytes) or "csv"
  std::string type;
  std::string commitment;
  std::string date_from;
  std::string date_to;
  std::string institution;
  std::string classification;
  int64_t limit = -1;
};
int RunEvents(const EventsOptions& options, std::ostream& out, std::ostream& err);

struct LedgerVerifyOptions {
  std::string db = "var/treaty.sqlite";
  std::string agreement;  // empty: every ledger in the store
  std::string package;    // empty: data/agreements/AGREEMENT
  std::string keys_file;  // empty: PACKAGE/ledger/keys.json
  bool progress = false;  // draw a progress bar on `err`
};
// Recomputes every ledger; exit 1 naming the first mismatch.
int RunLedgerVerify(const LedgerVerifyOptions& options, std::ostream& out, std::ostream& err);

struct KeygenOptions {
  std::string institution;
  std::string output;      // the private key file to create
  std::string valid_from;  // §1.4 timestamp; empty: now
};
// Makes a signing key (docs/ledger-format.md §4.4): writes the private key file with mode 0600,
// never over an existing file, and prints the keys file's entry for it as one JSON line.
int RunKeygen(const KeygenOptions& options, std::ostream& out, std::ostream& err);

struct ProofOptions {
  std::string db = "var/treaty.sqlite";
  std::string event_id;
  int64_t size = 0;  // 0: the latest head
};
int RunProof(const ProofOptions& options, std::ostream& out, std::ostream& err);

struct ConsistencyOptions {
  std::string db = "var/treaty.sqlite";
  std::string agreement = "lv-ua-2024";
  int64_t old_size = 0;
  int64_t size = 0;  // 0: the latest head
};
int RunConsistency(const ConsistencyOptions& options, std::ostream& out, std::ostream& err);

struct VerifyProofOptions {
  std::string file;
  std::string keys_file = "data/agreements/lv-ua-2024/ledger/keys.json";
  std::vector<std::string> known;  // files with heads held already
};
int RunVerifyProof(const VerifyProofOptions& options, std::ostream& out, std::ostream& err);

// What `treaty status` and `treaty calendar` evaluate: the agreement's package, its ledger in
// the store, the moment, and who the result is for.
struct StatusOptions {
  std::string db = "var/treaty.sqlite";
  std::string agreement = "lv-ua-2024";
  std::string package;            // empty: data/agreements/AGREEMENT
  std::optional<std::string> at;  // YYYY-MM-DD (its last second, UTC) or RFC 3339; none: now
  std::string facts_file;         // JSON facts the ledger does not hold (lifecycle_json.h)
  bool public_only = false;       // leave out restricted events
  std::string format = "text";    // status: "text" or "json"
  std::string output;             // calendar: the file to write; empty: `out`
};
int RunStatus(const StatusOptions& options, std::ostream& out, std::ostream& err);
int RunCalendar(const StatusOptions& options, std::ostream& out, std::ostream& err);

struct ExportOptions {
  std::string format;  // "csv", "xlsx" or "iati"
  std::string db = "var/treaty.sqlite";
  std::string agreement = "lv-ua-2024";
  std::string package;       // empty: data/agreements/AGREEMENT
  std::string keys_file;     // empty: PACKAGE/ledger/keys.json
  std::string output;        // the file to write; empty: `out`
  bool public_only = false;  // leave out restricted events
};
// Writes the folded ledger as CSV, an XLSX workbook (with the commitments and their status now)
// or IATI 2.03 activity XML (src/views/export/README.md).
int RunExport(const ExportOptions& options, std::ostream& out, std::ostream& err);

// Parses argv (argv[0] is the program) and runs the chosen subcommand; help, usage errors and
// results go to `out` and `err`.
int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace treaty::views
