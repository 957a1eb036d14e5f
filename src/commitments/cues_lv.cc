// Latvian cues. Sources of the wording: the bundled agreement's Latvian text. Latvian marks the
// future in the verb ("nodrošinās", "sniegs"), which the dictionary recognises (see
// CueTable::future_suffixes), so only modal and present-tense cues are listed.
#include "commitments/cue_table.h"

namespace treaty::commitments {

namespace {

using SC = SentenceClass;
using S = Strength;

CueTable MakeLatvianCues() {
  CueTable t;
  t.strengths = {
      // commits
      {"apņemas", SC::kCommitment, S::kCommits},
      {"apņemamies", SC::kCommitment, S::kCommits},
      {"uzņemas", SC::kCommitment, S::kCommits},
      // will
      {"tiks", SC::kCommitment, S::kWill},
      {"būs", SC::kCommitment, S::kWill},
      // continues
      {"turpinās", SC::kCommitment, S::kContinues},
      {"turpinās ~ turpināt", SC::kCommitment, S::kContinues},
      // endeavours
      {"centīsies", SC::kCommitment, S::kEndeavours},
      {"tieksies", SC::kCommitment, S::kEndeavours},
      {"tiecas", SC::kCommitment, S::kEndeavours},
      {"plāno", SC::kCommitment, S::kEndeavours},
      {"iezīmē", SC::kCommitment, S::kWill},
      {"plānotas", SC::kCommitment, S::kEndeavours},
      {"plānots", SC::kCommitment, S::kEndeavours},
      {"mērķis ir", SC::kCommitment, S::kEndeavours},
      {"ar mērķi", SC::kCommitment, S::kEndeavours},
      {"darīs visu iespējamo", SC::kCommitment, S::kEndeavours},
      // considers
      {"apsvērs", SC::kCommitment, S::kConsiders},
      {"apsvērtu", SC::kCommitment, S::kConsiders},
      {"izskatīs", SC::kCommitment, S::kConsiders},
      {"pētīs", SC::kCommitment, S::kConsiders},
      {"izvērtēs", SC::kCommitment, S::kConsiders},
      // may
      {"var", SC::kCommitment, S::kMay},
      {"varēs", SC::kCommitment, S::kMay},
      {"ir iespēja", SC::kCommitment, S::kMay},
      // statements
      {"nosoda", SC::kStatement},
      {"atzīst", SC::kStatement},
      {"uzsver", SC::kStatement},
      {"apliecina", SC::kStatement},
      {"atzinīgi vērtē", SC::kStatement},
      {"atzinīgi novērtē", SC::kStatement},
      {"apzinās", SC::kStatement},
      {"uzskata", SC::kStatement},
      {"tic", SC::kStatement},
      {"uzteic", SC::kStatement},
      {"atkārtoti apstiprina", SC::kStatement},
      {"apstiprina", SC::kStatement},
      {"izprot", SC::kStatement},
      {"svarīgi", SC::kStatement},
  };
  t.procedures = {
      "apspriedīsies",
      "konsultāc*",
      "politikas dialog*",
      "pagarināšan*",
      "izbeig*",
      "grozīt*",
      "strīdi",
      "stājas spēkā",
      "tiek noslēgta uz",
      "pilnvarot*",
      "kompetentās institūcijas",
      "tehniskos līgumus",
      "īstenos vienošanos",
      "parakstīta",
      "noteicošais",
      "nākotnes statusu",
      "budžeta saistības",
  };
  t.conditions = {
      {"savu iespēju robežās", "capabilities"},
      {"iespēju robežās", "capabilities"},
      {"savu spēju robežās", "capabilities"},
      {"ievērojot dalībnieku iespējas", "capabilities"},
      {"izvērtējot latvijas iespējas un kapacitāti", "capabilities"},
      {"un latvijas iespējām", "capabilities"},
      {"atbilstoši ukrainas izteiktajām vajadzībām un latvijas spējām", "capabilities"},
      {"ciktāl iespējams", "capabilities"},
      {"cik vien iespējams", "capabilities"},
      {"ar skaidru latvijas republikas valdības", "government_approval"},
      {"ņemot vērā pieejamās spējas un resursus", "capabilities"},
      {"nepieciešamības gadījumā", "if_necessary"},
      {"rīkodamās saskaņā ar latvijas republikas satversmi", "national_law"},
      {"saeimas apstiprinājumu", "parliament_approval"},
      {"kad apstākļi to ļaus", "circumstances"},
      {"pēc pieprasījuma", "upon_request"},
      {"pēc jebkura dalībnieka lūguma", "upon_request"},
      {"ja nepieciešams", "if_necessary"},
      {"kad nepieciešams", "if_necessary"},
      {"vajadzības gadījumā", "if_necessary"},
      {"atbilstoši savām nacionālajām likumdošanas un konstitucionālajām prasībām", "national_law"},
      {"saskaņā ar savām starptautiskajām un nacionālajām saistībām", "national_law"},
      {"ja nākotnē notiks krievijas bruņots uzbrukums", "armed_attack"},
      {"krievijas uzbrukuma gadījumā", "armed_attack"},
      {"ja vien dalībnieki nenolemj citādi", "unless_decided_otherwise"},
      {"tik ilgi , cik tas nepieciešams", "as_long_as_needed"},
  };
  t.parties = {
      {"dalībnieki", "both"},
      {"dalībnieku", "both"},
      {"dalībniekiem", "both"},
      {"pilnvarotās institūcijas", "both"},
  };
  t.state_names = {
      {"latvija", "LV"},        {"latvijas", "LV"},        {"latvijai", "LV", false},
      {"latviju", "LV", false}, {"latvijas pusei", "LV"},  {"ukraina", "UA"},
      {"ukrainas", "UA"},       {"ukrainai", "UA", false}, {"ukrainu", "UA", false},
  };
  t.party_conjunctions = {"un", "vai"};
  t.categories = {
      {"nobeiguma noteikumi", Category::kProcedural},
      {"izpildes un tehniskā kārtība", Category::kProcedural},
      {"rekonstrukcij*", Category::kReconstruction},
      {"humānā*", Category::kHumanitarian},
      {"atmīnēšan*", Category::kHumanitarian},
      {"rehabilitācij*", Category::kHumanitarian},
      {"atbildīb*", Category::kLegal},
      {"kompensācij*", Category::kLegal},
      {"noziedzīb*", Category::kLegal},
      {"sankcij*", Category::kPolitical},
      {"ekonomik*", Category::kEconomic},
      {"enerģētik*", Category::kEconomic},
      {"lauksaimniecīb*", Category::kEconomic},
      {"digitāl*", Category::kEconomic},
      {"finanš*", Category::kFinancial},
      {"budžet*", Category::kFinancial},
      {"nemilitār*", Category::kPolitical, Category::kMilitary},
      {"militār*", Category::kMilitary, std::nullopt, true},
      {"aizsardzīb*", Category::kMilitary},
      {"dron*", Category::kMilitary},
      {"bezpilota", Category::kMilitary},
      {"kiber*", Category::kMilitary},
  };
  t.skipped_before_verb = {"arī",         "kopīgi", "tālāk",   "individuāli",
                           "konsekventi", "aktīvi", "turpināt"};
  t.negative_prefix = "ne";
  t.intentions = {{"tās nodomu", SC::kCommitment, S::kEndeavours}};
  t.subordinators = {"ka", "kas", "kuri"};
  t.subject_pronouns = {"tā"};
  t.coordinators = {"un"};
  t.prepositions = {"pret", "ar", "par", "no", "uz", "pie", "starp", "kā"};
  t.future_suffixes = {{"sies", "ties"}, {"s", "t"}};
  t.auxiliaries = {"tiks", "būs", "var", "varēs", "turpinās"};
  t.clause_openers = {"kā",      "lai",     "kas",   "kur", "kad", "ja",  "ieskaitot",
                      "tostarp", "saskaņā", "īpaši", "jo",  "bet", "tai", "kamēr"};
  t.relative_pronouns = {"kas",   "kurš", "kura",  "kuru",   "kurā",  "kuram",
                         "kurai", "kuri", "kuras", "kuriem", "kurām", "kurās"};
  t.function_words = {"un", "vai", "kā", "arī", "šo", "šī", "šīs", "tā", "tās", "savu", "savas"};
  IndexCueTable(t);
  return t;
}

}  // namespace

const CueTable& LatvianCues() {
  static const CueTable table = MakeLatvianCues();
  return table;
}

}  // namespace treaty::commitments
