// Pages and `treaty commitments` show event types, their subtypes and condition kinds in words,
// from one table; the codes stay in the API and in the values of form fields.
#include <string>
#include <vector>

#include "commitments/cue_table.h"
#include "evaluation/term_words.h"
#include "http_test_support.h"
#include "ledger/event.h"

namespace treaty::test {
namespace {

// Every event type, every subtype, and every condition kind of each language's cues.
std::vector<std::string> Codes() {
  std::vector<std::string> codes;
  for (size_t type = 0; type < ledger::kEventTypeCount; ++type) {
    const auto event_type = static_cast<ledger::EventType>(type);
    codes.emplace_back(ledger::EventTypeName(event_type));
    for (std::string_view subtype : ledger::SubtypesOf(event_type)) codes.emplace_back(subtype);
  }
  for (const commitments::CueTable* cues :
       {&commitments::EnglishCues(), &commitments::LatvianCues()}) {
    for (const commitments::ConditionCue& cue : cues->conditions) codes.emplace_back(cue.kind);
  }
  return codes;
}

TEST(TermWordsTest, EveryTypeSubtypeAndConditionKindHasWords) {
  const std::vector<std::string> codes = Codes();
  EXPECT_GE(codes.size(), 11u + 10u + 2u * 10u);
  for (const std::string& code : codes) {
    const std::optional<std::string_view> words = evaluation::FindTermWords(code);
    ASSERT_TRUE(words.has_value()) << "no words for \"" << code << "\"";
    EXPECT_FALSE(words->empty()) << code;
    EXPECT_EQ(words->find('_'), std::string_view::npos) << code << ": " << *words;
  }
}

class HttpTermWordsTest : public HttpTest {};

TEST_F(HttpTermWordsTest, EveryConditionKindOfTheReviewedCommitmentsHasWords) {
  for (const commitments::Commitment& commitment : app_->site().agreement().reviewed) {
    for (const commitments::Condition& condition : commitment.conditions) {
      EXPECT_TRUE(evaluation::FindTermWords(condition.kind).has_value())
          << commitment.id << ": no words for \"" << condition.kind << "\"";
    }
  }
}

TEST(TermWordsTest, ATypeIsShownWithItsSubtype) {
  EXPECT_EQ(evaluation::EventTypeWords("notice", "amendment_proposal"),
            "notice (amendment proposal)");
  EXPECT_EQ(evaluation::EventTypeWords("technical_agreement", ""), "technical agreement");
  EXPECT_EQ(evaluation::TermWords("unknown_code"), "unknown_code");
}

TEST_F(HttpTermWordsTest, TheLedgerShowsAMeetingsTypeAndSubtypeInWords) {
  const nlohmann::json meeting = {{"type", "meeting"},
                                  {"subtype", "strategic_dialogue"},
                                  {"participant", "both"},
                                  {"date", "2024-09-12"},
                                  {"commitments", nlohmann::json::array()},
                                  {"description", "Annual strategic dialogue"},
                                  {"evidence", nlohmann::json::array()},
                                  {"classification", "public"}};
  ASSERT_FALSE(RecordedId(meeting.dump()).empty());
  const std::string page = Send("GET", "/ledger", "rita").body;
  EXPECT_NE(page.find("<td>meeting (strategic dialogue)</td>"), std::string::npos) << page;
  EXPECT_EQ(page.find("strategic_dialogue"), std::string::npos);
  const nlohmann::json api = nlohmann::json::parse(Send("GET", "/api/v1/events", "rita").body);
  EXPECT_NE(api.dump().find(R"("subtype":"strategic_dialogue")"), std::string::npos);
}

TEST_F(HttpTermWordsTest, ACommitmentsConditionsAreNamedInWords) {
  const std::string page = Send("GET", "/commitments/sec_1__para_5__sent_2").body;
  EXPECT_NE(page.find("<li>government approval: "), std::string::npos) << page;
  EXPECT_NE(page.find("<li>parliament approval: "), std::string::npos) << page;
  EXPECT_EQ(page.find("_approval"), std::string::npos);
}

TEST_F(HttpTermWordsTest, ACommitmentsPageIsHeadedByWhatItPromisesWithItsIdBeside) {
  const std::string page = Send("GET", "/commitments/sec_1__para_5__sent_2").body;
  const std::string title =
      "Secure budgetary commitments on the Latvian side only with explicit approval from the "
      "Government of the Republic of Latvia and, if necessary, of the Saeima";
  EXPECT_NE(page.find("<h1>" + title + "</h1>"), std::string::npos) << page;
  EXPECT_NE(page.find("<title>" + title + " · treaty</title>"), std::string::npos);
  EXPECT_NE(page.find(R"(id <span class="id">sec_1__para_5__sent_2</span>)"), std::string::npos);
}

TEST_F(HttpTermWordsTest, AProvisionWithoutAnActionIsHeadedByItsOwnWords) {
  EXPECT_NE(Send("GET", "/commitments/sec_6__para_2__sent_1")
                .body.find("<h1>The Agreement is valid for 10 (ten) years</h1>"),
            std::string::npos);
  // A bare verb ("prevail") says less than its sentence.
  EXPECT_NE(Send("GET", "/commitments/sec_6__para_9__sent_2")
                .body.find("<h1>In the event of divergence of interpretation, the English text "
                           "shall prevail</h1>"),
            std::string::npos);
  // A long sentence is cut after 14 words.
  EXPECT_NE(Send("GET", "/commitments/sec_6__para_9__sent_1")
                .body.find("<h1>Signed in duplicate in Vilnius on 11 April 2024, in English, "
                           "Ukrainian, and Latvian …</h1>"),
            std::string::npos);
}

// An action that reads as no promise (a passive's agent, an adverb alone, a copula) gives way to
// the sentence's own words.
TEST_F(HttpTermWordsTest, AnActionThatReadsAsNoPromiseIsNoTitle) {
  for (const auto& [id, title] : {
           std::pair{"sec_2__para_5__sent_2",
                     "The terms, format, and scope of such support will be determined by the "
                     "Participants"},
           std::pair{"sec_3__hcontainer_3__para_2__sent_1",
                     "Training of young Ukrainian professionals in the areas of EU law and "
                     "economy will continue …"},
       }) {
    const std::string page = Send("GET", std::string("/commitments/") + id).body;
    EXPECT_NE(page.find("<h1>" + std::string(title) + "</h1>"), std::string::npos) << page;
  }
  EXPECT_NE(Send("GET", "/commitments/sec_3__hcontainer_19__para_4__sent_1")
                .body.find("<h1>As a priority, the Participants will continue to work together, "
                           "along with G7 states and …</h1>"),
            std::string::npos);
}

TEST_F(HttpTermWordsTest, TheConsultationsPageNamesTheRequestsSubtypeInWords) {
  const std::string page = Send("GET", "/consultations").body;
  EXPECT_NE(page.find("requests of subtype armed attack"), std::string::npos) << page;
}

}  // namespace
}  // namespace treaty::test
