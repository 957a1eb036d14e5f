// Review files: what a reviewer's decisions do to the proposed commitments, and how bad or stale
// review lines are reported (file and line, nothing applied).
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "commitments/agreement_commitments.h"
#include "commitments/review.h"
#include "temp_folder_test_base.h"

namespace treaty::commitments {
namespace {

const std::string kPackage = std::string(TREATY_SOURCE_DIR) + "/data/agreements/lv-ua-2024";
constexpr char kDrones[] = "sec_2__hcontainer_1__para_3__sent_2";
constexpr char kDialogue[] = "sec_2__para_6__sent_1";

class CommitmentReviewTest : public test::TempFolderTest {
 protected:
  static void SetUpTestSuite() {
    // An empty review file: the proposals as extraction gives them.
    Result<AgreementCommitments> read =
        ExtractAgreementCommitments(kPackage, "", ReviewMode::kSkip);
    if (read.ok()) proposed_ = new std::vector<Commitment>(read.value().proposed);
  }
  static void TearDownTestSuite() { delete proposed_; }
  void SetUp() override {
    ASSERT_NE(proposed_, nullptr) << "the bundled agreement does not extract";
    test::TempFolderTest::SetUp();
  }

  std::string WriteReview(const std::string& lines) {
    std::string path = (folder_ / "review.jsonl").string();
    std::ofstream(path) << lines;
    return path;
  }
  Result<ReviewOutcome> Apply(const std::string& lines) {
    Result<std::vector<ReviewEntry>> entries = ReadReviewFile(WriteReview(lines));
    if (!entries.ok()) return entries.error();
    return ApplyReview(*proposed_, entries.value());
  }
  static const Commitment* Find(const ReviewOutcome& outcome, const std::string& id) {
    for (const Commitment& c : outcome.reviewed)
      if (c.id == id) return &c;
    return nullptr;
  }

  static std::vector<Commitment>* proposed_;
};

std::vector<Commitment>* CommitmentReviewTest::proposed_ = nullptr;

TEST_F(CommitmentReviewTest, CorrectionChangesTheFieldAndSaysSo) {
  Result<ReviewOutcome> outcome = Apply(
      R"({"id": "sec_2__hcontainer_1__para_3__sent_2", "decision": "correct", "field": "obligors", "from": ["LV"], "to": ["LV", "UA"], "note": "joint"})"
      "\n");
  ASSERT_TRUE(outcome.ok()) << outcome.error().ToString();
  const Commitment* c = Find(outcome.value(), kDrones);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->obligors, (std::vector<std::string>{"LV", "UA"}));
  EXPECT_EQ(c->review, "corrected");
  EXPECT_EQ(c->review_notes, std::vector<std::string>{"joint"});
  ASSERT_EQ(outcome.value().changes.size(), 1u);
  EXPECT_EQ(outcome.value().changes[0].description, R"(obligors: ["LV"] → ["LV","UA"])");
}

TEST_F(CommitmentReviewTest, CategoryIsCorrectedInTheArea) {
  Result<ReviewOutcome> outcome = Apply(
      std::string(R"({"id": ")") + kDialogue +
      R"(", "decision": "correct", "field": "category", "from": "procedural", "to": "military"})" +
      "\n");
  ASSERT_TRUE(outcome.ok()) << outcome.error().ToString();
  EXPECT_TRUE(outcome.value().unmatched.empty());
  EXPECT_EQ(Find(outcome.value(), kDialogue)->area.category, Category::kMilitary);
}

TEST_F(CommitmentReviewTest, UnreviewedCommitmentsAreListed) {
  Result<ReviewOutcome> outcome =
      Apply(std::string(R"({"id": ")") + kDrones + R"(", "decision": "accept"})" + "\n");
  ASSERT_TRUE(outcome.ok());
  const std::vector<std::string>& unreviewed = outcome.value().unreviewed;
  EXPECT_EQ(std::count(unreviewed.begin(), unreviewed.end(), kDrones), 0);
  EXPECT_EQ(std::count(unreviewed.begin(), unreviewed.end(), kDialogue), 1);
  EXPECT_EQ(Find(outcome.value(), kDrones)->review, "accepted");
}

TEST_F(CommitmentReviewTest, SplitReplacesTheRecordWithNumberedParts) {
  Result<ReviewOutcome> outcome = Apply(
      std::string(R"({"id": ")") + kDialogue +
      R"(", "decision": "split", "parts": [{"strength": "commits"}, {"strength": "may", "note": "b"}]})" +
      "\n");
  ASSERT_TRUE(outcome.ok()) << outcome.error().ToString();
  EXPECT_EQ(Find(outcome.value(), kDialogue), nullptr);
  const Commitment* second = Find(outcome.value(), std::string(kDialogue) + "__part_2");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->strength, Strength::kMay);
  EXPECT_EQ(second->source.quotes.size(), 2u) << "parts keep the quotes";
}

TEST_F(CommitmentReviewTest, MergeMovesQuotesAndTargetsIntoTheOther) {
  Result<ReviewOutcome> outcome =
      Apply(std::string(R"({"id": ")") + kDrones + R"(", "decision": "merge", "into": ")" +
            kDialogue + R"("})" + "\n");
  ASSERT_TRUE(outcome.ok()) << outcome.error().ToString();
  EXPECT_EQ(Find(outcome.value(), kDrones), nullptr);
  const Commitment* into = Find(outcome.value(), kDialogue);
  ASSERT_NE(into, nullptr);
  EXPECT_EQ(into->source.quotes.size(), 4u);
  EXPECT_EQ(into->review, "merged");
}

TEST_F(CommitmentReviewTest, RejectRemovesTheRecord) {
  Result<ReviewOutcome> outcome =
      Apply(std::string(R"({"id": ")") + kDrones +
            R"(", "decision": "reject", "note": "not a promise"})" + "\n");
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(Find(outcome.value(), kDrones), nullptr);
  EXPECT_EQ(outcome.value().reviewed.size() + 1, proposed_->size());
}

TEST_F(CommitmentReviewTest, UnknownIdsAndStaleCorrectionsNoLongerMatch) {
  Result<ReviewOutcome> outcome = Apply(
      R"({"id": "sec_9__para_1__sent_1", "decision": "accept"})"
      "\n"
      R"({"id": "sec_2__para_6__sent_1", "decision": "correct", "field": "strength", "from": "may", "to": "commits"})"
      "\n");
  ASSERT_TRUE(outcome.ok());
  const std::vector<UnmatchedEntry>& unmatched = outcome.value().unmatched;
  ASSERT_EQ(unmatched.size(), 2u);
  EXPECT_TRUE(unmatched[0].where.ends_with("review.jsonl:1"));
  EXPECT_EQ(unmatched[0].reason, "no sentence has this id");
  EXPECT_TRUE(unmatched[1].where.ends_with("review.jsonl:2"));
  EXPECT_EQ(unmatched[1].reason, R"(strength was "may" when reviewed and is "will" now)");
  EXPECT_EQ(Find(outcome.value(), kDialogue)->strength, Strength::kWill) << "not applied";
}

// Each bad line is an error naming the file and line; no entry of the file is applied.
struct BadReview {
  std::string lines;
  std::string message;  // expected after "review.jsonl:"
};

class BadReviewTest : public CommitmentReviewTest,
                      public ::testing::WithParamInterface<BadReview> {};

TEST_P(BadReviewTest, IsAnErrorWithFileAndLine) {
  Result<ReviewOutcome> outcome = Apply(GetParam().lines);
  ASSERT_FALSE(outcome.ok());
  EXPECT_NE(outcome.error().ToString().find("review.jsonl:" + GetParam().message),
            std::string::npos)
      << outcome.error().ToString();
}

const std::string kAccept = std::string(R"({"id": ")") + kDialogue + R"(", "decision": "accept"})";

INSTANTIATE_TEST_SUITE_P(
    Lines, BadReviewTest,
    ::testing::Values(
        BadReview{kAccept + "\n{\"id\": \n", "2: malformed JSON at column 8: syntax error"},
        BadReview{R"({"id": "x", "decision": "approve"})", "1: decision must be one of"},
        BadReview{R"({"decision": "accept"})", "1: id must be a non-empty string"},
        BadReview{
            R"({"id": "sec_2__para_6__sent_1", "decision": "correct", "field": "strength", "from": "will", "to": 3})",
            "1: to must be one of commits, will"},
        BadReview{
            R"({"id": "sec_2__para_6__sent_1", "decision": "correct", "field": "obligors", "from": [], "to": "LV"})",
            "1: to must be an array of party codes"},
        BadReview{
            R"({"id": "sec_2__para_6__sent_1", "decision": "correct", "field": "colour", "from": 1, "to": 2})",
            "1: field must be one of"},
        // A denied action is spelled as records spell it: "negated": true, or nothing.
        BadReview{
            R"({"id": "sec_2__para_6__sent_1", "decision": "correct", "field": "action", "from": {"lemma": "hold"}, "to": {"lemma": "hold", "negated": false}})",
            "1: to must be an object with a string lemma"},
        BadReview{R"({"id": "sec_2__para_6__sent_1", "decision": "accept", "field": "strength"})",
                  "1: \"field\" is not a key of an accept decision"},
        BadReview{
            R"({"id": "sec_2__para_6__sent_1", "decision": "split", "parts": [{"strength": "will"}]})",
            "1: parts must be an array of at least two objects"},
        BadReview{kAccept + "\n" + R"({"id": "sec_2__para_6__sent_1", "decision": "reject"})",
                  "2: sec_2__para_6__sent_1 cannot both accept and reject (see line 1)"},
        BadReview{
            R"({"id": "sec_2__para_6__sent_1", "decision": "correct", "field": "strength", "from": "will", "to": "may"})"
            "\n"
            R"({"id": "sec_2__para_6__sent_1", "decision": "correct", "field": "strength", "from": "will", "to": "commits"})",
            "2: sec_2__para_6__sent_1 corrects strength twice (see line 1)"},
        BadReview{
            R"({"id": "sec_2__para_6__sent_1", "decision": "merge", "into": "sec_2__para_6__sent_1"})",
            "1: a record cannot be merged into itself"},
        BadReview{
            R"({"id": "sec_2__para_6__sent_2", "decision": "merge", "into": "sec_2__para_6__sent_1"})"
            "\n"
            R"({"id": "sec_2__para_6__sent_1", "decision": "reject"})",
            "1: sec_2__para_6__sent_2 merges into sec_2__para_6__sent_1, which line 2 decides "
            "to reject"}));

TEST_F(CommitmentReviewTest, ABadLineMeansNothingIsApplied) {
  std::string path = WriteReview(
      R"({"id": "sec_2__para_6__sent_1", "decision": "correct", "field": "strength", "from": "will", "to": "may"})"
      "\n"
      R"({"id": "sec_2__para_6__sent_1", "decision": "accept", "note": 5})"
      "\n");
  Result<AgreementCommitments> read = ExtractAgreementCommitments(kPackage, path);
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().ToString().find("review.jsonl:2: note must be a string"),
            std::string::npos)
      << read.error().ToString();
}

TEST_F(CommitmentReviewTest, EntriesThatNoLongerMatchAreErrorsUnlessReported) {
  std::string path = WriteReview(R"({"id": "sec_2__para_6__sent_1", "decision": "accept"})"
                                 "\n"
                                 R"({"id": "sec_9__para_1__sent_1", "decision": "accept"})"
                                 "\n");
  Result<AgreementCommitments> strict = ExtractAgreementCommitments(kPackage, path);
  ASSERT_FALSE(strict.ok());
  EXPECT_NE(strict.error().ToString().find("review.jsonl:2: sec_9__para_1__sent_1: no sentence has "
                                           "this id"),
            std::string::npos)
      << strict.error().ToString();
  Result<AgreementCommitments> reported =
      ExtractAgreementCommitments(kPackage, path, ReviewMode::kReport);
  ASSERT_TRUE(reported.ok());
  EXPECT_EQ(reported.value().review->unmatched.size(), 1u);
}

TEST_F(CommitmentReviewTest, AMergeIntoAnUnknownIdIsUnmatchedNotAChange) {
  Result<ReviewOutcome> outcome =
      Apply(std::string(R"({"id": ")") + kDrones +
            R"(", "decision": "merge", "into": "sec_9__para_1__sent_1"})" + "\n");
  ASSERT_TRUE(outcome.ok());
  EXPECT_TRUE(outcome.value().changes.empty());
  ASSERT_EQ(outcome.value().unmatched.size(), 1u);
  EXPECT_NE(Find(outcome.value(), kDrones), nullptr) << "the record stays";
}

TEST_F(CommitmentReviewTest, AMissingReviewFileNamedExplicitlyIsAnError) {
  Result<AgreementCommitments> read =
      ExtractAgreementCommitments(kPackage, (folder_ / "missing.jsonl").string());
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().ToString().find("missing.jsonl: no such review file"), std::string::npos);
}

}  // namespace
}  // namespace treaty::commitments
