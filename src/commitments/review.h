// Human review of extracted commitments. Extraction proposes; a review file records, per stable
// id, what a person decided after reading both texts, and survives re-extraction because it is
// keyed by ids and says what it expected to find. docs/commitments.md describes the file.
//
// The file is JSON Lines, one decision per line:
//   {"id": ID, "decision": "accept", "note": ...}
//   {"id": ID, "decision": "correct", "field": F, "from": OLD, "to": NEW, "note": ...}
//   {"id": ID, "decision": "split", "parts": [{F: NEW, ..., "note": ...}, ...]}
//   {"id": ID, "decision": "merge", "into": OTHER_ID, "note": ...}
//   {"id": ID, "decision": "reject", "note": ...}
// F is a field of review_fields.h; values are spelled as CommitmentJson prints them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commitments/commitment.h"
#include "core/result.h"

namespace treaty::commitments {

struct ReviewEntry {
  std::string file;
  int line = 0;  // 1-based
  std::string id;
  std::string decision;  // "accept", "correct", "split", "merge", "reject"
  std::string field;     // correct
  nlohmann::json from;   // correct: the value extraction gave when the entry was written
  nlohmann::json to;     // correct
  std::vector<nlohmann::json> parts;  // split: field values of each part
  std::string into;                   // merge
  std::string note;
  std::string Where() const { return file + ":" + std::to_string(line); }
};

// What is wrong with a decision: the member it lies in ("into", "parts[1].action"; "" for the
// whole) and a message that names it ("into must be a non-empty string").
struct ReviewProblem {
  std::string path;
  std::string message;
};

// Checks one decision (a line of a review file, parsed) and fills `entry` from it; returns what
// is wrong, or nullopt. Leaves `entry.file` and `entry.line` alone.
std::optional<ReviewProblem> CheckReviewEntry(const nlohmann::json& object, ReviewEntry& entry);

// Reads and checks a review file's shape: every line an object with known keys of the right
// types, values valid for their fields. Errors list every bad line as "file:line: what"; blank
// lines are allowed.
Result<std::vector<ReviewEntry>> ReadReviewFile(const std::string& path);

// A decision that contradicts an earlier one about the same id: `what` the later entry does
// ("corrects strength twice", "has two accept decisions", "cannot both accept and reject").
struct ReviewConflict {
  const ReviewEntry* later = nullptr;
  const ReviewEntry* earlier = nullptr;
  std::string what;
};

// What contradicts among `entries`, the decisions about one id: a decision made twice, a field
// corrected twice, decisions that exclude each other (accept and reject, split and merge, …), in
// the order of `entries`; each conflict is the later entry's.
std::vector<ReviewConflict> ReviewConflicts(const std::vector<const ReviewEntry*>& entries);

// A conflict as a review file's problem, naming both entries: "FILE:LINE: ID corrects strength
// twice (see line N)", or "(see OTHER-FILE:N)".
std::string ReviewConflictText(const ReviewConflict& conflict);

// One change the review made, for --diff-review.
struct ReviewChange {
  std::string where;  // file:line
  std::string id;
  std::string description;  // "obligors: [] → [\"LV\"]", "split into 2 parts", ...
};

// An entry that no longer matches what extraction gives: an id no sentence has any more, or a
// correction whose "from" is not the field's current value.
struct UnmatchedEntry {
  std::string where;
  std::string id;
  std::string reason;
};

struct ReviewOutcome {
  // The proposed records with the review applied: rejected and merged-away ones removed, split
  // ones replaced by their parts; each carries its decision in `review` ("accepted",
  // "corrected", "split", "merged", or "" when unreviewed) and the entries' notes.
  std::vector<Commitment> reviewed;
  std::vector<ReviewChange> changes;
  std::vector<UnmatchedEntry> unmatched;
  // Ids of commitments and procedures (as reviewed) that no entry covers.
  std::vector<std::string> unreviewed;
  std::map<std::string, size_t> decisions;  // entries per decision, unmatched ones included
};

// Applies `entries` to `proposed` (every sentence's record). Entries that contradict each other
// (accept and reject, two corrections of one field, a split and a merge of
// one id, a merge into an id that is itself rejected, merged or split, a merge into itself) are
// errors naming both lines; nothing is applied then. Unmatched entries are reported, not
// applied.
Result<ReviewOutcome> ApplyReview(const std::vector<Commitment>& proposed,
                                  const std::vector<ReviewEntry>& entries);

}  // namespace treaty::commitments
