// The rules of one agreement with their parameters read from its reviewed commitments: the life
// cycle (section 6), the procedures (consultations, the annual meeting, authorised institutions)
// and one target rule for every other commitment and procedure. Every value carries the citation
// of the commitment it was read from, so a changed text changes the rule and its reason.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "commitments/agreement_commitments.h"
#include "core/result.h"
#include "evaluation/citation.h"
#include "evaluation/lifecycle.h"
#include "evaluation/period.h"
#include "evaluation/reference_series.h"
#include "evaluation/rule_bindings.h"

namespace treaty::evaluation {

enum class TargetRuleKind {
  kGdpShare,  // a share of a Participant's GDP, each year of `years`
  kMoney,     // an amount, each year of `years` (per_year) or in all of them together
  kCount,     // a number of items in a unit ("a million drones")
  kActivity,  // no numbers: the activity linked to the commitment
};
const char* TargetRuleKindName(TargetRuleKind kind);  // "gdp_share", "money", "count", "activity"

struct MoneyTarget {
  std::string currency;  // ISO 4217
  int64_t minor_units = 0;
  bool approximate = false;  // "approximately 112 million EUR"
};

struct TargetRule {
  std::string commitment_id;
  Citation source;
  TargetRuleKind kind = TargetRuleKind::kActivity;
  std::string sentence_class;  // "commitment" or "procedure"
  std::string strength;        // "commits", "will", ...
  std::string category;        // "military", ...
  std::vector<std::string> obligors;
  std::vector<std::string> conditions;       // kinds: "capabilities", ...
  std::vector<std::string> condition_words;  // the same, in the prevailing text's words
  TargetOptions options;
  std::vector<int> years;  // the years the text names, in order; empty when it names none
  bool per_year = false;   // each year on its own ("annually"), else all years together
  int64_t share_ppm = 0;   // kGdpShare: 0.25 % is 2,500 parts per million
  std::string share_of;    // kGdpShare: the reference measure, "GDP"
  MoneyTarget money;       // kMoney
  int64_t count = 0;       // kCount
  std::string unit;        // kCount: "drone"
  // The words of a bound the text puts on the figure measured ("at least 977 million EUR",
  // "more than 1.3% of GDP"), or of a ceiling that is therefore not measured ("up to the value of
  // 50 million EUR"); empty when there is none.
  std::string lower_bound_words;
  std::string ceiling_words;
};

struct ConsultationRule {
  Cited<Period> window;         // "within 24 hours"
  std::string request_subtype;  // the consultation_request subtype that starts the clock
};

struct AnnualMeetingRule {
  Cited<Period> recurrence;     // "annual": P1Y
  std::string meeting_subtype;  // the meeting subtype that meets the duty
};

struct AgreementRules {
  std::string agreement;  // "lv-ua-2024"
  std::string title;
  std::vector<std::string> parties;  // party codes
  LifecycleParameters lifecycle;
  ConsultationRule consultations;
  AnnualMeetingRule annual_meeting;
  Citation authorised_institutions;
  // One per commitment and procedure not bound to the rules above, in the order of the text.
  std::vector<TargetRule> targets;
  // Reference series by measure ("GDP") and party code.
  std::map<std::string, std::map<std::string, ReferenceSeries>> reference_series;
  std::map<std::string, std::string> categories;  // category of every commitment id
  std::map<std::string, std::string> titles;      // commitments::Title of every commitment id
};

// The rule of commitment `id` among rules.targets, or nullptr.
const TargetRule* FindTargetRule(const AgreementRules& rules, const std::string& id);

// Reads the parameters named by `bindings` from `agreement.reviewed` and loads the reference
// series (paths relative to `package_folder`). Errors name the rules file and binding: a
// commitment that is not among the reviewed ones, one without the bound target, a value that does
// not read as a date or period, a GDP share with no series for its obligor, a target option for
// an unknown commitment, the errors of the series files, and those of CheckSignedDate.
Result<AgreementRules> BuildAgreementRules(const commitments::AgreementCommitments& agreement,
                                           const RuleBindings& bindings,
                                           const std::string& package_folder);

// That the day of signature of `agreement.json` is the one the text says, which the life cycle
// counts from (the `signature` binding); a package naming another day would show one date and
// count from the other. Reads nothing else of the rules. Errors: another day, naming the field
// and quoting the provision, and those of reading the binding.
Result<bool> CheckSignedDate(const commitments::AgreementCommitments& agreement,
                             const RuleBindings& bindings);

}  // namespace treaty::evaluation
