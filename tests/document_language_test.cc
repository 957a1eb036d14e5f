// The language a text is read in: given, or detected from its letters; a language given that the
// text's letters clearly contradict is said in a warning, as `treaty parse --lang` and
// `treaty extract --lang` print it.
#include <string>

#include <gtest/gtest.h>

#include "document/parser.h"

namespace treaty::document {
namespace {

// English paragraphs of some length: more than 200 letters, no Latvian letter.
std::string EnglishText() {
  std::string text;
  for (int n = 1; n <= 4; ++n) {
    text += std::to_string(n) +
            ". Latvia will provide approximately 112 million EUR of military support to Ukraine, "
            "and the Participants will hold an annual senior-level dialogue.\n";
  }
  return text;
}

TEST(DocumentLanguage, ALanguageGivenAgainstTheTextIsWarnedOf) {
  Result<Document> as_latvian = ParseBytes(EnglishText(), "en.txt", text::Language::kLatvian);
  ASSERT_TRUE(as_latvian.ok()) << as_latvian.error().ToString();
  EXPECT_EQ(as_latvian.value().language, text::Language::kLatvian) << "the given language is kept";
  ASSERT_EQ(as_latvian.value().warnings.size(), 1u);
  EXPECT_EQ(as_latvian.value().warnings[0],
            "the text reads as en, not lv as given: it is read by the rules of lv");

  Result<Document> as_english =
      ParseBytes("1. Україна отримає підтримку.\n", "uk.txt", text::Language::kEnglish);
  ASSERT_TRUE(as_english.ok()) << as_english.error().ToString();
  ASSERT_EQ(as_english.value().warnings.size(), 1u) << "another script is clear at any length";
  EXPECT_EQ(as_english.value().warnings[0],
            "the text reads as uk, not en as given: it is read by the rules of en");
}

TEST(DocumentLanguage, TheTextsOwnLanguageOrWeakEvidenceGivesNoWarning) {
  for (const std::optional<text::Language> given :
       {std::optional<text::Language>(), std::optional(text::Language::kEnglish)}) {
    Result<Document> doc = ParseBytes(EnglishText(), "en.txt", given);
    ASSERT_TRUE(doc.ok()) << doc.error().ToString();
    EXPECT_EQ(doc.value().language, text::Language::kEnglish);
    EXPECT_TRUE(doc.value().warnings.empty()) << doc.value().warnings.front();
  }
  // A place name with a Latvian letter in a short English text.
  Result<Document> place = ParseBytes("1. Deliveries\nThe drones were handed over in Rēzekne.\n",
                                      "en.txt", text::Language::kEnglish);
  ASSERT_TRUE(place.ok()) << place.error().ToString();
  EXPECT_TRUE(place.value().warnings.empty()) << place.value().warnings.front();
}

}  // namespace
}  // namespace treaty::document
