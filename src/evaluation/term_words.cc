#include "evaluation/term_words.h"

#include "core/word_table.h"

namespace treaty::evaluation {
namespace {

// One meaning per code: "armed_attack", a consultation request's subtype and a condition's kind,
// is the same attack in both.
constexpr WordTable<30> kWords = {{
    // Event types (docs/ledger-format.md §1.2).
    {"pledge", "pledge"},
    {"allocation", "allocation"},
    {"disbursement", "disbursement"},
    {"delivery", "delivery"},
    {"training", "training"},
    {"meeting", "meeting"},
    {"notice", "notice"},
    {"consultation_request", "consultation request"},
    {"consultation_held", "consultation held"},
    {"technical_agreement", "technical agreement"},
    {"correction", "correction"},
    // Their subtypes.
    {"strategic_dialogue", "strategic dialogue"},
    {"extension", "extension"},
    {"termination", "termination"},
    {"amendment_proposal", "amendment proposal"},
    {"amendment_acceptance", "amendment acceptance"},
    {"authorised_institution", "authorised institution"},
    {"armed_attack", "armed attack"},
    {"dispute", "dispute"},
    {"other", "other"},
    // The kinds of a commitment's conditions (commitments/cues_*.cc).
    {"capabilities", "within capabilities"},
    {"government_approval", "government approval"},
    {"parliament_approval", "parliament approval"},
    {"circumstances", "when circumstances permit"},
    {"upon_request", "upon request"},
    {"if_necessary", "if necessary"},
    {"national_law", "under national law"},
    {"unless_decided_otherwise", "unless decided otherwise"},
    {"as_long_as_needed", "as long as needed"},
    // Reviewers' kinds (commitments.review.jsonl): sec_6__para_2: "through a written notice".
    {"in_writing", "in writing"},
}};

}  // namespace

std::optional<std::string_view> FindTermWords(std::string_view code) {
  return FindWords(kWords, code);
}

std::string TermWords(std::string_view code) { return WordsOrCode(kWords, code); }

std::string EventTypeWords(std::string_view type, std::string_view subtype) {
  std::string words = TermWords(type);
  if (!subtype.empty()) words += " (" + TermWords(subtype) + ")";
  return words;
}

}  // namespace treaty::evaluation
