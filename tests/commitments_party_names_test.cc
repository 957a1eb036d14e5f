// Who promises, read from the names of the agreement's own parties: derived from each party's full
// name, or given as short names in agreement.json, in each language.
#include <gtest/gtest.h>

#include "commitments/cue_table.h"
#include "commitments/party_names.h"
#include "commitments/sentence_analysis.h"

namespace treaty::commitments {
namespace {

using L = text::Language;
using Names = std::vector<std::string>;

TEST(ShortNames, AreThePlaceAfterAFormOfStateOrTheNameBeforeOf) {
  struct Case {
    std::string full_name;
    Names short_names;
  };
  for (const Case& c : std::vector<Case>{
           {"Kingdom of Belgium", {"Belgium"}},
           {"Republic of Latvia", {"Latvia"}},
           {"Grand Duchy of Luxembourg", {"Luxembourg"}},
           {"the Kingdom of the Netherlands", {"Netherlands"}},
           {"Federal Republic of Germany", {"Germany"}},
           {"the United Kingdom of Great Britain and Northern Ireland", {"United Kingdom", "UK"}},
           {"United States of America", {"United States", "US"}},
           {"Ukraine", {}},
           {"French Republic", {}},
           {"European Union", {}},
           // An organ of a state is not its name: the state after it is.
           {"Government of the Republic of Latvia", {"Latvia"}},
           {"Cabinet of Ministers of Ukraine", {"Ukraine"}},
       }) {
    EXPECT_EQ(ShortNamesOf(c.full_name, EnglishCues()), c.short_names) << c.full_name;
  }
}

class PartyNamesTest : public ::testing::Test {
 protected:
  // The analysis of an operative English sentence of an agreement between `parties`.
  static SentenceAnalysis Read(const std::string& sentence,
                               const std::vector<document::Party>& parties,
                               L language = L::kEnglish) {
    const CueTable& cues = *CueTableFor(language);
    return AnalyzeSentence(sentence, language, cues, NamesOfParties(parties, language, cues), true);
  }

  const std::vector<document::Party> belgium_ = {{"BE", "Kingdom of Belgium"}, {"UA", "Ukraine"}};
};

TEST_F(PartyNamesTest, AShortNameReadOffTheFullNameNamesTheObligor) {
  SentenceAnalysis a = Read(
      "In 2024, Belgium will allocate at least 977 million EUR in military support on behalf of "
      "Ukraine.",
      belgium_);
  EXPECT_EQ(a.obligors, Names{"BE"});
  EXPECT_EQ(a.beneficiary, "UA");
  EXPECT_EQ(Read("The Kingdom of Belgium will provide training.", belgium_).obligors, Names{"BE"});
}

TEST_F(PartyNamesTest, TwoNamesJoinedByAndNameBoth) {
  SentenceAnalysis a = Read("Belgium and Ukraine will implement joint projects.", belgium_);
  EXPECT_EQ(a.obligors, (Names{"BE", "UA"}));
  EXPECT_EQ(a.beneficiary, "both");
}

TEST_F(PartyNamesTest, GenericWordsNameAllParties) {
  for (const std::string sentence :
       {"The Parties will exchange information.", "Both Sides will exchange information.",
        "The Participants will exchange information."})
    EXPECT_EQ(Read(sentence, belgium_).obligors, (Names{"BE", "UA"})) << sentence;
}

TEST_F(PartyNamesTest, AStateThatIsNoPartyIsNoObligor) {
  SentenceAnalysis a = Read("Latvia will provide training.", belgium_);
  EXPECT_TRUE(a.obligors.empty());
  EXPECT_EQ(a.sentence_class, SentenceClass::kCommitment);
}

TEST_F(PartyNamesTest, ShortNamesInThePackageAreUsedInTheirLanguage) {
  document::Party france{"FR", "French Republic"};
  EXPECT_TRUE(Read("France will provide training.", {france, {"UA", "Ukraine"}}).obligors.empty())
      << "no short name can be read off \"French Republic\"";
  france.short_names[L::kEnglish] = {"France"};
  france.short_names[L::kLatvian] = {"Francija"};
  const std::vector<document::Party> parties = {france, {"UA", "Ukraine"}};
  EXPECT_EQ(Read("France will provide training.", parties).obligors, Names{"FR"});
  EXPECT_EQ(Read("The French Republic will provide training.", parties).obligors, Names{"FR"});
  EXPECT_EQ(Read("Francija sniegs apmācību.", parties, L::kLatvian).obligors, Names{"FR"});
}

TEST_F(PartyNamesTest, CodesAndInitialsNameAPartyOnlyInCapitals) {
  const std::vector<document::Party> uk = {
      {"GB", "the United Kingdom of Great Britain and Northern Ireland"}, {"UA", "Ukraine"}};
  EXPECT_EQ(Read("The UK will provide training.", uk).obligors, Names{"GB"});
  EXPECT_EQ(Read("The United Kingdom will provide training.", uk).obligors, Names{"GB"});
  const std::vector<document::Party> italy = {{"IT", "Italian Republic"}, {"UA", "Ukraine"}};
  EXPECT_EQ(Read("IT will provide training.", italy).obligors, Names{"IT"});
  EXPECT_TRUE(Read("It will provide training.", italy).obligors.empty());
}

// A party's adjective or possessive before the head of the subject names that party, not the
// party named after the verb (sentences of the corpus).
TEST_F(PartyNamesTest, AnAdjectiveOrPossessiveBeforeTheSubjectsHeadNamesItsParty) {
  struct Case {
    document::Party party;
    std::string sentence;
  };
  for (const Case& c : std::vector<Case>{
           {{"EE", "Republic of Estonia"},
            "Therefore, the Estonian Government has set the target to allocate for military "
            "support to Ukraine at least 0.25% of GDP annually from 2024 to 2027."},
           {{"LT", "Republic of Lithuania"},
            "The Lithuanian Government will seek annually to provide security and defence support "
            "to Ukraine amounting to 0,25% of its annual GDP."},
           {{"BE", "Kingdom of Belgium"},
            "At the same time, the Belgian Participant will carry on specific and specialised "
            "training (including train-the-trainers programmes) on a bilateral basis, in close "
            "coordination with EUMAM in Ukraine and the Security Assistance Group - Ukraine "
            "(SAG-U)."},
           {{"ES", "Kingdom of Spain"},
            "In 2024, Spain’s Ministry of the Interior will donate to Ukraine technological "
            "materials and means of transportation worth more than EUR 1,5 million in order to "
            "strengthen Ukraine’s operational capabilities in the fight against organised crime "
            "and human and weapons trafficking, which constitute serious threats to the security "
            "of both countries."},
           {{"SE", "Kingdom of Sweden"},
            "• In the air domain, Sweden’s transfer of ASC 890 aircraft will provide Ukraine with "
            "an airborne surveillance and command and control capability, significantly enhancing "
            "the operational effect of the Ukrainian air defence."},
           {{"FI", "Republic of Finland"},
            "With Finland’s 30 million EUR contribution to the Czech initiative of Joint "
            "Procurement of Artillery Ammunition to Ukraine, Finland’s support to Ukraine in 2024 "
            "already exceeds 400 million EUR and will increase with at least two further packages "
            "in the course of the year."},
           {{"RO", "Romania"},
            "At the same time, the Ministry of National Defence of Romania will carry on specific "
            "and specialised training on a bilateral or multilateral basis, in close coordination "
            "with the EUMAM and the Security Assistance Group – Ukraine (SAG-U)."},
       }) {
    SentenceAnalysis a = Read(c.sentence, {c.party, {"UA", "Ukraine"}});
    EXPECT_EQ(a.sentence_class, SentenceClass::kCommitment) << c.sentence;
    EXPECT_EQ(a.obligors, Names{c.party.code}) << c.sentence;
    EXPECT_EQ(a.beneficiary, "UA") << c.sentence;
  }
}

TEST_F(PartyNamesTest, UkrainesOwnSubjectStaysUkraines) {
  const std::vector<document::Party> estonia = {{"EE", "Republic of Estonia"}, {"UA", "Ukraine"}};
  SentenceAnalysis a = Read(
      "Ukraine will ensure that the Estonian military support is used exclusively for Ukraine’s "
      "self-defence and is to be used by the security and defence forces of Ukraine in accordance "
      "with international law, including international humanitarian law.",
      estonia);
  EXPECT_EQ(a.obligors, Names{"UA"});
  EXPECT_EQ(a.beneficiary, "EE");
  document::Party france{"FR", "French Republic"};
  france.short_names[L::kEnglish] = {"France"};
  SentenceAnalysis french = Read(
      "The Ukrainian Participant will continue the implementation of all the reforms required in "
      "the framework of its European Union accession process and the Ukraine Plan.",
      {france, {"UA", "Ukraine"}});
  EXPECT_EQ(french.obligors, Names{"UA"});
  EXPECT_EQ(french.beneficiary, "FR");
}

// After the verb, a party's adjective qualifies an object: it names no beneficiary.
TEST_F(PartyNamesTest, AnAdjectiveAfterTheVerbNamesNoBeneficiary) {
  SentenceAnalysis a = Read(
      "The Participants will seek to facilitate even greater scope and procedures (means) of "
      "information sharing regarding defence and security between various Ukrainian and Czech "
      "government departments and agencies.",
      {{"CZ", "Czech Republic"}, {"UA", "Ukraine"}});
  EXPECT_EQ(a.obligors, (Names{"CZ", "UA"}));
  EXPECT_EQ(a.beneficiary, "both");
}

// A clause whose own subject is no party, or another party than the statement's, promises nothing
// (sentences of the corpus).
TEST_F(PartyNamesTest, AClauseWhoseSubjectIsNoPartyIsAStatement) {
  struct Case {
    document::Party party;
    std::string sentence;
  };
  for (const Case& c : std::vector<Case>{
           {{"NO", "Kingdom of Norway"},
            "Any future Russian invasion of Ukraine would violate the UN Charter and fundamental "
            "principles of international law and would seriously undermine Euro-Atlantic "
            "security."},
           {{"SE", "Kingdom of Sweden"},
            "Any future Russian invasion would violate the UN Charter and fundamental principles "
            "of international law, and would grievously undermine Euro-Atlantic security, "
            "including that of Sweden."},
           {{"IS", "Iceland"},
            "Iceland recalls that Ukraine belongs to the Euro-Atlantic family and will become a "
            "member of NATO."},
           {{"LU", "Grand Duchy of Luxembourg"},
            "Luxembourg recalls that Ukraine belongs in the Euro-Atlantic family and will become "
            "a member of NATO."},
       }) {
    SentenceAnalysis a = Read(c.sentence, {c.party, {"UA", "Ukraine"}});
    EXPECT_EQ(a.sentence_class, SentenceClass::kStatement) << c.sentence;
    EXPECT_EQ(a.strength, Strength::kNone) << c.sentence;
    EXPECT_TRUE(a.obligors.empty()) << c.sentence;
  }
}

// A passive names who acts after its verb, or by a prepositional phrase, so it is no clause
// without a party: the bundled agreement's budget rule stays Latvia's.
TEST_F(PartyNamesTest, APassiveWithoutAPartySubjectStaysAPromise) {
  const std::vector<document::Party> latvia = {{"LV", "Republic of Latvia"}, {"UA", "Ukraine"}};
  SentenceAnalysis a = Read(
      "Any budgetary commitments on the Latvian side will be secured only with explicit approval "
      "from the Government of the Republic of Latvia and, if necessary, of the Saeima (the "
      "Latvian Parliament).",
      latvia);
  EXPECT_NE(a.sentence_class, SentenceClass::kStatement);
  EXPECT_EQ(a.obligors, Names{"LV"});
}

// An organ named with a party after a preposition is not the subject: the sentence's is.
TEST_F(PartyNamesTest, AnOrganAfterAPrepositionIsNoSubject) {
  const std::vector<document::Party> latvia = {{"LV", "Republic of Latvia"}, {"UA", "Ukraine"}};
  SentenceAnalysis a = Read(
      "Facilitating a successful implementation of Latvia’s development cooperation programmes "
      "and reconstruction projects, the Participants will execute the agreement between the "
      "Cabinet of Ministers of Ukraine and the Government of the Republic of Latvia on Technical "
      "and Financial Cooperation concluded in Riga on 11 January 2024.",
      latvia);
  EXPECT_EQ(a.obligors, (Names{"LV", "UA"}));
}

TEST_F(PartyNamesTest, TheTablesFormsOfAPartysNameKeepTheirCase) {
  const std::vector<document::Party> parties = {{"LV", "Republic of Latvia"}, {"UA", "Ukraine"}};
  SentenceAnalysis a = Read("Latvija Ukrainai sniegs atbalstu.", parties, L::kLatvian);
  EXPECT_EQ(a.obligors, Names{"LV"}) << "the dative \"Ukrainai\" is not who acts";
  EXPECT_EQ(a.beneficiary, "UA");
}

}  // namespace
}  // namespace treaty::commitments
