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

TEST_F(PartyNamesTest, TheTablesFormsOfAPartysNameKeepTheirCase) {
  const std::vector<document::Party> parties = {{"LV", "Republic of Latvia"}, {"UA", "Ukraine"}};
  SentenceAnalysis a = Read("Latvija Ukrainai sniegs atbalstu.", parties, L::kLatvian);
  EXPECT_EQ(a.obligors, Names{"LV"}) << "the dative \"Ukrainai\" is not who acts";
  EXPECT_EQ(a.beneficiary, "UA");
}

}  // namespace
}  // namespace treaty::commitments
