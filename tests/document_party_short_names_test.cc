// agreement.json may give each party the shorter names its texts use, per language; the
// commitments stage reads who promises from them.
#include <gtest/gtest.h>

#include "document/agreement_package.h"

namespace treaty::document {
namespace {

std::string PackageJson(const std::string& belgium) {
  return R"({"id": "be-ua-2024", "title": "Agreement",
    "parties": [)" +
         belgium + R"(, {"code": "UA", "name": "Ukraine"}],
    "signed": {"date": "2024-05-28", "place": "Brussels"},
    "entry_into_force": {"rule": "on signature"},
    "authentic_languages": ["en", "uk"],
    "texts": [{"language": "en", "file": "en.txt", "layout": "paragraph-per-line",
               "source": "written for a test"}]})";
}

TEST(PartyShortNames, AreReadByLanguageAndWrittenBack) {
  Result<AgreementPackage> read =
      ParseAgreementPackage(PackageJson(R"({"code": "BE", "name": "Kingdom of Belgium",
                      "short_names": {"en": ["Belgium", "the Belgian side"], "lv": ["Beļģija"]}})"),
                            "agreement.json");
  ASSERT_TRUE(read.ok()) << read.error().ToString();
  const Party& belgium = read.value().parties[0];
  EXPECT_EQ(belgium.short_names.at(text::Language::kEnglish),
            (std::vector<std::string>{"Belgium", "the Belgian side"}));
  EXPECT_EQ(belgium.short_names.at(text::Language::kLatvian), std::vector<std::string>{"Beļģija"});
  EXPECT_TRUE(read.value().parties[1].short_names.empty());

  Result<AgreementPackage> again =
      ParseAgreementPackage(AgreementPackageToJson(read.value()), "again");
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  EXPECT_EQ(again.value().parties[0].short_names, belgium.short_names);
  EXPECT_EQ(AgreementPackageToJson(again.value()), AgreementPackageToJson(read.value()));
}

TEST(PartyShortNames, MistakesNameTheField) {
  struct Case {
    std::string party;
    std::string field;
    std::string words;
  };
  for (const Case& c : std::vector<Case>{
           {R"({"code": "BE", "name": "B", "short_names": ["Belgium"]})", "parties[0].short_names",
            "expected an object"},
           {R"({"code": "BE", "name": "B", "short_names": {"fr": ["Belgique"]}})",
            "parties[0].short_names.fr", "expected a language code"},
           {R"({"code": "BE", "name": "B", "short_names": {"en": "Belgium"}})",
            "parties[0].short_names.en", "expected an array"},
           {R"({"code": "BE", "name": "B", "short_names": {"en": ["Belgium", ""]}})",
            "parties[0].short_names.en[1]", "expected a non-empty string"},
           {R"({"code": "BE", "name": "B", "short_names": {"en": [7]}})",
            "parties[0].short_names.en[0]", "expected a string"},
       }) {
    Result<AgreementPackage> read = ParseAgreementPackage(PackageJson(c.party), "agreement.json");
    ASSERT_FALSE(read.ok()) << c.party;
    // The party is on the file's second line.
    EXPECT_EQ(read.error().where, "agreement.json:2: field " + c.field) << c.party;
    EXPECT_NE(read.error().message.find(c.words), std::string::npos) << read.error().message;
  }
}

}  // namespace
}  // namespace treaty::document
