// One sentence at a time, in each language: class, strength, obligors and conditions as a reader
// of the agreement would give them.
#include <gtest/gtest.h>

#include "commitments/cue_table.h"
#include "commitments/party_names.h"
#include "commitments/sentence_analysis.h"

namespace treaty::commitments {
namespace {

// The bundled agreement's parties, named in `language`.
PartyNames LatviaAndUkraine(text::Language language) {
  return NamesOfParties({{"LV", "Republic of Latvia"}, {"UA", "Ukraine"}}, language,
                        *CueTableFor(language));
}

struct SentenceCase {
  text::Language language;
  std::string sentence;
  SentenceClass sentence_class;
  Strength strength;
  std::vector<std::string> obligors;
  std::string lemma;
};

class SentenceClassTest : public ::testing::TestWithParam<SentenceCase> {};

TEST_P(SentenceClassTest, ReadsAsAPersonWould) {
  const SentenceCase& c = GetParam();
  SentenceAnalysis analysis = AnalyzeSentence(c.sentence, c.language, *CueTableFor(c.language),
                                              LatviaAndUkraine(c.language), true);
  EXPECT_EQ(SentenceClassName(analysis.sentence_class), SentenceClassName(c.sentence_class))
      << c.sentence;
  EXPECT_EQ(StrengthName(analysis.strength), StrengthName(c.strength)) << c.sentence;
  EXPECT_EQ(analysis.obligors, c.obligors) << c.sentence;
  EXPECT_EQ(analysis.action.lemma, c.lemma) << c.sentence;
}

using L = text::Language;
using SC = SentenceClass;
using S = Strength;
const std::vector<std::string> kLv = {"LV"};
const std::vector<std::string> kUa = {"UA"};
const std::vector<std::string> kBoth = {"LV", "UA"};

INSTANTIATE_TEST_SUITE_P(
    English, SentenceClassTest,
    ::testing::Values(
        SentenceCase{L::kEnglish, "Latvia undertakes to provide training.", SC::kCommitment,
                     S::kCommits, kLv, "provide"},
        SentenceCase{L::kEnglish, "Latvia is committed to supporting Ukraine.", SC::kCommitment,
                     S::kCommits, kLv, "support"},
        SentenceCase{L::kEnglish, "Ukraine will provide information.", SC::kCommitment, S::kWill,
                     kUa, "provide"},
        SentenceCase{L::kEnglish, "The Participants will continue to cooperate.", SC::kCommitment,
                     S::kContinues, kBoth, "cooperate"},
        SentenceCase{L::kEnglish, "Latvia will strive to deliver drones.", SC::kCommitment,
                     S::kEndeavours, kLv, "deliver"},
        SentenceCase{L::kEnglish, "Latvia aims to increase support.", SC::kCommitment,
                     S::kEndeavours, kLv, "increase"},
        SentenceCase{L::kEnglish, "Latvia will consider providing loans.", SC::kCommitment,
                     S::kConsiders, kLv, "consider"},
        SentenceCase{L::kEnglish, "The Participants will explore joint programmes.",
                     SC::kCommitment, S::kConsiders, kBoth, "explore"},
        SentenceCase{L::kEnglish, "Ukraine may request assistance.", SC::kCommitment, S::kMay, kUa,
                     "request"},
        SentenceCase{L::kEnglish,
                     "The Participants condemn the aggression.",
                     SC::kStatement,
                     S::kNone,
                     {},
                     ""},
        SentenceCase{
            L::kEnglish, "Latvia welcomes the decision.", SC::kStatement, S::kNone, {}, ""},
        SentenceCase{L::kEnglish, "Further support provided by Latvia will be secured.",
                     SC::kCommitment, S::kWill, kLv, "secure"},
        SentenceCase{L::kEnglish, "The Participants will inform each other.", SC::kCommitment,
                     S::kWill, kBoth, "inform"},
        SentenceCase{L::kEnglish, "The Participants will consult within 24 hours.", SC::kProcedure,
                     S::kWill, kBoth, "consult"},
        SentenceCase{L::kEnglish, "Latvia has committed to providing training.", SC::kCommitment,
                     S::kCommits, kLv, "provide"},
        SentenceCase{L::kEnglish, "The Participants have committed to providing support.",
                     SC::kCommitment, S::kCommits, kBoth, "provide"},
        SentenceCase{L::kEnglish, "Ukraine and Latvia will cooperate.", SC::kCommitment, S::kWill,
                     kBoth, "cooperate"},
        // "May" the month is no modal verb; "may" the verb still is.
        SentenceCase{L::kEnglish,
                     "Signed in Vilnius on 11 May 2024, in two originals.",
                     SC::kContext,
                     S::kNone,
                     {},
                     ""},
        SentenceCase{L::kEnglish, "As of May 2024, Latvia will provide 10 drones.", SC::kCommitment,
                     S::kWill, kLv, "provide"},
        SentenceCase{L::kEnglish, "From May, the Participants will meet.", SC::kCommitment,
                     S::kWill, kBoth, "meet"},
        SentenceCase{L::kEnglish, "Ukraine may request assistance in May 2025.", SC::kCommitment,
                     S::kMay, kUa, "request"},
        SentenceCase{L::kEnglish, "May 2024 saw the first deliveries, and Latvia will add more.",
                     SC::kCommitment, S::kWill, kLv, "add"},
        // A possessive names who acts where it begins the subject, with either apostrophe, and
        // nowhere else: the subject or the party of a passive comes first.
        SentenceCase{L::kEnglish,
                     "In 2024, Latvia’s military support will amount to EUR 1 million.",
                     SC::kCommitment, S::kWill, kLv, "amount"},
        SentenceCase{L::kEnglish, "Latvia's support will include training.", SC::kCommitment,
                     S::kWill, kLv, "include"},
        SentenceCase{L::kEnglish, "Latvia will continue bolstering Ukraine’s resilience.",
                     SC::kCommitment, S::kContinues, kLv, "bolster"},
        SentenceCase{L::kEnglish, "Support for Ukraine’s reforms will be provided by Latvia.",
                     SC::kCommitment, S::kWill, kLv, "provide"},
        SentenceCase{L::kEnglish, "Latvia’s support will provide Ukraine with aircraft.",
                     SC::kCommitment, S::kWill, kLv, "provide"},
        // Only what a party gives names it: needs and memberships are no one's promise.
        SentenceCase{L::kEnglish,
                     "Ukraine’s needs for demining will continue for decades to come.",
                     SC::kCommitment,
                     S::kContinues,
                     {},
                     "continue"},
        // Two parties joined by "or" are both who may act (Belgium's "terminated by either
        // Belgium or Ukraine").
        SentenceCase{L::kEnglish,
                     "This Agreement may be terminated by either Latvia or Ukraine by giving "
                     "written notice to the other Participant.",
                     SC::kProcedure, S::kMay, kBoth, "terminate"},
        SentenceCase{L::kEnglish, "Latvia or Ukraine may request consultations.", SC::kProcedure,
                     S::kMay, kBoth, "request"},
        // A statement that leads to a promise of its own subject is a commitment: an intention
        // as its object, a clause whose subject is a pronoun, a modal joined by "and".
        SentenceCase{L::kEnglish, "Latvia confirms its intention to provide long-term support.",
                     SC::kCommitment, S::kEndeavours, kLv, "provide"},
        SentenceCase{L::kEnglish,
                     "Latvia affirms that in those circumstances, and acting within its means, it "
                     "will provide Ukraine with swift and sustained assistance.",
                     SC::kCommitment, S::kWill, kLv, "provide"},
        SentenceCase{L::kEnglish, "Ukraine reiterates that it will continue to engage in reforms.",
                     SC::kCommitment, S::kContinues, kUa, "engage"},
        SentenceCase{L::kEnglish, "Latvia welcomes and will continue to support the Peace Formula.",
                     SC::kCommitment, S::kContinues, kLv, "support"},
        SentenceCase{L::kEnglish,
                     "The Participants recognise the need for, and will continue to work together "
                     "along, these lines.",
                     SC::kCommitment, S::kContinues, kBoth, "work"},
        // A procedure named in a relative clause after the promise does not make it one; a party
        // named right after a past form is its object, not who acts.
        SentenceCase{L::kEnglish,
                     "Latvia provided Ukraine with 13 packages and intends to maintain the same "
                     "level of support, which shall be determined through consultations.",
                     SC::kCommitment, S::kEndeavours, kLv, "maintain"},
        SentenceCase{L::kEnglish, "The Participants will consult, which Latvia welcomes.",
                     SC::kProcedure, S::kWill, kBoth, "consult"},
        // The relative clause ends at its comma: what follows it counts again.
        SentenceCase{L::kEnglish,
                     "Latvia will provide training, which experts will plan, and will consult "
                     "Ukraine on it.",
                     SC::kProcedure, S::kWill, kLv, "provide"},
        // A participle that opens the sentence is no verb whose object follows.
        SentenceCase{L::kEnglish, "As planned Latvia will provide Ukraine with training.",
                     SC::kCommitment, S::kWill, kLv, "provide"},
        // The agreement's own taking effect and term are procedures, whoever promises nothing.
        SentenceCase{L::kEnglish,
                     "This Agreement will come into effect immediately upon signature.",
                     SC::kProcedure,
                     S::kWill,
                     {},
                     "come"},
        SentenceCase{L::kEnglish,
                     "This Agreement will remain in force for ten years.",
                     SC::kProcedure,
                     S::kContinues,
                     {},
                     "remain"},
        // Support under way is kept up.
        SentenceCase{L::kEnglish, "Latvia is providing EUR 5 million for demining.",
                     SC::kCommitment, S::kContinues, kLv, "provide"},
        SentenceCase{L::kEnglish,
                     "Russia's aggression is contributing to food insecurity in the world.",
                     SC::kStatement,
                     S::kNone,
                     {},
                     ""},
        SentenceCase{L::kEnglish, "Ukraine and Latvia will therefore work together.",
                     SC::kCommitment, S::kWill, kBoth, "work"},
        // A clause with another subject stays what its statement says.
        SentenceCase{L::kEnglish,
                     "The Participants recognise that Ukraine and the whole of Europe will not be "
                     "secure until there is a just peace.",
                     SC::kStatement,
                     S::kNone,
                     {},
                     ""},
        SentenceCase{
            L::kEnglish,
            "The Participants recognise that Ukraine has made progress and will join NATO.",
            SC::kStatement,
            S::kNone,
            {},
            ""}));

INSTANTIATE_TEST_SUITE_P(
    Latvian, SentenceClassTest,
    ::testing::Values(
        SentenceCase{L::kLatvian, "Latvija apņemas sniegt apmācību.", SC::kCommitment, S::kCommits,
                     kLv, "sniegt"},
        SentenceCase{L::kLatvian, "Latvija nodrošinās apmācību.", SC::kCommitment, S::kWill, kLv,
                     "nodrošināt"},
        SentenceCase{L::kLatvian, "Dalībnieki sadarbosies kiberdrošībā.", SC::kCommitment, S::kWill,
                     kBoth, "sadarboties"},
        SentenceCase{L::kLatvian, "Latvija turpinās atbalstīt Ukrainu.", SC::kCommitment,
                     S::kContinues, kLv, "atbalstīt"},
        SentenceCase{L::kLatvian, "Latvija centīsies piegādāt dronus.", SC::kCommitment,
                     S::kEndeavours, kLv, "piegādāt"},
        SentenceCase{L::kLatvian, "Latvija apsvērs iespēju sniegt aizdevumus.", SC::kCommitment,
                     S::kConsiders, kLv, "apsvērt"},
        SentenceCase{L::kLatvian, "Ukraina var lūgt palīdzību.", SC::kCommitment, S::kMay, kUa,
                     "lūgt"},
        SentenceCase{L::kLatvian, "Dalībnieki nosoda agresiju.", SC::kStatement, S::kNone, {}, ""},
        SentenceCase{
            L::kLatvian, "Latvija atzinīgi vērtē lēmumu.", SC::kStatement, S::kNone, {}, ""},
        // A capitalised noun that ends like a future verb is not one.
        SentenceCase{
            L::kLatvian, "Vienošanās ir spēkā desmit gadus.", SC::kContext, S::kNone, {}, ""},
        // A denied future form is one ("neietekmēs": will not affect).
        SentenceCase{L::kLatvian,
                     "Izbeigšana neietekmēs projektu īstenošanu.",
                     SC::kProcedure,
                     S::kWill,
                     {},
                     "ietekmēt"},
        // A statement that leads to a promise of its own subject is a commitment.
        SentenceCase{L::kLatvian, "Latvija apliecina tās nodomu nodrošināt atbalstu.",
                     SC::kCommitment, S::kEndeavours, kLv, "nodrošināt"},
        SentenceCase{L::kLatvian, "Ukraina uzsver, ka tā turpinās īstenot reformas.",
                     SC::kCommitment, S::kContinues, kUa, "īstenot"},
        // A procedure's word in a relative clause after the promise leaves it a promise.
        SentenceCase{L::kLatvian,
                     "Latvija turpinās sniegt atbalstu, kura apjomu noteiks konsultācijās.",
                     SC::kCommitment, S::kContinues, kLv, "sniegt"}));

// A possessive in the promise's clause names whom it serves where no other mention does; one a
// comma puts apart, one in a procedure and a place do not.
TEST(SentenceBeneficiaryTest, APossessiveNamesTheBeneficiaryOnlyInThePromisesClause) {
  struct Case {
    const char* sentence;
    const char* beneficiary;
  };
  for (const Case& c : {
           Case{"The Participants will support Ukraine’s reforms.", "UA"},
           Case{"The Participants will promote the strengthening of Ukraine’s capabilities for "
                "combating disinformation, including by implementing cooperation with the NATO "
                "Strategic Communications Centre of Excellence based in Latvia.",
                "UA"},
           Case{"The Participants will implement this cooperation in accordance with their "
                "international and national obligations, as well as Latvia’s European "
                "commitments.",
                "both"},
           Case{"The Participants will implement this Agreement in accordance with their "
                "obligations arising from Latvia’s membership of the EU.",
                "both"},
           Case{"The Participants will train experts at the centre based in Latvia.", "both"},
           Case{"The Participants will train experts at the centre based in the Republic of "
                "Latvia.",
                "both"},
           // The same party named otherwise than as a place is whom the promise serves.
           Case{"The Participants will train experts for the Republic of Latvia.", "LV"},
       }) {
    SentenceAnalysis analysis = AnalyzeSentence(c.sentence, L::kEnglish, EnglishCues(),
                                                LatviaAndUkraine(L::kEnglish), true);
    EXPECT_EQ(analysis.obligors, kBoth) << c.sentence;
    EXPECT_EQ(analysis.beneficiary, c.beneficiary) << c.sentence;
  }
}

// Whom a promise serves is named before a relative clause, not in it.
TEST(SentenceBeneficiaryTest, ARelativeClauseNamesNoBeneficiary) {
  SentenceAnalysis analysis = AnalyzeSentence(
      "Latvia will maintain its support, which shall be determined through consultations between "
      "the Participants.",
      L::kEnglish, EnglishCues(), LatviaAndUkraine(L::kEnglish), true);
  EXPECT_EQ(SentenceClassName(analysis.sentence_class), "commitment");
  EXPECT_EQ(analysis.obligors, kLv);
  EXPECT_EQ(analysis.beneficiary, "UA");
}

TEST(SentenceConditionTest, HedgesAreConditionsInBothLanguages) {
  SentenceAnalysis en =
      AnalyzeSentence("Latvia, within its capabilities, will provide assistance upon request.",
                      L::kEnglish, EnglishCues(), LatviaAndUkraine(L::kEnglish), true);
  ASSERT_EQ(en.conditions.size(), 2u);
  EXPECT_EQ(en.conditions[0].kind, "capabilities");
  EXPECT_EQ(en.conditions[1].kind, "upon_request");
  SentenceAnalysis lv =
      AnalyzeSentence("Latvija savu iespēju robežās sniegs palīdzību.", L::kLatvian, LatvianCues(),
                      LatviaAndUkraine(L::kLatvian), true);
  ASSERT_EQ(lv.conditions.size(), 1u);
  EXPECT_EQ(lv.conditions[0].text, "savu iespēju robežās");
  EXPECT_EQ(lv.strength, S::kWill);
}

TEST(SentenceConditionTest, PreambleSentencesAreContextWhateverTheySay) {
  SentenceAnalysis analysis = AnalyzeSentence("Latvia will provide support.", L::kEnglish,
                                              EnglishCues(), LatviaAndUkraine(L::kEnglish), false);
  EXPECT_EQ(analysis.sentence_class, SC::kContext);
}

// An action's object reads as the promise does: a hedge set off by commas after the verb is left
// out, a list goes on past its commas, a clause opened after a comma ends it (an example list
// after "including" is not joined to the object), and one cut for length ends on a content word
// and says so.
TEST(SentenceActionTest, ObjectsAreWholePhrasesOfThePromise) {
  struct Case {
    std::string sentence;
    std::string phrase;
  };
  for (const Case& c : std::vector<Case>{
           {"Latvia will continue, as far as possible, its contributions to the European Air "
            "Traffic Management Voluntary Solidarity Fund.",
            "continue its contributions to the European Air Traffic Management Voluntary "
            "Solidarity Fund"},
           {"The Participants will support Ukraine’s economic stability, reconstruction, "
            "resilience, and reform agenda, as well as facilitate Ukraine’s EU accession.",
            "support Ukraine’s economic stability, reconstruction, resilience, and reform "
            "agenda"},
           {"Latvia will provide Ukraine with comprehensive and long-term military and "
            "non-military "
            "support, including military, reconstruction, economic, financial, and humanitarian "
            "assistance.",
            "provide Ukraine with comprehensive and long-term military and non-military support"},
           {"This will be achieved through, but not limited to, intelligence and experience "
            "sharing, as well as cooperation between agencies.",
            "achieve through intelligence and experience sharing"},
           {"The Participants will conclude technical agreements on specific areas of cooperation "
            "within the framework of the implementation of this Agreement and of the programmes "
            "that the competent authorities of the Participants may agree on from time to time "
            "among themselves.",
            "conclude technical agreements on specific areas of cooperation within the framework "
            "of the implementation of this Agreement and of the programmes that the competent "
            "authorities of the Participants may agree …"},
           {"The English text shall prevail.", "prevail"},
       }) {
    SentenceAnalysis analysis = AnalyzeSentence(c.sentence, text::Language::kEnglish,
                                                *CueTableFor(text::Language::kEnglish),
                                                LatviaAndUkraine(text::Language::kEnglish), true);
    EXPECT_EQ(analysis.action.Phrase(), c.phrase) << c.sentence;
  }
}

// A denial between the modal and its verb, or in the modal, is kept with the action; adverbs
// there are passed over to the verb; "not only" denies nothing.
TEST(SentenceActionTest, ADeniedVerbIsNegated) {
  struct Case {
    std::string sentence;
    std::string phrase;
    bool negated;
  };
  for (const Case& c : std::vector<Case>{
           {"The termination will not affect the implementation of ongoing activities.",
            "not affect the implementation of ongoing activities", true},
           {"The termination of this Agreement will not necessarily affect the implementation of "
            "ongoing projects.",
            "not affect the implementation of ongoing projects", true},
           {"The Participants may not disclose restricted information to third parties.",
            "not disclose restricted information to third parties", true},
           {"Latvia will not only support Ukraine’s reforms but also train its forces.",
            "support Ukraine’s reforms but also train its forces", false},
           {"The Participants will jointly promote the Peace Formula.", "promote the Peace Formula",
            false},
           {"Latvia will supply Ukraine with drones.", "supply Ukraine with drones", false},
           {"Ukraine will continuously and effectively maintain its ability to resist an armed "
            "attack.",
            "maintain its ability to resist an armed attack", false},
           {"Spain reaffirms its intention to fully support Ukraine’s accession.",
            "support Ukraine’s accession", false},
       }) {
    SentenceAnalysis analysis = AnalyzeSentence(c.sentence, L::kEnglish, EnglishCues(),
                                                LatviaAndUkraine(L::kEnglish), true);
    EXPECT_EQ(analysis.action.Phrase(), c.phrase) << c.sentence;
    EXPECT_EQ(analysis.action.negated, c.negated) << c.sentence;
  }
  // "cannot" says what is impossible, not what someone may do: no promise.
  EXPECT_NE(AnalyzeSentence("Any form of bilateral security commitments cannot constitute an "
                            "alternative for NATO membership.",
                            L::kEnglish, EnglishCues(), LatviaAndUkraine(L::kEnglish), true)
                .sentence_class,
            SentenceClass::kCommitment);
  // Nor does a denied Latvian auxiliary: "will not be able", "will not be given".
  for (const char* denied : {"Latvija nevarēs sniegt atbalstu.", "Atbalsts netiks sniegts."}) {
    EXPECT_NE(
        AnalyzeSentence(denied, L::kLatvian, LatvianCues(), LatviaAndUkraine(L::kLatvian), true)
            .sentence_class,
        SentenceClass::kCommitment)
        << denied;
  }
  SentenceAnalysis lv = AnalyzeSentence("Izbeigšana neietekmēs projektu īstenošanu.", L::kLatvian,
                                        LatvianCues(), LatviaAndUkraine(L::kLatvian), true);
  EXPECT_EQ(lv.action.lemma, "ietekmēt");
  EXPECT_TRUE(lv.action.negated);
}

}  // namespace
}  // namespace treaty::commitments
