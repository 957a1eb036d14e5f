// Which reviewed commitment each rule reads its parameters from: an agreement package's
// `rules.json` (format in src/evaluation/README.md, "Rule bindings"). The bindings name
// commitments and the kind of target to read; the values themselves (dates, durations, amounts)
// always come from the commitments, so a changed text changes the rule.
#pragma once

#include <map>
#include <string>

#include "core/result.h"

namespace treaty::evaluation {

// A rule parameter read from one commitment: from its target of kind `target` ("date",
// "duration", "recurrence"), or, with `target` empty, only its citation.
struct Binding {
  std::string commitment;
  std::string target;
};

// How a commitment with numbers is measured; every member is optional.
struct TargetOptions {
  // Which ledger amounts count: "provided" (disbursements, the value of deliveries and the cost of
  // training, the default), "allocated" or "pledged".
  std::string measure = "provided";
  std::string because;  // the text's word that decides the measure ("earmarks")
  // "commitment": events linked to this commitment (default); "category": events linked to any
  // commitment of its category, each counted once.
  std::string scope = "commitment";
  std::string beside;   // a GDP-share commitment whose figure for the same year is shown beside
  std::string goal_of;  // the target is a shared goal of this group; own deliveries are a share
};

struct RuleBindings {
  std::string file;
  std::string text;  // the file's bytes, which errors found later are placed in (PlaceInJsonFile)
  // signature, entry_into_force, term, extension_notice, termination_notice, nato_membership,
  // amendment, ongoing_activities.
  std::map<std::string, Binding> lifecycle;
  Binding consultations;  // a duration: the time to consult after a request
  std::string consultation_request_subtype;
  Binding annual_meeting;  // a recurrence: the meeting each year of the term
  std::string meeting_subtype;
  Binding authorised_institutions;
  // Reference series by measure ("GDP") and party code: paths relative to the package folder.
  std::map<std::string, std::map<std::string, std::string>> reference_series;
  std::map<std::string, TargetOptions> targets;  // by commitment id
};

// The lifecycle parameters every package's rules.json binds.
inline constexpr const char* kLifecycleParameters[] = {
    "signature",          "entry_into_force", "term",      "extension_notice",
    "termination_notice", "nato_membership",  "amendment", "ongoing_activities"};

// Reads FOLDER/rules.json. Errors have `where` "FILE:LINE: field PATH": a missing or unknown
// member, a value of the wrong type, a measure, scope or target kind that does not exist.
Result<RuleBindings> LoadRuleBindings(const std::string& package_folder);

}  // namespace treaty::evaluation
