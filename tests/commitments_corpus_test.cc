// Commitments of other agreements, each made a package of its own from a text of the corpus in
// tests/data/corpus: who promises is read from the package's parties, not from the bundled
// agreement's.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "commitments/agreement_commitments.h"
#include "temp_folder_test_base.h"

namespace treaty::commitments {
namespace {

using nlohmann::json;
using Names = std::vector<std::string>;

const std::string kCorpus = std::string(TREATY_SOURCE_DIR) + "/tests/data/corpus/";

class CorpusCommitmentsTest : public test::TempFolderTest {
 protected:
  // The proposed commitments of the corpus text `file` (English, laid out as `layout`), as a
  // package whose other party is `party` (an agreement.json party) and Ukraine.
  std::vector<Commitment> Extract(const std::string& file, const json& party,
                                  const std::string& layout = "paragraph-per-line") {
    std::filesystem::copy_file(kCorpus + file, folder_ / "en.txt");
    const json metadata = {{"id", "corpus"},
                           {"title", "Agreement on Security Cooperation and Long-Term Support"},
                           {"parties", {party, {{"code", "UA"}, {"name", "Ukraine"}}}},
                           {"signed", {{"date", "2024-05-28"}, {"place", "Brussels"}}},
                           {"entry_into_force", {{"rule", "on signature"}}},
                           {"authentic_languages", {"en", "uk"}},
                           {"prevailing_language", "en"},
                           {"texts",
                            {{{"language", "en"},
                              {"file", "en.txt"},
                              {"layout", layout},
                              {"source", "tests/data/corpus/" + file}}}}};
    std::ofstream(folder_ / "agreement.json") << metadata.dump(2);
    Result<AgreementCommitments> read = ExtractAgreementCommitments(folder_.string());
    EXPECT_TRUE(read.ok()) << read.error().ToString();
    return read.ok() ? read.value().proposed : std::vector<Commitment>{};
  }

  // The record whose prevailing quote holds `words`; nullptr, failing the test, when none does.
  static const Commitment* Quoting(const std::vector<Commitment>& all, const std::string& words) {
    for (const Commitment& c : all)
      if (c.source.quotes.front().text.find(words) != std::string::npos) return &c;
    ADD_FAILURE() << "no sentence holds \"" << words << "\"";
    return nullptr;
  }
};

TEST_F(CorpusCommitmentsTest, BelgiumPledgesItsMoneyToUkraine) {
  const std::vector<Commitment> all = Extract("belgium-ukraine-2024-05-28.en.txt",
                                              {{"code", "BE"}, {"name", "Kingdom of Belgium"}});
  const Commitment* c = Quoting(all, "Belgium will allocate at least 977 million EUR");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->sentence_class, SentenceClass::kCommitment);
  EXPECT_EQ(c->strength, Strength::kWill);
  EXPECT_EQ(c->obligors, Names{"BE"});
  EXPECT_EQ(c->beneficiary, "UA");
}

// "1.072 million euro … of which 898 million" groups thousands with '.': the figure read, 1.072
// million, is flagged for the reviewer.
TEST_F(CorpusCommitmentsTest, AFigureWhoseDotMayGroupThousandsIsFlagged) {
  const std::vector<Commitment> all = Extract("belgium-ukraine-2024-05-28.en.txt",
                                              {{"code", "BE"}, {"name", "Kingdom of Belgium"}});
  const Commitment* c = Quoting(all, "1.072 million euro");
  ASSERT_NE(c, nullptr);
  ASSERT_EQ(c->flags.size(), 1u);
  EXPECT_TRUE(c->flags[0].starts_with("targets: \"1.072 million euro\" is read with '.'"))
      << c->flags[0];
  // Only that figure: the text's other amounts have no such separator.
  size_t flagged = 0;
  for (const Commitment& other : all) {
    for (const std::string& flag : other.flags)
      flagged += flag.find("1,000 times") != std::string::npos ? 1 : 0;
  }
  EXPECT_EQ(flagged, 1u);
}

// A text divided into Parts has them as its sections, for the area filter; a possessive that
// begins the subject names who promises.
TEST_F(CorpusCommitmentsTest, BelgiumsPartsAreItsSectionsAndItsPossessiveNamesTheObligor) {
  const std::vector<Commitment> all = Extract("belgium-ukraine-2024-05-28.en.txt",
                                              {{"code", "BE"}, {"name", "Kingdom of Belgium"}});
  const Commitment* c =
      Quoting(all, "Belgium’s commitment to support the reconstruction of Ukraine will continue");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->area.section, "part_II");
  EXPECT_EQ(c->obligors, Names{"BE"});
}

// "either Belgium or Ukraine" names both parties, as "either Participant" does.
TEST_F(CorpusCommitmentsTest, EitherBelgiumOrUkraineMayTerminate) {
  const std::vector<Commitment> all = Extract("belgium-ukraine-2024-05-28.en.txt",
                                              {{"code", "BE"}, {"name", "Kingdom of Belgium"}});
  const Commitment* c =
      Quoting(all, "This Agreement may be terminated by either Belgium or Ukraine");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->obligors, (Names{"BE", "UA"}));
  EXPECT_EQ(c->beneficiary, "both");
}

// A statement verb whose that-clause promises, with "it" for its subject, is Belgium's promise.
TEST_F(CorpusCommitmentsTest, BelgiumAffirmsThatItWillProvideAssistance) {
  const std::vector<Commitment> all = Extract("belgium-ukraine-2024-05-28.en.txt",
                                              {{"code", "BE"}, {"name", "Kingdom of Belgium"}});
  const Commitment* c = Quoting(all, "Belgium affirms that in those circumstances");
  ASSERT_NE(c, nullptr);
  EXPECT_NE(c->sentence_class, SentenceClass::kStatement);
  EXPECT_EQ(c->strength, Strength::kWill);
  EXPECT_EQ(c->obligors, Names{"BE"});
  EXPECT_EQ(c->beneficiary, "UA");
  EXPECT_EQ(c->action.lemma, "provide");
}

// "will not necessarily affect": the verb past the adverb, denied.
TEST_F(CorpusCommitmentsTest, SpainsTerminationWillNotNecessarilyAffectOngoingProjects) {
  const std::vector<Commitment> all =
      Extract("spain-ukraine-2024-05-27.en.txt", {{"code", "ES"}, {"name", "Kingdom of Spain"}});
  const Commitment* c = Quoting(all, "will not necessarily affect the implementation");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->action.lemma, "affect");
  EXPECT_TRUE(c->action.negated);
  const Commitment* welcomes = Quoting(all, "Spain welcomes and will continue to support");
  ASSERT_NE(welcomes, nullptr);
  EXPECT_EQ(welcomes->sentence_class, SentenceClass::kCommitment);
  EXPECT_EQ(welcomes->obligors, Names{"ES"});
}

TEST_F(CorpusCommitmentsTest, NorwaysHeadlinePledgeIsNorways) {
  const std::vector<Commitment> all =
      Extract("norway-ukraine-2024-05-31.en.txt", {{"code", "NO"}, {"name", "Kingdom of Norway"}},
              "pdf-text-layer");
  const Commitment* c = Quoting(all, "Norway’s military support will amount to at least NOK 13.5");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->obligors, Names{"NO"});
  EXPECT_EQ(c->beneficiary, "UA");
}

TEST_F(CorpusCommitmentsTest, SpainPledgesItsMoneyToUkraine) {
  const std::vector<Commitment> all =
      Extract("spain-ukraine-2024-05-27.en.txt", {{"code", "ES"}, {"name", "Kingdom of Spain"}});
  const Commitment* c = Quoting(all, "Spain will provide 1 billion euro in military support");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->obligors, Names{"ES"});
  EXPECT_EQ(c->beneficiary, "UA");
}

TEST_F(CorpusCommitmentsTest, ShortNamesOfAgreementJsonNameTheObligor) {
  const std::vector<Commitment> all = Extract(
      "portugal-ukraine-2024-05-28.en.txt",
      {{"code", "PT"}, {"name", "Portuguese Republic"}, {"short_names", {{"en", {"Portugal"}}}}});
  const Commitment* c = Quoting(all, "Portugal has committed to provide Ukraine with at least 126");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->strength, Strength::kCommits);
  EXPECT_EQ(c->obligors, Names{"PT"});
  EXPECT_EQ(c->beneficiary, "UA");
}

TEST_F(CorpusCommitmentsTest, IcelandHasCommittedToAnAnnualMinimum) {
  const std::vector<Commitment> all =
      Extract("iceland-ukraine-2024-05-31.en.txt", {{"code", "IS"}, {"name", "Iceland"}});
  const Commitment* c = Quoting(all, "Iceland has committed to a minimum of 4 billion ISK");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->sentence_class, SentenceClass::kCommitment);
  EXPECT_EQ(c->strength, Strength::kCommits);
  EXPECT_EQ(c->obligors, Names{"IS"});
}

TEST_F(CorpusCommitmentsTest, TheMonthOfMayIsNoModalVerb) {
  const std::vector<Commitment> all =
      Extract("norway-ukraine-2024-05-31.en.txt", {{"code", "NO"}, {"name", "Kingdom of Norway"}});
  for (const std::string words : {"as of May 2024) provided following", "on 31 May 2024"}) {
    const Commitment* c = Quoting(all, words);
    ASSERT_NE(c, nullptr);
    EXPECT_NE(c->strength, Strength::kMay) << c->source.quotes.front().text;
  }
}

// "the Estonian Government" is Estonia: its target is not Ukraine's, who is named after the verb.
TEST_F(CorpusCommitmentsTest, TheEstonianGovernmentsTargetIsEstonias) {
  const std::vector<Commitment> all = Extract("estonia-ukraine-2024-06-27.en.txt",
                                              {{"code", "EE"}, {"name", "Republic of Estonia"}});
  const Commitment* c = Quoting(all, "the Estonian Government has set the target to allocate");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->sentence_class, SentenceClass::kCommitment);
  EXPECT_EQ(c->strength, Strength::kEndeavours);
  EXPECT_EQ(c->obligors, Names{"EE"});
  EXPECT_EQ(c->beneficiary, "UA");
}

// What a future invasion would do is no one's promise.
TEST_F(CorpusCommitmentsTest, AFutureInvasionPromisesNothing) {
  const std::vector<Commitment> all =
      Extract("norway-ukraine-2024-05-31.en.txt", {{"code", "NO"}, {"name", "Kingdom of Norway"}},
              "pdf-text-layer");
  const Commitment* c = Quoting(all, "Any future Russian invasion of Ukraine would violate");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->sentence_class, SentenceClass::kStatement);
  EXPECT_TRUE(c->obligors.empty());
}

// Slovenia's main pledge, whose level "shall be determined … through consultations", is Slovenia's
// promise to Ukraine, not a procedure of Ukraine's; the agreement's taking effect is a procedure.
TEST_F(CorpusCommitmentsTest, SloveniasPledgeIsSloveniasAndTakingEffectAProcedure) {
  const std::vector<Commitment> all = Extract("slovenia-ukraine-2024-07-18.en.txt",
                                              {{"code", "SI"}, {"name", "Republic of Slovenia"}});
  const Commitment* c = Quoting(all, "intends to maintain the same level of military support");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->sentence_class, SentenceClass::kCommitment);
  EXPECT_EQ(c->strength, Strength::kEndeavours);
  EXPECT_EQ(c->obligors, Names{"SI"});
  EXPECT_EQ(c->beneficiary, "UA");
  const Commitment* effect = Quoting(all, "This Agreement will come into effect on the date");
  ASSERT_NE(effect, nullptr);
  EXPECT_EQ(effect->sentence_class, SentenceClass::kProcedure);
  EXPECT_EQ(effect->area.category, Category::kProcedural);
}

// "For its part, Ukraine commits to:" stands before the EU text's first heading, in its preamble;
// the three bullets after it are Ukraine's commitments, each read with those words.
TEST_F(CorpusCommitmentsTest, TheItemsOfALeadInArePromisesOfItsParty) {
  const std::vector<Commitment> all =
      Extract("eu-ukraine-2024-06-27.en.txt", {{"code", "EU"}, {"name", "European Union"}});
  for (const std::string words : {"• Continue undertaking reforms", "• Strengthen transparency",
                                  "• Contribute positively to the security"}) {
    const Commitment* c = Quoting(all, words);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->sentence_class, SentenceClass::kCommitment) << words;
    EXPECT_EQ(c->strength, Strength::kCommits) << words;
    EXPECT_EQ(c->obligors, Names{"UA"}) << words;
  }
  // The preamble's other sentences stay context, the lead-in among them.
  const Commitment* lead_in = Quoting(all, "For its part, Ukraine commits to:");
  ASSERT_NE(lead_in, nullptr);
  EXPECT_EQ(lead_in->sentence_class, SentenceClass::kContext);
}

// A lettered list under "Norway is committed to supporting Ukraine in numerous areas, including,
// but not limited to:" is Norway's.
TEST_F(CorpusCommitmentsTest, ALetteredListIsThePromiseOfItsLeadIn) {
  const std::vector<Commitment> norway =
      Extract("norway-ukraine-2024-05-31.en.txt", {{"code", "NO"}, {"name", "Kingdom of Norway"}},
              "pdf-text-layer");
  const Commitment* item = Quoting(norway, "Budget support provided through established");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->sentence_class, SentenceClass::kCommitment);
  EXPECT_EQ(item->obligors, Names{"NO"});
  EXPECT_EQ(item->beneficiary, "UA");
}

TEST_F(CorpusCommitmentsTest, MillionsAbbreviatedEndNoSentence) {
  const std::vector<Commitment> all =
      Extract("czechia-ukraine-2024-07-18.en.txt", {{"code", "CZ"}, {"name", "Czech Republic"}});
  const Commitment* c = Quoting(all, "military assistance worth around 400 mil.");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->source.quotes.front().text.ends_with("400 mil. EUR.")) << c->source.quotes[0].text;
}

}  // namespace
}  // namespace treaty::commitments
