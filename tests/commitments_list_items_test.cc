// A list's items read with their lead-in (list_items.h), on a text written to try the rules:
// tests/data/commitments/list-items.en.txt.
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "commitments/agreement_commitments.h"
#include "temp_folder_test_base.h"

namespace treaty::commitments {
namespace {

using Names = std::vector<std::string>;

class ListItemsTest : public test::TempFolderTest {
 protected:
  // The proposed records of the text, by sentence eId.
  std::map<std::string, Commitment> Extract() {
    std::filesystem::copy_file(
        std::string(TREATY_SOURCE_DIR) + "/tests/data/commitments/list-items.en.txt",
        folder_ / "en.txt");
    const nlohmann::json metadata = {
        {"id", "lv-ua-lists"},
        {"title", "Agreement on Long-Term Support"},
        {"parties", {{{"code", "LV"}, {"name", "Latvia"}}, {{"code", "UA"}, {"name", "Ukraine"}}}},
        {"signed", {{"date", "2024-04-11"}, {"place", "Vilnius"}}},
        {"entry_into_force", {{"rule", "on signature"}}},
        {"authentic_languages", {"en"}},
        {"prevailing_language", "en"},
        {"texts",
         {{{"language", "en"},
           {"file", "en.txt"},
           {"layout", "paragraph-per-line"},
           {"source", "written for a test"}}}}};
    std::ofstream(folder_ / "agreement.json") << metadata.dump(2);
    Result<AgreementCommitments> read = ExtractAgreementCommitments(folder_.string());
    EXPECT_TRUE(read.ok()) << read.error().ToString();
    std::map<std::string, Commitment> by_id;
    if (read.ok()) {
      for (const Commitment& c : read.value().proposed) by_id.emplace(c.id, c);
    }
    return by_id;
  }
};

TEST_F(ListItemsTest, AnItemPromisesWhatItsLeadInDoesAndCitesIt) {
  const std::map<std::string, Commitment> all = Extract();
  const Commitment& item = all.at("sec_I__para_1__point_1__sent_1");
  EXPECT_EQ(item.sentence_class, SentenceClass::kCommitment);
  EXPECT_EQ(item.strength, Strength::kWill);
  EXPECT_EQ(item.obligors, Names{"LV"});
  EXPECT_EQ(item.beneficiary, "UA");
  ASSERT_EQ(item.flags.size(), 1u);
  EXPECT_EQ(item.flags[0],
            "list: read with its lead-in, sec_I__para_1__sent_1: \"Latvia will provide Ukraine "
            "with:\"");
  // An item with a promise of its own and no party to make it: the lead-in's party makes it.
  const Commitment& own = all.at("sec_I__para_1__point_3__sent_1");
  EXPECT_EQ(own.strength, Strength::kMay);
  EXPECT_EQ(own.obligors, Names{"LV"});
}

TEST_F(ListItemsTest, AnItemWithAPartyActingInItIsItsOwn) {
  const std::map<std::string, Commitment> all = Extract();
  const Commitment& past = all.at("sec_I__para_1__point_2__sent_1");  // "Latvia provided"
  EXPECT_EQ(past.sentence_class, SentenceClass::kContext);
  EXPECT_TRUE(past.flags.empty());
}

TEST_F(ListItemsTest, AnotherKindOfBulletOrAParagraphEndsTheList) {
  const std::map<std::string, Commitment> all = Extract();
  for (const char* id : {"sec_I__para_1__point_4__sent_1", "sec_I__para_1__point_5__sent_1",
                         "sec_I__para_2__point_1__sent_1", "sec_II__para_1__point_1__sent_1"}) {
    EXPECT_EQ(all.at(id).sentence_class, SentenceClass::kContext) << id;
  }
}

TEST_F(ListItemsTest, OnlyAFirmLeadInOfThePreambleHasItems) {
  const std::map<std::string, Commitment> all = Extract();
  EXPECT_EQ(all.at("preamble__para_3__sent_1").sentence_class, SentenceClass::kContext);
  for (const char* id : {"preamble__para_5__sent_1", "preamble__para_6__sent_1"}) {
    const Commitment& item = all.at(id);
    EXPECT_EQ(item.sentence_class, SentenceClass::kCommitment) << id;
    EXPECT_EQ(item.strength, Strength::kCommits) << id;
    EXPECT_EQ(item.obligors, Names{"UA"}) << id;
  }
  // The lead-in itself stays what the preamble's sentences are.
  EXPECT_EQ(all.at("preamble__para_4__sent_1").sentence_class, SentenceClass::kContext);
}

}  // namespace
}  // namespace treaty::commitments
