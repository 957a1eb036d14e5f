// The search page: the form, the hits with their words marked and links to where they stand, and
// a bad parameter told on the page with its status.
#include <string>

#include "http_test_support.h"

namespace treaty::test {
namespace {

class HttpSearchPageTest : public HttpTest {};

size_t Count(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

TEST_F(HttpSearchPageTest, HitsMarkTheWordsFoundInAnyOfTheirForms) {
  const http::HttpResponse page = Send("GET", "/search?q=consult&lang=en");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(page.content_type.starts_with("text/html"));
  EXPECT_NE(page.body.find("<mark>consult</mark>"), std::string::npos);
  EXPECT_NE(page.body.find("<mark>consultations</mark>"), std::string::npos);
  // A provision leads to its place in the text.
  EXPECT_NE(page.body.find("href=\"/text#en.sec_5__para_4\""), std::string::npos);
  // The exact word first.
  EXPECT_LT(page.body.find("<mark>consult</mark>"), page.body.find("<mark>consultations</mark>"));
  EXPECT_EQ(Count(page.body, "<li>"), 5u);
  EXPECT_NE(page.body.find("5 hits for “consult”."), std::string::npos);
  // The form keeps what was asked.
  EXPECT_NE(page.body.find("value=\"consult\""), std::string::npos);
  EXPECT_NE(page.body.find("<option value=\"en\" selected>English</option>"), std::string::npos);
}

// A page of the most hits a search gives by default offers them all, with the words and language
// asked for; a language chosen is not asked for again.
TEST_F(HttpSearchPageTest, APageOfTheBestHitsOffersThemAll) {
  const http::HttpResponse page = Send("GET", "/search?q=apnemas&lang=lv");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(Count(page.body, "<li>"), 20u);
  EXPECT_NE(page.body.find("the best ones only: <a href=\"/search?q=apnemas&amp;lang=lv&amp;"
                           "limit=999\">show them all</a>, or add a word to narrow the search."),
            std::string::npos)
      << page.body;
  const http::HttpResponse all = Send("GET", "/search?q=apnemas&lang=lv&limit=999");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_GT(Count(all.body, "<li>"), 20u);
  EXPECT_EQ(all.body.find("show them all"), std::string::npos);
  EXPECT_NE(Send("GET", "/search?q=apnemas").body.find("or add a word or choose a language"),
            std::string::npos);
  // No hits are no best ones.
  const http::HttpResponse none = Send("GET", "/search?q=zzzyx");
  EXPECT_NE(none.body.find("0 hits for “zzzyx”."), std::string::npos) << none.body;
  EXPECT_EQ(none.body.find("show them all"), std::string::npos);
}

// A Latvian hit leads to the Latvian paragraph, wherever the alignment shows it: lv preamble
// para_5 stands beside en para_6, not in the row of en para_5.
TEST_F(HttpSearchPageTest, AHitLeadsToItsOwnParagraphOfTheText) {
  const std::string page = Send("GET", "/search?q=sabombardētā&lang=lv").body;
  EXPECT_NE(page.find("href=\"/text#lv.preamble__para_5\""), std::string::npos) << page;
  const std::string text = Send("GET", "/text").body;
  const size_t paragraph = text.find("<p id=\"lv.preamble__para_5\">");
  ASSERT_NE(paragraph, std::string::npos);
  EXPECT_LT(text.find("sabombardētā", paragraph), text.find("</p>", paragraph));
  EXPECT_GT(paragraph, text.find("<tr id=\"preamble__para_6\">"));
}

// The index of these tests holds the provisions of both texts, as `treaty load` indexes them,
// without the commitments.
TEST_F(HttpSearchPageTest, OnlyTheKindAndLanguageAskedForAreShown) {
  EXPECT_EQ(Count(Send("GET", "/search?q=consult&lang=en&kind=provision").body, "<li>"), 5u);
  EXPECT_NE(Send("GET", "/search?q=consult&lang=en&kind=commitment").body.find("0 hits"),
            std::string::npos);
  const std::string latvian = Send("GET", "/search?q=droni&lang=lv").body;
  EXPECT_GT(Count(latvian, "<li>"), 0u);
  EXPECT_EQ(Count(latvian, "· English"), 0u);
  EXPECT_EQ(Count(latvian, "<li>"), Count(latvian, "· Latviešu"));
}

TEST_F(HttpSearchPageTest, TheFormAloneWithoutWordsAndABadParameterIsSaidOnThePage) {
  const http::HttpResponse form = Send("GET", "/search");
  EXPECT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("<form method=\"get\" action=\"/search\""), std::string::npos);
  EXPECT_EQ(form.body.find("hits for"), std::string::npos);
  const http::HttpResponse bad = Send("GET", "/search?q=drones&lang=de");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(bad.content_type.starts_with("text/html"));
  EXPECT_NE(bad.body.find("lang: lv-ua-2024 has no text in de (it has en, lv)"), std::string::npos)
      << bad.body;
  // A language the agreement has no text in is refused, not answered with "0 hits".
  for (const std::string target : {"/search?q=drones&lang=uk", "/api/v1/search?q=drones&lang=uk"}) {
    const http::HttpResponse missing = Send("GET", target);
    EXPECT_EQ(missing.status, 400) << target;
    EXPECT_NE(missing.body.find("lang: lv-ua-2024 has no text in uk (it has en, lv)"),
              std::string::npos)
        << missing.body;
  }
  // Every page's navigation leads here.
  EXPECT_NE(Send("GET", "/").body.find("<a href=\"/search\""), std::string::npos);
}

}  // namespace
}  // namespace treaty::test
