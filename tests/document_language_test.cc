// The language a text is read in: given, or detected from its letters; a language given against
// the text is said in a warning, as `treaty parse --lang` and `treaty extract --lang` print it.
#include <string>

#include <gtest/gtest.h>

#include "document/parser.h"

namespace treaty::document {
namespace {

const std::string kEnglish =
    "1. Latvia will provide approximately 112 million EUR of military support to Ukraine in 2024.\n"
    "2. The Participants will hold an annual dialogue.\n";

TEST(DocumentLanguage, ALanguageGivenAgainstTheTextIsWarnedOf) {
  Result<Document> as_latvian = ParseBytes(kEnglish, "en.txt", text::Language::kLatvian);
  ASSERT_TRUE(as_latvian.ok()) << as_latvian.error().ToString();
  EXPECT_EQ(as_latvian.value().language, text::Language::kLatvian) << "the given language is kept";
  ASSERT_EQ(as_latvian.value().warnings.size(), 1u);
  EXPECT_EQ(as_latvian.value().warnings[0],
            "the text reads as en, not lv as given: it is read by the rules of lv");
}

TEST(DocumentLanguage, TheTextsOwnLanguageGivesNoWarning) {
  for (const std::optional<text::Language> given :
       {std::optional<text::Language>(), std::optional(text::Language::kEnglish)}) {
    Result<Document> doc = ParseBytes(kEnglish, "en.txt", given);
    ASSERT_TRUE(doc.ok()) << doc.error().ToString();
    EXPECT_EQ(doc.value().language, text::Language::kEnglish);
    EXPECT_TRUE(doc.value().warnings.empty()) << doc.value().warnings.front();
  }
}

}  // namespace
}  // namespace treaty::document
