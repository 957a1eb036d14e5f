// Reviews of commitments through the API and the commitment page's form: who may review, how a
// decision is checked (as a line of the review file), and that what is stored reads back as a
// valid review file.
#include <fstream>
#include <regex>

#include "commitments/review.h"
#include "http_test_support.h"

namespace treaty::test {
namespace {

// Split by the review file into parts that no entry of the file decides on, so that the decisions
// made here contradict none of the file's. This part is a statement: the total reached.
constexpr const char* kCommitment = "sec_2__hcontainer_1__para_5__sent_2__part_1";
const std::string kReviews = std::string("/api/v1/commitments/") + kCommitment + "/reviews";

class HttpReviewTest : public HttpTest {
 protected:
  static size_t StoredReviews() {
    Result<std::vector<http::StoredReview>> all = app_->site().reviews().List("");
    return all.ok() ? all.value().size() : 0;
  }
};

TEST_F(HttpReviewTest, OnlyReviewersReviewAndOnlySignedInUsersReadReviews) {
  const size_t before = StoredReviews();
  const std::string accept = R"({"decision":"accept","note":"read against both texts"})";
  EXPECT_EQ(Send("POST", kReviews, "", accept).status, 401);
  for (const char* user : {"rita", "lauris", "ada"}) {
    EXPECT_EQ(Send("POST", kReviews, user, accept).status, 403) << user;
  }
  EXPECT_EQ(StoredReviews(), before);

  http::HttpResponse made = Send("POST", kReviews, "vera", accept);
  ASSERT_EQ(made.status, 201) << made.body;
  const nlohmann::json review = nlohmann::json::parse(made.body)["review"];
  EXPECT_EQ(review["reviewer"], "vera");
  EXPECT_EQ(review["entry"]["id"], kCommitment);

  EXPECT_EQ(Send("GET", kReviews).status, 401);
  http::HttpResponse listed = Send("GET", kReviews, "rita");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(nlohmann::json::parse(listed.body)["reviews"].back()["entry"]["note"],
            "read against both texts");
  EXPECT_EQ(Send("GET", "/api/v1/commitments/nope/reviews", "rita").status, 404);
  EXPECT_EQ(Send("POST", "/api/v1/commitments/nope/reviews", "vera", accept).status, 404);
}

// Each refusal of a decision names the member at fault in `fields`, as an invalid event's does.
TEST_F(HttpReviewTest, DecisionsAreCheckedAsReviewFileLinesAndNothingBadIsStored) {
  const size_t before = StoredReviews();
  struct Case {
    const char* body;
    int status;
    const char* says;
    const char* field;  // the path `fields` names; "" for none
  };
  for (const Case& bad : {
           Case{R"({"decision":"reject"})", 422, "note", "note"},
           Case{R"({"decision":"approve","note":"x"})", 422, "decision must be one of", "decision"},
           Case{R"({"decision":"correct","field":"colour","to":"red","note":"x"})", 422,
                "field must be one of", "field"},
           Case{R"({"decision":"correct","field":"strength","to":"shall","note":"x"})", 422,
                "to must be one of", "to"},
           Case{R"({"decision":"correct","field":"strength","from":"may","to":"commits",)"
                R"("note":"x"})",
                409, "the field is now", "from"},
           Case{R"({"decision":"accept","id":"sec_1__para_1__sent_1"})", 422, "path", "id"},
           Case{R"({"decision":"accept","colour":"red"})", 422,
                R"(\"colour\" is not a key of an accept decision)", "colour"},
           Case{R"({"decision":5,"note":"x"})", 422, "decision must be one of", "decision"},
           Case{R"({})", 422, "a decision is required: accept, correct, split, merge or reject",
                "decision"},
           Case{R"({"decision":"bogus"})", 422, "decision must be one of", "decision"},
           Case{R"({"decision":"reject","note":null})", 422, "note must be a string", "note"},
           Case{R"({"decision":"reject","note":7})", 422, "note must be a string", "note"},
           Case{R"({"decision":"correct","field":7,"to":"will","note":"x"})", 422,
                "field must be one of", "field"},
           Case{R"({"decision":"split","parts":[{"strength":"will"},{"colour":1}],"note":"x"})",
                422, "parts[1].colour is not a field", "parts[1].colour"},
           Case{R"({"decision":"merge","note":"x"})", 422,
                R"(a merge decision needs the record it merges into (\"into\"))", "into"},
           Case{R"([1,2])", 400, "object", ""},
           Case{R"({"decision":)", 400, "body: column 13: malformed JSON", ""},
       }) {
    http::HttpResponse response = Send("POST", kReviews, "vera", bad.body);
    EXPECT_EQ(response.status, bad.status) << bad.body << " → " << response.body;
    EXPECT_NE(response.body.find(bad.says), std::string::npos)
        << bad.body << " → " << response.body;
    const nlohmann::json error = nlohmann::json::parse(response.body)["error"];
    if (std::string_view(bad.field).empty()) {
      EXPECT_FALSE(error.contains("fields")) << response.body;
    } else {
      ASSERT_TRUE(error.contains("fields")) << bad.body << " → " << response.body;
      EXPECT_EQ(error["fields"][0]["path"], bad.field) << response.body;
    }
  }
  EXPECT_EQ(StoredReviews(), before);
}

TEST_F(HttpReviewTest, AMergeIntoNoSentenceOfTheTextIsRefusedNamingInto) {
  const size_t stored = StoredReviews();
  for (const std::string& into : {std::string("nope"), std::string("sec_9__para_9")}) {
    const http::HttpResponse refused =
        Send("POST", kReviews, "vera",
             nlohmann::json{{"decision", "merge"}, {"into", into}, {"note", "one promise"}}.dump());
    EXPECT_EQ(refused.status, 422) << refused.body;
    const nlohmann::json fields = nlohmann::json::parse(refused.body)["error"]["fields"];
    ASSERT_EQ(fields.size(), 1u) << refused.body;
    EXPECT_EQ(fields[0]["path"], "into");
  }
  EXPECT_EQ(StoredReviews(), stored);
}

TEST_F(HttpReviewTest, ACorrectionTakesItsFromValueFromTheCommitmentAndExportsAsAReviewFile) {
  http::HttpResponse made =
      Send("POST", kReviews, "vera",
           R"({"decision":"correct","field":"class","to":"commitment","note":"a promise"})");
  ASSERT_EQ(made.status, 201) << made.body;
  const nlohmann::json entry = nlohmann::json::parse(made.body)["review"]["entry"];
  EXPECT_EQ(entry["from"], "statement");
  EXPECT_EQ(entry["to"], "commitment");

  http::HttpResponse lines = Send("GET", "/api/v1/reviews?format=jsonl", "rita");
  ASSERT_EQ(lines.status, 200);
  EXPECT_EQ(lines.content_type, "application/x-ndjson");
  const std::filesystem::path file = *folder_ / "reviews.jsonl";
  std::ofstream(file) << lines.body;
  Result<std::vector<commitments::ReviewEntry>> read = commitments::ReadReviewFile(file.string());
  ASSERT_TRUE(read.ok()) << read.error().ToString();
  ASSERT_FALSE(read.value().empty());
  EXPECT_EQ(read.value().back().decision, "correct");
  EXPECT_EQ(read.value().back().to, "commitment");
  EXPECT_EQ(Send("GET", "/api/v1/reviews?format=xml", "rita").status, 400);
}

// A decision that the review file would refuse beside one submitted before is refused when it
// is made: the same correction sent twice is stored once.
TEST_F(HttpReviewTest, ADecisionContradictingOneSubmittedBeforeIs409) {
  const std::string commitment = "sec_2__hcontainer_1__para_3__sent_2";
  const std::string reviews = "/api/v1/commitments/" + commitment + "/reviews";
  const std::string correct =
      R"({"decision":"correct","field":"strength","to":"commits","note":"binds"})";
  ASSERT_EQ(Send("POST", reviews, "vera", correct).status, 201);
  const size_t stored = StoredReviews();
  const http::HttpResponse again = Send("POST", reviews, "vera", correct);
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_NE(again.body.find("contradicts a review made before: " + commitment +
                            " corrects strength twice, with the review by vera at "),
            std::string::npos)
      << again.body;
  ASSERT_EQ(Send("POST", reviews, "vera", R"({"decision":"reject","note":"not a promise"})").status,
            409);
  EXPECT_EQ(StoredReviews(), stored);
}

// The package's review file holds decisions too: one that contradicts them is refused, naming
// the file's line, instead of being stored for `treaty commitments --review` to refuse.
TEST_F(HttpReviewTest, ADecisionContradictingTheReviewFileIs409) {
  const std::string reviews = "/api/v1/commitments/sec_1__para_3__sent_1/reviews";
  const size_t stored = StoredReviews();
  for (const char* body :
       {R"({"decision":"reject","note":"not a promise"})", R"({"decision":"accept"})"}) {
    const http::HttpResponse refused = Send("POST", reviews, "vera", body);
    EXPECT_EQ(refused.status, 409) << body << " → " << refused.body;
    EXPECT_NE(refused.body.find("with the agreement's review file, line 2"), std::string::npos)
        << refused.body;
    EXPECT_EQ(refused.body.find(TREATY_SOURCE_DIR), std::string::npos) << "no server path";
  }
  EXPECT_EQ(StoredReviews(), stored);
}

// A correction is shown in words: an action as its verb and object, not as JSON.
TEST_F(HttpReviewTest, TheCommitmentPageShowsACorrectionInWords) {
  const std::string commitment = "sec_2__para_5__sent_2";
  ASSERT_EQ(Send("POST", "/api/v1/commitments/" + commitment + "/reviews", "vera",
                 R"({"decision":"correct","field":"action",)"
                 R"("to":{"lemma":"determine","object":"the terms, format and scope"},)"
                 R"("note":"the passive's agent is no object"})")
                .status,
            201);
  ASSERT_EQ(
      Send("POST", "/api/v1/commitments/" + commitment + "/reviews", "vera",
           R"({"decision":"correct","field":"obligors","to":["LV"],"note":"Latvia's support"})")
          .status,
      201);
  const std::string page =
      WithCookie("GET", "/commitments/" + commitment, SignInCookie("rita")).body;
  EXPECT_NE(page.find("action: <code>determine by the Participants</code> → <code>determine the "
                      "terms, format and scope</code>"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("obligors: <code>LV, UA</code> → <code>LV</code>"), std::string::npos)
      << page;
}

TEST_F(HttpReviewTest, TheCommitmentPageFormReviewsWithCsrfAndEscapesNotes) {
  // A commitment no other test reviews: a rejection of one accepted before would be a conflict.
  const std::string page = "/commitments/sec_2__hcontainer_1__para_5__sent_2__part_2";
  EXPECT_EQ(Send("GET", page).body.find("Review this commitment"), std::string::npos);

  const std::string cookie = SignInCookie("vera");
  http::HttpResponse form = WithCookie("GET", page, cookie);
  ASSERT_EQ(form.status, 200);
  std::smatch csrf;
  ASSERT_TRUE(std::regex_search(form.body, csrf,
                                std::regex(R"re(action="/commitments/[^"]+/reviews">[\s\S]*?)re"
                                           R"re(name="csrf" value="([0-9a-f]{64})")re")));

  const size_t before = StoredReviews();
  EXPECT_EQ(WithCookie("POST", page + "/reviews", cookie, "decision=accept&note=x").status, 403);
  http::HttpResponse refused = WithCookie("POST", page + "/reviews", cookie,
                                          "csrf=" + csrf[1].str() + "&decision=reject&note=");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("every decision but accept needs a note"), std::string::npos);
  // The form offers three decisions and says so when none is chosen.
  http::HttpResponse undecided =
      WithCookie("POST", page + "/reviews", cookie, "csrf=" + csrf[1].str() + "&decision=&note=x");
  EXPECT_EQ(undecided.status, 422);
  EXPECT_NE(undecided.body.find(R"(role="alert">choose a decision: accept, correct or reject</p>)"),
            std::string::npos)
      << undecided.body;
  EXPECT_EQ(StoredReviews(), before);

  http::HttpResponse saved =
      WithCookie("POST", page + "/reviews", cookie,
                 "csrf=" + csrf[1].str() +
                     "&decision=reject&field=&to=&note=%3Cscript%3Ealert(1)%3C/script%3E");
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(StoredReviews(), before + 1);
  http::HttpResponse shown = WithCookie("GET", page, cookie);
  EXPECT_NE(shown.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(shown.body.find("<script>alert(1)"), std::string::npos);

  // A recorder sees the reviews but gets no form; posting it anyway is refused.
  const std::string recorder = SignInCookie("lauris");
  http::HttpResponse as_recorder = WithCookie("GET", page, recorder);
  EXPECT_NE(as_recorder.body.find("id=\"reviews\""), std::string::npos);
  EXPECT_EQ(as_recorder.body.find("Review this commitment"), std::string::npos);
  http::HttpResponse posted = WithCookie("POST", page + "/reviews", recorder,
                                         "csrf=" + csrf[1].str() + "&decision=accept&note=x");
  EXPECT_EQ(posted.status, 403);
  EXPECT_NE(posted.body.find("needs the role"), std::string::npos) << posted.body;
  EXPECT_EQ(StoredReviews(), before + 1);
}

}  // namespace
}  // namespace treaty::test
