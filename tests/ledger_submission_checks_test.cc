// The checks an append and an import make of each submission before writing (§6.2 steps 1 and 3,
// §9.1): what each refuses and the field it names.
#include "ledger/submission_checks.h"

#include <gtest/gtest.h>

#include <map>

#include "ledger_test_util.h"

namespace treaty::ledger::test {
namespace {

constexpr const char* kAgreement = "lv-ua-2024";

// Earlier events by id, as a store or verify would find them.
class References {
 public:
  void Add(const std::string& id, const std::string& type, const std::string& subtype = "",
           const std::string& classification = "public",
           const std::string& institution = "lv-mod") {
    known_[id] = Referenced{type,        subtype, classification,
                            institution, "",      institution == "lv-mod" ? "LV" : "UA"};
  }

  // The problem ReferenceProblem finds, as "PATH: MESSAGE", or "".
  std::string ProblemOf(const Event& event) const {
    const ReferenceLookup lookup = [this](const std::string& id) {
      auto found = known_.find(id);
      return Result<std::optional<Referenced>>(
          found == known_.end() ? std::nullopt : std::optional<Referenced>(found->second));
    };
    Result<std::optional<Error>> problem = ReferenceProblem(event, kAgreement, keys_, lookup);
    if (!problem.ok()) return "lookup failed: " + problem.error().ToString();
    return problem.value() ? problem.value()->ToString() : "";
  }

 private:
  KeysFile keys_ = TestKeys();
  std::map<std::string, Referenced> known_;
};

Event Responding(EventType type, const std::string& subtype, const std::string& responds_to) {
  Event event;
  event.agreement = kAgreement;
  event.classification = "public";
  event.recorded_by.institution = "ua-mod";
  event.content.participant = "UA";
  event.content.type = type;
  event.content.subtype = subtype;
  event.content.responds_to = responds_to;
  return event;
}

TEST(SubmissionChecksTest, ARespondsToNamesAnEventOfTheExpectedTypeAndSubtype) {
  References earlier;
  earlier.Add("proposal", "notice", "amendment_proposal");
  earlier.Add("termination", "notice", "termination");
  earlier.Add("request", "consultation_request");
  EXPECT_EQ(earlier.ProblemOf(Responding(EventType::kNotice, "amendment_acceptance", "proposal")),
            "");
  EXPECT_EQ(
      earlier.ProblemOf(Responding(EventType::kNotice, "amendment_acceptance", "termination")),
      "responds_to: names a notice of subtype termination; expected amendment_proposal");
  EXPECT_EQ(earlier.ProblemOf(Responding(EventType::kNotice, "extension", "proposal")),
            "responds_to: names a notice of subtype amendment_proposal; expected extension");
  // An extension agrees to the other Participant's; each Participant accepts an amendment.
  earlier.Add("extension by LV", "notice", "extension");
  earlier.Add("extension by UA", "notice", "extension", "public", "ua-mod");
  earlier.Add("proposal by UA", "notice", "amendment_proposal", "public", "ua-mod");
  EXPECT_EQ(earlier.ProblemOf(Responding(EventType::kNotice, "extension", "extension by LV")), "");
  EXPECT_EQ(earlier.ProblemOf(Responding(EventType::kNotice, "extension", "extension by UA")),
            "responds_to: names UA's own extension notice; an extension agrees to the other "
            "Participant's");
  EXPECT_EQ(
      earlier.ProblemOf(Responding(EventType::kNotice, "amendment_acceptance", "proposal by UA")),
      "");
  EXPECT_EQ(earlier.ProblemOf(Responding(EventType::kConsultationHeld, "", "request")), "");
  EXPECT_EQ(earlier.ProblemOf(Responding(EventType::kConsultationHeld, "", "termination")),
            "responds_to: names a notice; expected consultation_request");
  EXPECT_EQ(earlier.ProblemOf(Responding(EventType::kConsultationHeld, "", "nothing")),
            "responds_to: no event nothing in lv-ua-2024");
}

// A notice passes from one Participant to the other: only that Participant's institutions record
// it, in the event and in a correction's replacement alike.
TEST(SubmissionChecksTest, ANoticeIsRecordedByAnInstitutionOfItsParticipant) {
  const KeysFile keys = TestKeys();
  auto problem = [&](const Event& event) {
    std::optional<Error> found = NoticeSenderProblem(event, keys);
    return found ? found->ToString() : std::string();
  };
  Event notice = Responding(EventType::kNotice, "extension", "");
  EXPECT_EQ(problem(notice), "");
  notice.content.participant = "LV";
  EXPECT_EQ(problem(notice),
            "participant: a notice is given by the Participant of the institution that records "
            "it: ua-mod records notices of UA, not of LV");
  notice.content.participant = "both";
  EXPECT_NE(problem(notice), "");
  // Other events may tell what the other Participant did.
  Event delivery = Responding(EventType::kDelivery, "", "");
  delivery.content.participant = "LV";
  EXPECT_EQ(problem(delivery), "");

  Event correction = Responding(EventType::kCorrection, "", "");
  correction.corrects = "original";
  correction.action = "amend";
  correction.replacement = Responding(EventType::kNotice, "termination", "").content;
  correction.replacement->participant = "LV";
  EXPECT_EQ(problem(correction).substr(0, 24), "replacement.participant:");
}

TEST(SubmissionChecksTest, ACorrectionFollowsTheRulesOfSection91) {
  References earlier;
  earlier.Add("payment", "disbursement");
  earlier.Add("secret", "disbursement", "", "restricted");
  earlier.Add("correction", "correction");
  Event correction = AmountCorrection("payment", 5);
  correction.agreement = kAgreement;
  EXPECT_EQ(earlier.ProblemOf(correction), "");
  correction.corrects = "secret";
  EXPECT_EQ(earlier.ProblemOf(correction),
            "classification: must equal the corrected event's (restricted)");
  correction.corrects = "correction";
  EXPECT_EQ(earlier.ProblemOf(correction).rfind("corrects: names a correction", 0), 0u);
  correction.corrects = "payment";
  correction.recorded_by.institution = "ua-mod";
  EXPECT_EQ(earlier.ProblemOf(correction),
            "recorded_by.institution: a correction is recorded by the Participant that recorded "
            "the event (LV)");
  correction.recorded_by.institution = "lv-mfa";  // of the same Participant
  EXPECT_EQ(earlier.ProblemOf(correction), "");
}

TEST(SubmissionChecksTest, ASubmissionOfAnotherInstitutionOrAgreementIsRefused) {
  const PrivateKey key = TestKey("lv-mod");
  Event event = Disbursement(1, "k");
  event.agreement = kAgreement;
  EXPECT_EQ(SubmissionProblem(event, kAgreement, key), std::nullopt);
  const std::optional<Error> other_key = SubmissionProblem(event, kAgreement, TestKey("ua-mod"));
  ASSERT_TRUE(other_key);
  EXPECT_EQ(other_key->ToString(),
            "recorded_by.institution: event signed with the wrong key: key " +
                TestKey("ua-mod").key_id + " belongs to ua-mod, the event is recorded by lv-mod");
  const std::optional<Error> other_agreement = SubmissionProblem(event, "ee-ua-2024", key);
  ASSERT_TRUE(other_agreement);
  EXPECT_EQ(other_agreement->where, "agreement");
  event.id = "01a24780-0000-7000-8000-000000000001";
  EXPECT_EQ(SubmissionProblem(event, kAgreement, key)->ToString(), "id: assigned by the ledger");
}

}  // namespace
}  // namespace treaty::ledger::test
