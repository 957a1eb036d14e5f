// The day an agreement was signed, read from its closing clause when no package names it.
#include "grammar/signature_date.h"

#include <gtest/gtest.h>

namespace treaty::grammar {
namespace {

std::string DateOf(std::string_view text, std::optional<text::Language> language = std::nullopt) {
  Result<ExtractedText> read = ExtractFromBytes(text, "test.txt", language);
  EXPECT_TRUE(read.ok()) << read.error().ToString();
  return read.ok() ? SignatureDateOf(read.value()) : "";
}

TEST(SignatureDate, TheSigningClausesDateInEachLanguage) {
  EXPECT_EQ(DateOf("1. Latvia will provide support from 1 June 2024.\n"
                   "Signed in duplicate in Vilnius on 11 April 2024.\n"),
            "2024-04-11");
  EXPECT_EQ(DateOf("Vienošanās par ilgtermiņa atbalstu\n"
                   "1. Latvija sniegs atbalstu.\n"
                   "2. Ukraina sadarbosies.\n"
                   "Vienošanās ir parakstīta Viļņā 2024. gada 11. aprīlī.\n",
                   text::Language::kLatvian),
            "2024-04-11");
}

// A date in another provision, even one naming a signing, is not the agreement's.
TEST(SignatureDate, NoSigningClauseIsNoDate) {
  EXPECT_EQ(DateOf("Following the Joint Declaration signed in Vilnius on 12 July 2023, the "
                   "Participants will cooperate.\n"),
            "");
}

// A clause that names a month only dates no work: "2024-04-00" would be no xsd:date.
TEST(SignatureDate, AMonthAloneIsNoDate) {
  EXPECT_EQ(
      DateOf("1. Latvia will provide support.\nSigned in duplicate in Vilnius in April 2024.\n"),
      "");
}

}  // namespace
}  // namespace treaty::grammar
