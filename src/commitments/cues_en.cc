// English cues. Sources of the wording: the bundled agreement and the corpus of agreements in
// tests/data; every entry is a phrase those texts use.
#include "commitments/cue_table.h"

namespace treaty::commitments {

namespace {

using SC = SentenceClass;
using S = Strength;

CueTable MakeEnglishCues() {
  CueTable t;
  t.strengths = {
      // commits
      {"commit", SC::kCommitment, S::kCommits},
      {"commits", SC::kCommitment, S::kCommits},
      {"is committed", SC::kCommitment, S::kCommits},
      {"are committed", SC::kCommitment, S::kCommits},
      {"remain committed", SC::kCommitment, S::kCommits},
      {"undertake", SC::kCommitment, S::kCommits},
      {"undertakes", SC::kCommitment, S::kCommits},
      {"has committed", SC::kCommitment, S::kCommits},
      {"have committed", SC::kCommitment, S::kCommits},
      {"shall", SC::kCommitment, S::kCommits},
      // will
      {"will", SC::kCommitment, S::kWill},
      {"would", SC::kCommitment, S::kWill},
      // continues
      {"will ~ continue", SC::kCommitment, S::kContinues},
      {"will ~ remain", SC::kCommitment, S::kContinues},
      {"continue to", SC::kCommitment, S::kContinues},
      // support under way ("Norway is providing NOK 75 billion"), which the party keeps up
      {"is providing", SC::kCommitment, S::kContinues},
      {"are providing", SC::kCommitment, S::kContinues},
      {"is contributing", SC::kCommitment, S::kContinues},
      {"are contributing", SC::kCommitment, S::kContinues},
      // endeavours
      {"will ~ seek", SC::kCommitment, S::kEndeavours},
      {"will ~ aim", SC::kCommitment, S::kEndeavours},
      {"will ~ strive", SC::kCommitment, S::kEndeavours},
      {"will ~ endeavour", SC::kCommitment, S::kEndeavours},
      {"will make every effort", SC::kCommitment, S::kEndeavours},
      {"seek", SC::kCommitment, S::kEndeavours},
      {"seeks", SC::kCommitment, S::kEndeavours},
      {"strive", SC::kCommitment, S::kEndeavours},
      {"strives", SC::kCommitment, S::kEndeavours},
      {"endeavour", SC::kCommitment, S::kEndeavours},
      {"aim", SC::kCommitment, S::kEndeavours},
      {"aims", SC::kCommitment, S::kEndeavours},
      {"intend", SC::kCommitment, S::kEndeavours},
      {"intends", SC::kCommitment, S::kEndeavours},
      {"plan", SC::kCommitment, S::kEndeavours},
      {"plans", SC::kCommitment, S::kEndeavours},
      {"are planned", SC::kCommitment, S::kEndeavours},
      {"earmarks", SC::kCommitment, S::kWill},
      {"allocates", SC::kCommitment, S::kWill},
      {"is planned", SC::kCommitment, S::kEndeavours},
      {"has set the target", SC::kCommitment, S::kEndeavours},
      {"with the aim of", SC::kCommitment, S::kEndeavours},
      // considers
      {"will ~ consider", SC::kCommitment, S::kConsiders},
      {"would ~ consider", SC::kCommitment, S::kConsiders},
      {"will ~ explore", SC::kCommitment, S::kConsiders},
      {"will ~ examine", SC::kCommitment, S::kConsiders},
      {"will ~ study", SC::kCommitment, S::kConsiders},
      {"will ~ look into", SC::kCommitment, S::kConsiders},
      // may
      {"may", SC::kCommitment, S::kMay},
      {"can", SC::kCommitment, S::kMay},
      {"could", SC::kCommitment, S::kMay},
      // statements
      {"condemn", SC::kStatement},
      {"condemns", SC::kStatement},
      {"acknowledge*", SC::kStatement},
      {"recognise", SC::kStatement},
      {"recognises", SC::kStatement},
      {"recognize", SC::kStatement},
      {"recognizes", SC::kStatement},
      {"underline", SC::kStatement},
      {"underlines", SC::kStatement},
      {"emphasise", SC::kStatement},
      {"emphasises", SC::kStatement},
      {"emphasize", SC::kStatement},
      {"emphasizes", SC::kStatement},
      {"stress", SC::kStatement},
      {"stresses", SC::kStatement},
      {"welcome", SC::kStatement},
      {"welcomes", SC::kStatement},
      {"reaffirm", SC::kStatement},
      {"reaffirms", SC::kStatement},
      {"affirm", SC::kStatement},
      {"affirms", SC::kStatement},
      {"confirm", SC::kStatement},
      {"confirms", SC::kStatement},
      {"reiterate*", SC::kStatement},
      {"commend*", SC::kStatement},
      {"praise*", SC::kStatement},
      {"appreciate*", SC::kStatement},
      {"believe", SC::kStatement},
      {"believes", SC::kStatement},
      {"are aware", SC::kStatement},
      {"is aware", SC::kStatement},
      {"understand", SC::kStatement},
      {"see", SC::kStatement},
      {"sees", SC::kStatement},
      {"consider", SC::kStatement},
      {"considers", SC::kStatement},
      {"note", SC::kStatement},
      {"notes", SC::kStatement},
      {"recall", SC::kStatement},
      {"recalls", SC::kStatement},
      {"it is important", SC::kStatement},
  };
  t.procedures = {
      "consult",
      "consultation*",
      "policy dialogue",
      "extension",
      "terminat*",
      "termination",
      "amend*",
      "disputes between the participants",
      "comes into effect",
      "come into effect",
      "come into force",
      "agreement will remain in effect",
      "agreement will remain in force",
      "enter* into force",
      "is valid for",
      "authorised bodies",
      "authorised institutions",
      "competent authorities",
      "technical agreements",
      "implement this agreement",
      "signed in duplicate",
      "shall prevail",
      "future status",
      "budgetary commitments",
  };
  t.conditions = {
      {"within its capabilities", "capabilities"},
      {"within their capabilities", "capabilities"},
      {"within its means", "capabilities"},
      {"as far as possible", "capabilities"},
      {"where possible", "capabilities"},
      {"provided the capabilities and resources available", "capabilities"},
      {"provided the capabilities of the participants", "capabilities"},
      {"assessing latvia’s capabilities and capacity", "capabilities"},
      {"and the capabilities of latvia", "capabilities"},
      {"approval from the government", "government_approval"},
      {"of the saeima", "parliament_approval"},
      {"when circumstances permit", "circumstances"},
      {"when circumstances allow", "circumstances"},
      {"upon request", "upon_request"},
      {"at the request of either participant", "upon_request"},
      {"at the request of", "upon_request"},
      {"if necessary", "if_necessary"},
      {"where necessary", "if_necessary"},
      {"where needed", "if_necessary"},
      {"when necessary", "if_necessary"},
      {"in accordance with its national legislative and constitutional requirements",
       "national_law"},
      {"in accordance with their national legislation", "national_law"},
      {"acting in accordance with the satversme", "national_law"},
      {"in accordance with their international and national obligations", "national_law"},
      {"in the event of future russian armed attack", "armed_attack"},
      {"in the case of russia’s attack", "armed_attack"},
      {"unless the participants decide otherwise", "unless_decided_otherwise"},
      {"for as long as it takes", "as_long_as_needed"},
  };
  t.parties = {
      {"participants", "both"}, {"either participant", "both"}, {"each participant", "both"},
      {"the parties", "both"},  {"both parties", "both"},       {"either party", "both"},
      {"each party", "both"},   {"the sides", "both"},          {"both sides", "both"},
      {"either side", "both"},  {"each side", "both"},          {"authorised bodies", "both"},
  };
  t.state_names = {
      {"latvia", "LV"},
      {"ukraine", "UA"},
  };
  // The parties of the agreements in tests/data: the bundled one and the corpus.
  t.state_adjectives = {
      {"AL", "albanian"},   {"BE", "belgian"},   {"HR", "croatian"},   {"CZ", "czech"},
      {"EE", "estonian"},   {"FI", "finnish"},   {"FR", "french"},     {"IS", "icelandic"},
      {"IE", "irish"},      {"IT", "italian"},   {"LV", "latvian"},    {"LT", "lithuanian"},
      {"LU", "luxembourg"}, {"NO", "norwegian"}, {"PT", "portuguese"}, {"RO", "romanian"},
      {"SI", "slovenian"},  {"ES", "spanish"},   {"SE", "swedish"},    {"UA", "ukrainian"},
  };
  t.organs = {
      "government",     "federal government",
      "ministry",       "minister",
      "prime minister", "president",
      "cabinet",        "parliament",
      "armed forces",   "defence forces",
      "authorities",    "institutions",
      "participant",    "side",
      "party",
  };
  t.party_conjunctions = {"and", "or"};
  t.given_by_possessor = {
      "support", "contribution", "contributions", "commitment", "commitments", "assistance", "aid",
      "funding", "financing",    "help",          "package",    "packages",    "transfer"};
  t.state_forms = {"republic",  "kingdom",    "grand",         "duchy", "principality",
                   "federal",   "democratic", "commonwealth",  "state", "confederation",
                   "socialist", "federation", "constitutional"};
  t.categories = {
      {"final provisions", Category::kProcedural},
      {"non - military", Category::kPolitical, Category::kMilitary},
      {"executive and technical arrangements", Category::kProcedural},
      {"reconstruction", Category::kReconstruction},
      {"humanitarian", Category::kHumanitarian},
      {"demining", Category::kHumanitarian},
      {"rehabilitation", Category::kHumanitarian},
      {"children", Category::kHumanitarian},
      {"accountability", Category::kLegal},
      {"compensation", Category::kLegal},
      {"crime", Category::kLegal},
      {"organised crime", Category::kLegal},
      {"justice", Category::kLegal},
      {"sanctions", Category::kPolitical},
      {"economic", Category::kEconomic},
      {"energy", Category::kEconomic},
      {"agriculture", Category::kEconomic},
      {"digital", Category::kEconomic},
      {"financial", Category::kFinancial},
      {"budgetary", Category::kFinancial},
      {"military", Category::kMilitary, std::nullopt, true},
      {"defence", Category::kMilitary},
      {"armed attack", Category::kMilitary},
      {"maritime", Category::kMilitary},
      {"drone*", Category::kMilitary},
      {"cyber", Category::kMilitary},
      {"intelligence", Category::kMilitary},
      {"critical infrastructure", Category::kMilitary},
      {"cbrn", Category::kMilitary},
      {"international organisations", Category::kPolitical},
      {"european union", Category::kPolitical},
      {"bilateral relations", Category::kPolitical},
      {"development cooperation", Category::kEconomic},
      {"international contributions", Category::kFinancial},
  };
  t.skipped_before_verb = {
      "to",      "also",       "jointly",     "further",    "individually", "consistently",
      "itself",  "themselves", "be",          "actively",   "continue",     "seek",
      "seeks",   "strive",     "strives",     "endeavour",  "endeavours",   "committed",
      "commits", "commit",     "undertake",   "undertakes", "aim",          "aims",
      "intend",  "intends",    "plan",        "plans",      "bilaterally",  "only",
      "fully",   "therefore",  "furthermore", "together"};
  t.adverb_ending = "ly";
  t.negations = {"not"};
  t.not_denying_before = {"only"};
  t.intentions = {{"its intention to", SC::kCommitment, S::kEndeavours}};
  t.subordinators = {"that", "which", "who"};
  t.subject_pronouns = {"it", "they"};
  t.coordinators = {"and"};
  t.month_names = {"may"};
  t.before_months = {"of", "in", "since", "until", "from", "by", "early", "late"};
  t.verb_endings = {"s", "es", "d", "ed", "ing"};
  t.past_ending = "ed";
  t.auxiliaries = {"will", "would", "shall", "may", "can", "could", "continue"};
  t.clause_openers = {"as",      "including",    "considering", "maintaining", "which",
                      "where",   "when",         "while",       "but",         "thereby",
                      "along",   "taking",       "based",       "in",          "inter",
                      "notably", "particularly", "especially",  "so",          "to",
                      "for",     "with",         "within",      "until",       "unless",
                      "if",      "provided",     "whereby",     "thus",        "given"};
  t.relative_pronouns = {"which", "whose", "who"};
  t.agent_prepositions = {"by", "through"};
  t.lone_adverbs = {"together"};
  t.clause_conjunctions = {"that"};
  t.copulas = {"remain", "be"};
  t.place_phrases = {"based in",         "based in the",         "based at",     "based at the",
                     "located in",       "located in the",       "located at",   "located at the",
                     "situated in",      "situated in the",      "stationed in", "stationed in the",
                     "headquartered in", "headquartered in the", "hosted in",    "hosted in the",
                     "held in",          "held in the",          "held at",      "held at the"};
  t.function_words = {"the",  "a",    "an",    "and",     "or",    "its",   "their",
                      "this", "that", "these", "those",   "which", "whose", "such",
                      "any",  "all",  "each",  "through", "under", "via",   "at"};
  t.hypotheticals = {"would", "is providing", "are providing", "is contributing",
                     "are contributing"};
  t.passive_auxiliaries = {"be", "been", "is", "are"};
  t.perfect_auxiliaries = {"has", "have", "had", "was", "were"};
  t.prepositions = {"to",   "for", "of",     "with",    "against",  "from",    "by",
                    "in",   "on",  "into",   "towards", "about",    "between", "among",
                    "than", "as",  "within", "across",  "vis-à-vis"};
  IndexCueTable(t);
  return t;
}

}  // namespace

const CueTable& EnglishCues() {
  static const CueTable table = MakeEnglishCues();
  return table;
}

}  // namespace treaty::commitments
