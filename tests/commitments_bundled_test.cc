// The commitments of the bundled agreement, as reviewed: sections 2, 4 and 6 against the expected
// records in tests/data/commitments, and the promises people look for first, one by one.
#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "commitments/agreement_commitments.h"
#include "commitments/filters.h"

namespace treaty::commitments {
namespace {

using nlohmann::json;

const std::string kPackage = std::string(TREATY_SOURCE_DIR) + "/data/agreements/lv-ua-2024";

class BundledCommitmentsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<AgreementCommitments> read = ExtractAgreementCommitments(kPackage);
    if (!read.ok()) {
      setup_error_ = read.error().ToString();
      return;
    }
    agreement_ = new AgreementCommitments(std::move(read).value());
    for (const Commitment& c : agreement_->reviewed) by_id_[c.id] = CommitmentJson(c);
  }
  static void TearDownTestSuite() { delete agreement_; }
  void SetUp() override { ASSERT_NE(agreement_, nullptr) << setup_error_; }

  static const json& Get(const std::string& id) {
    static const json kMissing;
    auto it = by_id_.find(id);
    EXPECT_NE(it, by_id_.end()) << "no commitment " << id;
    return it == by_id_.end() ? kMissing : it->second;
  }
  static json TargetOf(const json& c, const std::string& kind, size_t nth = 0) {
    for (const json& t : c["targets"])
      if (t["kind"] == kind && nth-- == 0) return t["value"];
    return nullptr;
  }
  static bool HasCondition(const json& c, const std::string& kind) {
    for (const json& condition : c["conditions"])
      if (condition["kind"] == kind) return true;
    return false;
  }
  static std::string QuoteIn(const json& c, const std::string& language) {
    for (const json& q : c["source"]["quotes"])
      if (q["language"] == language) return q["text"];
    return "";
  }

  static AgreementCommitments* agreement_;
  static std::string setup_error_;
  static std::map<std::string, json> by_id_;
};

AgreementCommitments* BundledCommitmentsTest::agreement_ = nullptr;
std::string BundledCommitmentsTest::setup_error_;
std::map<std::string, json> BundledCommitmentsTest::by_id_;

TEST_F(BundledCommitmentsTest, ReviewCoversEveryCommitmentAndStillMatchesTheTexts) {
  ASSERT_TRUE(agreement_->review.has_value());
  EXPECT_TRUE(agreement_->review->unreviewed.empty())
      << agreement_->review->unreviewed.size() << " unreviewed, first "
      << agreement_->review->unreviewed.front();
  for (const UnmatchedEntry& entry : agreement_->review->unmatched)
    ADD_FAILURE() << entry.where << ": " << entry.id << ": " << entry.reason;
}

TEST_F(BundledCommitmentsTest, SectionsTwoFourAndSixAsExpected) {
  std::ifstream in(std::string(TREATY_SOURCE_DIR) +
                   "/tests/data/commitments/expected_sections_2_4_6.jsonl");
  ASSERT_TRUE(in);
  std::string line;
  size_t expected_count = 0;
  for (int number = 1; std::getline(in, line); ++number) {
    json expected = json::parse(line);
    ++expected_count;
    const json& actual = Get(expected["id"]);
    if (actual.is_null()) continue;
    SCOPED_TRACE("expected_sections_2_4_6.jsonl:" + std::to_string(number) + " " +
                 expected["id"].get<std::string>());
    EXPECT_EQ(actual["class"], expected["class"]);
    EXPECT_EQ(actual["strength"], expected["strength"]);
    EXPECT_EQ(actual["obligors"], expected["obligors"]);
    EXPECT_EQ(actual["beneficiary"], expected["beneficiary"]);
    EXPECT_EQ(actual["area"]["category"], expected["category"]);
    json targets = json::array();
    for (const json& t : actual["targets"])
      targets.push_back({{"kind", t["kind"]}, {"value", t["value"]}});
    EXPECT_EQ(targets, expected["targets"]);
    EXPECT_EQ(actual["conditions"], expected["conditions"]) << "kinds and words in each language";
  }
  size_t listed = 0;
  for (const Commitment& c : agreement_->reviewed)
    if ((c.sentence_class == SentenceClass::kCommitment ||
         c.sentence_class == SentenceClass::kProcedure) &&
        (c.area.section == "sec_2" || c.area.section == "sec_4" || c.area.section == "sec_6"))
      ++listed;
  EXPECT_EQ(listed, expected_count) << "sections 2, 4 and 6 gained or lost commitments";
}

TEST_F(BundledCommitmentsTest, MilitarySupportOfAbout112MillionIn2024) {
  const json& c = Get("sec_2__hcontainer_1__para_2__sent_2");
  EXPECT_EQ(c["obligors"], json({"LV"}));
  EXPECT_EQ(c["area"]["category"], "military");
  EXPECT_EQ(TargetOf(c, "money"),
            json({{"amount", 112000000}, {"approx", true}, {"currency", "EUR"}}));
  EXPECT_EQ(TargetOf(c, "year"), 2024);
  EXPECT_NE(QuoteIn(c, "lv").find("aptuveni 112 miljonu eiro"), std::string::npos)
      << QuoteIn(c, "lv");
}

// Section 3 is headed "Areas of non-military support": its "Cyber security", "Countering ... (CBRN)
// risks" and "Security and intelligence cooperation" are not military, so that the 0.25% of GDP
// of military support does not count money given for them.
TEST_F(BundledCommitmentsTest, NonMilitarySupportIsNotMilitaryWhateverItsSubheadingSays) {
  for (const char* id :
       {"sec_3__hcontainer_9__para_1__sent_2", "sec_3__hcontainer_10__para_1__sent_1",
        "sec_3__hcontainer_12__para_2__sent_1", "sec_3__hcontainer_13__para_1__sent_1"}) {
    EXPECT_EQ(Get(id)["area"]["category"], "political") << id;
  }
  // "… and also by military means, prioritising … modern air defence systems": the sentence names
  // military plainly, and the denial of its section's heading spares it.
  EXPECT_EQ(Get("sec_3__hcontainer_12__para_1__sent_1")["area"]["category"], "military");
  // "military and non-military support": the first words decide, and the denial is its phrase's.
  EXPECT_EQ(Get("sec_1__para_3__sent_1")["area"]["category"], "military");
}

// lv.txt's paragraph begins on line 108; its second sentence, "2024. gadā Latvija sniegs
// Ukrainai …", on line 111.
TEST_F(BundledCommitmentsTest, QuotesCiteTheLineTheirSentenceBeginsOn) {
  const json& c = Get("sec_2__hcontainer_1__para_2__sent_2");
  size_t latvian = 0;
  for (const json& q : c["source"]["quotes"])
    if (q["language"] == "lv") {
      EXPECT_EQ(q["line"], 111);
      ++latvian;
    }
  EXPECT_EQ(latvian, 1u);
}

// "The termination will not affect the implementation of ongoing activities", "neietekmēs": both
// texts deny the verb, and agree.
TEST_F(BundledCommitmentsTest, TerminationDoesNotAffectOngoingActivities) {
  const json& c = Get("sec_6__para_8__sent_1");
  EXPECT_EQ(c["strength"], "will");
  EXPECT_EQ(c["action"]["lemma"], "affect");
  EXPECT_EQ(c["action"]["negated"], true);
  EXPECT_TRUE(
      c["action"]["object"].get<std::string>().starts_with("the implementation of ongoing"));
  const auto proposed =
      std::find_if(agreement_->proposed.begin(), agreement_->proposed.end(),
                   [](const Commitment& p) { return p.id == "sec_6__para_8__sent_1"; });
  ASSERT_NE(proposed, agreement_->proposed.end());
  EXPECT_TRUE(proposed->flags.empty()) << proposed->flags.front();
}

// The English "modern military equipment as necessary" qualifies the equipment; the Latvian
// "vajadzības gadījumā" reads as a condition, which the prevailing text does not state.
TEST_F(BundledCommitmentsTest, AConditionOnlyTheLatvianTextStatesIsFlaggedNotAttached) {
  const json& c = Get("sec_4__para_2__sent_1");
  EXPECT_FALSE(HasCondition(c, "if_necessary")) << c["conditions"].dump();
  EXPECT_TRUE(HasCondition(c, "armed_attack"));
  EXPECT_NE(std::find(c["flags"].begin(), c["flags"].end(),
                      "conditions: the lv text has if_necessary \"vajadzības gadījumā\", the "
                      "prevailing text does not"),
            c["flags"].end())
      << c["flags"].dump();
}

TEST_F(BundledCommitmentsTest, QuarterPercentOfGdpEachYearGivenCapabilities) {
  const json& c = Get("sec_2__hcontainer_1__para_2__sent_1");
  EXPECT_EQ(c["obligors"], json({"LV"}));
  EXPECT_EQ(c["area"]["category"], "military");
  EXPECT_EQ(TargetOf(c, "percent"), json({{"of", "GDP"}, {"value", 0.25}}));
  EXPECT_EQ(TargetOf(c, "years"), json({2024, 2025, 2026}));
  EXPECT_EQ(TargetOf(c, "recurrence"), "P1Y");
  ASSERT_TRUE(HasCondition(c, "capabilities"));
  EXPECT_EQ(c["conditions"][0]["text"]["en"], "provided the capabilities and resources available");
}

TEST_F(BundledCommitmentsTest, MillionDronesWithTheUnitedKingdom) {
  const json& c = Get("sec_2__hcontainer_1__para_3__sent_2");
  EXPECT_EQ(c["obligors"], json({"LV"}));
  EXPECT_EQ(TargetOf(c, "count"), json({{"unit", "drone"}, {"value", 1000000}}));
  EXPECT_EQ(TargetOf(c, "year"), 2024);
  EXPECT_NE(QuoteIn(c, "en").find("together with the United Kingdom"), std::string::npos);
}

TEST_F(BundledCommitmentsTest, NatoCapTotalIsAStatementAndTheAnnualContributionsAPromise) {
  const json& total = Get("sec_2__hcontainer_1__para_5__sent_2__part_1");
  const json& annual = Get("sec_2__hcontainer_1__para_5__sent_2__part_2");
  EXPECT_EQ(TargetOf(total, "money"), json({{"amount", 3300000}, {"currency", "EUR"}}));
  EXPECT_EQ(TargetOf(annual, "money"), json({{"amount", 2000000}, {"currency", "EUR"}}));
  EXPECT_EQ(TargetOf(annual, "years"), json({2024, 2025}));
  EXPECT_EQ(TargetOf(annual, "recurrence"), "P1Y");
  EXPECT_EQ(annual["strength"], "endeavours");
  EXPECT_EQ(annual["class"], "commitment");
  // "Total contributions … amount to EUR 3.3 million": what has been contributed, not a promise.
  EXPECT_EQ(total["class"], "statement");
  EXPECT_EQ(total["review"], "split");
}

TEST_F(BundledCommitmentsTest, FifteenMillionForReconstructionInChernihiv) {
  const json& money = Get("sec_3__hcontainer_16__para_2__sent_2");
  EXPECT_EQ(money["obligors"], json({"LV"}));
  EXPECT_EQ(money["area"]["category"], "reconstruction");
  EXPECT_EQ(TargetOf(money, "money"), json({{"amount", 15000000}, {"currency", "EUR"}}));
  EXPECT_EQ(TargetOf(money, "period")["from"], "2024");
  EXPECT_EQ(TargetOf(money, "period")["to"], "2026");
  EXPECT_NE(QuoteIn(Get("sec_3__hcontainer_16__para_2__sent_1"), "en").find("Chernihiv region"),
            std::string::npos);
}

TEST_F(BundledCommitmentsTest, ConsultationsWithin24HoursOfARequest) {
  const json& c = Get("sec_4__para_1__sent_1");
  EXPECT_EQ(c["class"], "procedure");
  EXPECT_EQ(c["obligors"], json({"LV", "UA"}));
  EXPECT_EQ(TargetOf(c, "duration"), json({{"bound", "within"}, {"value", "PT24H"}}));
  EXPECT_TRUE(HasCondition(c, "upon_request"));
  EXPECT_TRUE(HasCondition(c, "armed_attack"));
  EXPECT_EQ(c["action"]["lemma"], "consult");
}

TEST_F(BundledCommitmentsTest, AnnualStrategicDialogue) {
  const json& c = Get("sec_2__para_6__sent_1");
  EXPECT_EQ(c["class"], "procedure");
  EXPECT_EQ(c["obligors"], json({"LV", "UA"}));
  EXPECT_EQ(TargetOf(c, "recurrence"), "P1Y");
  EXPECT_EQ(c["action"]["lemma"], "hold");
}

TEST_F(BundledCommitmentsTest, ExtensionInWritingNoLaterThanSixMonthsBeforeExpiry) {
  const json& c = Get("sec_6__para_2__sent_2");
  EXPECT_EQ(TargetOf(c, "duration"), json({{"bound", "no_later_than"}, {"value", "P6M"}}));
  EXPECT_TRUE(HasCondition(c, "in_writing"));
  EXPECT_EQ(TargetOf(Get("sec_6__para_2__sent_1"), "duration"), json({{"value", "P10Y"}}));
}

TEST_F(BundledCommitmentsTest, TerminationOnAtLeastSixMonthsWrittenNotice) {
  const json& c = Get("sec_6__para_7__sent_1");
  EXPECT_EQ(TargetOf(c, "duration"), json({{"bound", "at_least"}, {"value", "P6M"}}));
  EXPECT_TRUE(HasCondition(c, "in_writing"));
  EXPECT_EQ(c["strength"], "may");
}

TEST_F(BundledCommitmentsTest, BudgetCommitmentsNeedTheGovernmentAndWhereNeededTheSaeima) {
  const json& c = Get("sec_1__para_5__sent_2");
  EXPECT_EQ(c["obligors"], json({"LV"}));
  EXPECT_TRUE(HasCondition(c, "government_approval"));
  EXPECT_TRUE(HasCondition(c, "parliament_approval"));
  EXPECT_TRUE(HasCondition(c, "if_necessary"));
}

TEST_F(BundledCommitmentsTest, StatementsAreNotCommitments) {
  EXPECT_EQ(Get("sec_2__para_1__sent_1")["class"], "statement");  // are aware, consider
  EXPECT_EQ(Get("sec_3__hcontainer_18__para_4__sent_1")["class"], "statement");  // underline
  EXPECT_EQ(Get("preamble__para_1__sent_1")["class"], "context");
}

TEST_F(BundledCommitmentsTest, EveryCommitmentQuotesBothLanguages) {
  for (const Commitment& c : agreement_->reviewed) {
    if (c.sentence_class != SentenceClass::kCommitment) continue;
    std::set<std::string> languages;
    for (const Quote& q : c.source.quotes) languages.insert(q.language);
    EXPECT_EQ(languages, (std::set<std::string>{"en", "lv"})) << c.id;
    EXPECT_EQ(c.source.quotes.front().language, "en") << c.id << ": English prevails";
  }
}

// The sections (eIds sec_N) whose commitments --area keeps.
std::set<std::string> SectionsInArea(const std::vector<Commitment>& all, std::string_view area) {
  std::set<std::string> sections;
  for (const Commitment& c : all) {
    if (c.sentence_class == SentenceClass::kCommitment && InArea(c, area)) {
      sections.insert(c.area.section);
    }
  }
  return sections;
}

TEST_F(BundledCommitmentsTest, AnAreaIsFoundByTheWordsOfItsHeadingsInEitherLanguage) {
  const std::vector<Commitment>& all = agreement_->reviewed;
  // Section 2 is "Areas of military support …", section 3 "Areas of non-military support".
  EXPECT_EQ(SectionsInArea(all, "military"), (std::set<std::string>{"sec_2"}));
  EXPECT_EQ(SectionsInArea(all, "Militārā"), (std::set<std::string>{"sec_2"}));
  EXPECT_EQ(SectionsInArea(all, "militara"), (std::set<std::string>{"sec_2"}));
  EXPECT_EQ(SectionsInArea(all, "non-military"), (std::set<std::string>{"sec_3"}));
  EXPECT_EQ(SectionsInArea(all, "NEMILITĀRĀ"), (std::set<std::string>{"sec_3"}));
  EXPECT_EQ(SectionsInArea(all, "3"), (std::set<std::string>{"sec_3"}));
  EXPECT_TRUE(SectionsInArea(all, "hcontainer_1").empty()) << "an eId segment is no section";
  EXPECT_TRUE(SectionsInArea(all, "para_6").empty());
  EXPECT_TRUE(SectionsInArea(all, "ilitary").empty()) << "words are matched from their start";
  const auto in_area = [&](const std::string& id, std::string_view area) {
    const auto c =
        std::find_if(all.begin(), all.end(), [&](const Commitment& x) { return x.id == id; });
    return c != all.end() && InArea(*c, area);
  };
  EXPECT_TRUE(in_area("sec_2__hcontainer_2__para_1__sent_1", "military training"));
  EXPECT_FALSE(in_area("sec_2__hcontainer_1__para_1__sent_1", "military training"));

  // A quote, a dash or a no-break space before a word starts it; a letter does not.
  Commitment quoted;
  quoted.area.headings_by_language["en"] = {"“Drone Coalition” support — air\u00a0defence"};
  EXPECT_TRUE(InArea(quoted, "drone coalition"));
  EXPECT_TRUE(InArea(quoted, "air"));
  EXPECT_TRUE(InArea(quoted, "defence"));
  EXPECT_FALSE(InArea(quoted, "oalition"));

  // A section numbered in roman numerals (PART II) is found by its number as typed.
  Commitment in_part;
  in_part.area.section = "part_II";
  for (const char* typed : {"2", "II", "ii", "Part II", "part_II", "section 2"}) {
    EXPECT_TRUE(InArea(in_part, typed)) << typed;
  }
  // Only a division's word may come before the number: not another eId's or a heading's.
  for (const char* typed : {"3", "I", "iii", "22", "hcontainer_2", "para_2", "Annex II"}) {
    EXPECT_FALSE(InArea(in_part, typed)) << typed;
  }
  // A number in capitals names a section and nothing else: "I" is not the start of "INTRODUCTION".
  Commitment introduced;
  introduced.area.section = "part_III";
  introduced.area.headings_by_language["en"] = {"INTRODUCTION", "III. Integration"};
  EXPECT_FALSE(InArea(introduced, "I"));
  EXPECT_TRUE(InArea(introduced, "III"));
  EXPECT_TRUE(InArea(introduced, "introduction"));
  // Typed in lower case, a numeral may also be the start of a heading's word.
  Commitment victims;
  victims.area.section = "part_II";
  victims.area.headings_by_language["en"] = {"Victims of the war"};
  EXPECT_TRUE(InArea(victims, "vi"));
  EXPECT_FALSE(InArea(victims, "VI"));
}

}  // namespace
}  // namespace treaty::commitments
