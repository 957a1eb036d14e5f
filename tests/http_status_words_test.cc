// Pages show statuses and states in words, one table for every page; the codes stay in CSS
// classes, data attributes and the values of filter fields.
#include <regex>
#include <string>
#include <vector>

#include "evaluation/commitment_status.h"
#include "evaluation/lifecycle.h"
#include "evaluation/response_window.h"
#include "evaluation/status_words.h"
#include "http_test_support.h"

namespace treaty::test {
namespace {

// Every code evaluation gives a status or a state: the lists it keeps and each value of its enums
// (whose Name functions give "" past the last).
std::vector<std::string> EvaluationCodes() {
  std::vector<std::string> codes;
  for (std::string_view code : evaluation::CommitmentStatusNames()) codes.emplace_back(code);
  for (std::string_view code : evaluation::DeadlineStateNames()) codes.emplace_back(code);
  for (int value = 0;; ++value) {
    const std::string name =
        evaluation::LifecycleStateName(static_cast<evaluation::LifecycleState>(value));
    if (name.empty()) break;
    codes.push_back(name);
  }
  for (int value = 0;; ++value) {
    const std::string name =
        evaluation::WindowStateName(static_cast<evaluation::WindowState>(value));
    if (name.empty()) break;
    codes.push_back(name);
  }
  return codes;
}

TEST(StatusWordsTest, EveryCodeEvaluationGivesHasWords) {
  const std::vector<std::string> codes = EvaluationCodes();
  EXPECT_GE(codes.size(), 14u + 4u + 5u + 3u);
  for (const std::string& code : codes) {
    const std::optional<std::string_view> words = evaluation::FindStatusWords(code);
    ASSERT_TRUE(words.has_value()) << "no words for \"" << code << "\"";
    EXPECT_FALSE(words->empty()) << code;
    EXPECT_EQ(words->find('_'), std::string_view::npos) << code << ": " << *words;
  }
}

TEST(StatusWordsTest, CodesAreShownAsAReaderSaysThem) {
  EXPECT_EQ(evaluation::StatusWords("in_force"), "in force");
  EXPECT_EQ(evaluation::StatusWords("no_activity_recorded"), "no activity recorded");
  EXPECT_EQ(evaluation::StatusWords("not_yet_measurable"), "not yet measurable");
  EXPECT_EQ(evaluation::StatusWords("none_notified"), "none notified");
  EXPECT_EQ(evaluation::StatusWords("coalition_goal"), "a coalition's goal");
  EXPECT_FALSE(evaluation::FindStatusWords("late").has_value());
}

// The text of every badge on `page`.
std::vector<std::string> BadgeTexts(const std::string& page) {
  static const std::regex badge(R"re(<span class="badge [^"]*"[^>]*>([^<]*)</span>)re");
  std::vector<std::string> texts;
  for (std::sregex_iterator it(page.begin(), page.end(), badge), end; it != end; ++it) {
    texts.push_back((*it)[1]);
  }
  return texts;
}

class HttpStatusWordsTest : public HttpTest {};

TEST_F(HttpStatusWordsTest, TheOverviewSaysTheAgreementsStateInWords) {
  const std::string page = Send("GET", "/?at=2026-12-06").body;
  EXPECT_NE(page.find(R"(State on 2026-12-06: <span class="badge state" data-state="in_force">)"
                      "in force</span>"),
            std::string::npos)
      << page;
  EXPECT_EQ(page.find(">in_force<"), std::string::npos);
  // The timeline's marks say their state in words in their titles: "(upcoming)", not a code.
  EXPECT_NE(page.find("(upcoming)"), std::string::npos) << page;
  EXPECT_EQ(page.find("(in_progress)"), std::string::npos);
  EXPECT_EQ(page.find("(not_yet_measurable)"), std::string::npos);
}

TEST_F(HttpStatusWordsTest, TheCommitmentsTableAndItsFilterShowWordsAndFilterByCode) {
  const std::string all = Send("GET", "/commitments").body;
  EXPECT_NE(all.find(R"(<span class="badge no_activity_recorded">no activity recorded</span>)"),
            std::string::npos);
  EXPECT_EQ(all.find(">no_activity_recorded<"), std::string::npos);
  EXPECT_NE(all.find(R"(<option value="not_yet_measurable" >not yet measurable</option>)"),
            std::string::npos)
      << all;
  const http::HttpResponse filtered = Send("GET", "/commitments?status=no_activity_recorded");
  ASSERT_EQ(filtered.status, 200);
  EXPECT_NE(
      filtered.body.find(R"(<option value="no_activity_recorded" selected>no activity recorded<)"),
      std::string::npos);
  const std::vector<std::string> badges = BadgeTexts(filtered.body);
  ASSERT_FALSE(badges.empty());
  for (const std::string& text : badges) EXPECT_EQ(text, "no activity recorded");
}

TEST_F(HttpStatusWordsTest, NoPageShowsACodeInABadge) {
  for (const char* target :
       {"/?at=2024-05-01", "/?at=2026-12-06", "/?at=2035-01-01", "/commitments?at=2025-01-01",
        "/commitments/sec_2__hcontainer_1__para_2__sent_2?at=2025-01-01",
        "/commitments/sec_4__para_1__sent_1", "/calendar?at=2025-01-01", "/consultations"}) {
    const http::HttpResponse page = Send("GET", target);
    ASSERT_EQ(page.status, 200) << target;
    const std::vector<std::string> badges = BadgeTexts(page.body);
    EXPECT_FALSE(badges.empty()) << target;
    for (const std::string& text : badges) {
      EXPECT_EQ(text.find('_'), std::string::npos) << target << ": " << text;
    }
  }
}

TEST_F(HttpStatusWordsTest, APeriodsStatusIsInWords) {
  const std::string page =
      Send("GET", "/commitments/sec_2__hcontainer_1__para_2__sent_2?at=2024-05-01").body;
  EXPECT_NE(page.find("<td>in progress</td><td class=\"num\">"), std::string::npos) << page;
  EXPECT_EQ(page.find("<td>in_progress</td>"), std::string::npos);
}

}  // namespace
}  // namespace treaty::test
