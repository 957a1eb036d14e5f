#include "document/agreement_package.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "temp_folder_test_base.h"

namespace treaty::document {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kBundledPackage = std::string(TREATY_SOURCE_DIR) + "/data/agreements/lv-ua-2024";

// A valid package in a fresh temporary folder; tests break one field and write it out.
class AgreementPackageFolder : public test::TempFolderTest {
 protected:
  void SetUp() override {
    TempFolderTest::SetUp();
    std::ofstream(folder_ / "en.txt") << "Agreement\n1. Scope\nText.\n";
    metadata_ = json::parse(R"({
      "id": "xx-ua-2024",
      "title": "Agreement on Security Cooperation",
      "parties": [{"code": "XX", "name": "Somewhere"}, {"code": "UA", "name": "Ukraine"}],
      "signed": {"date": "2024-02-29", "place": "Kyiv"},
      "entry_into_force": {"rule": "on signature", "date": "2024-02-29"},
      "term": "P10Y",
      "authentic_languages": ["en", "uk"],
      "prevailing_language": "en",
      "texts": [{"language": "en", "file": "en.txt", "layout": "paragraph-per-line",
                 "source": "written for a test"}]
    })");
  }

  void Write(const std::string& contents) { std::ofstream(folder_ / "agreement.json") << contents; }
  Result<AgreementPackage> WriteAndLoad() {
    Write(metadata_.dump(2));
    return LoadAgreementPackage(folder_.string());
  }
  std::string MetadataPath() const { return (folder_ / "agreement.json").string(); }
  void ExpectFieldError(const Result<AgreementPackage>& result, const std::string& field,
                        const std::string& words) {
    ASSERT_FALSE(result.ok());
    // "FILE:LINE: field FIELD", LINE being where the field's member is named; a missing member
    // of the top level has no line.
    const std::string& where = result.error().where;
    const std::string suffix = ": field " + field;
    ASSERT_TRUE(where.starts_with(MetadataPath()) && where.ends_with(suffix)) << where;
    const std::string line =
        where.substr(MetadataPath().size(), where.size() - MetadataPath().size() - suffix.size());
    if (words == "missing") {
      EXPECT_EQ(line, "") << where;
    } else {
      ASSERT_TRUE(line.size() > 1 && line[0] == ':') << where;
      std::ifstream written(MetadataPath());
      std::string text;
      for (int i = std::stoi(line.substr(1)); i > 0; --i) std::getline(written, text);
      // An array's item is named by no word of its line.
      const std::string member = field.substr(field.find_last_of('.') + 1);
      if (!member.ends_with(']')) {
        EXPECT_NE(text.find('"' + member + '"'), std::string::npos) << where << ": " << text;
      }
    }
    EXPECT_NE(result.error().message.find(words), std::string::npos) << result.error().message;
  }

  json metadata_;
};

TEST(AgreementPackage, BundledPackageNamesPartiesDatesAndLanguages) {
  Result<AgreementPackage> result = LoadAgreementPackage(kBundledPackage);
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  const AgreementPackage& package = result.value();
  EXPECT_EQ(package.id, "lv-ua-2024");
  EXPECT_NE(package.title.find("Long-Term Support and Security Commitments"), std::string::npos);
  ASSERT_EQ(package.parties.size(), 2u);
  EXPECT_EQ(package.parties[0].code, "LV");
  EXPECT_EQ(package.parties[0].name, "Republic of Latvia");
  EXPECT_EQ(package.parties[1].code, "UA");
  EXPECT_EQ(package.parties[1].name, "Ukraine");
  EXPECT_EQ(package.signed_date, "2024-04-11");
  EXPECT_EQ(package.signed_place, "Vilnius");
  EXPECT_EQ(package.entry_into_force, "on signature");
  EXPECT_EQ(package.entry_into_force_date, "2024-04-11");
  EXPECT_EQ(package.term, "P10Y");
  EXPECT_EQ(package.authentic_languages,
            (std::vector<text::Language>{text::Language::kEnglish, text::Language::kLatvian,
                                         text::Language::kUkrainian}));
  EXPECT_EQ(package.prevailing_language, text::Language::kEnglish);
}

TEST(AgreementPackage, BundledPackageListsEnglishAndLatvianTextsWithAbsolutePaths) {
  Result<AgreementPackage> result = LoadAgreementPackage(kBundledPackage);
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  const std::vector<TextFile>& texts = result.value().texts;
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[0].language, text::Language::kEnglish);
  EXPECT_EQ(texts[0].layout, text::Layout::kOneParagraphPerLine);
  EXPECT_NE(texts[0].source.find("5c0caba74f2ccc04221909909f264cad90cc5a91"), std::string::npos);
  EXPECT_EQ(texts[1].language, text::Language::kLatvian);
  EXPECT_EQ(texts[1].layout, text::Layout::kPdfTextLayer);
  EXPECT_EQ(texts[1].source, "text layer of the signed PDF");
  for (const TextFile& entry : texts) {
    EXPECT_TRUE(fs::path(entry.file).is_absolute()) << entry.file;
    EXPECT_TRUE(fs::is_regular_file(entry.file)) << entry.file;
  }
  ASSERT_FALSE(result.value().notes.empty());
  EXPECT_NE(result.value().notes[0].find("No Ukrainian text"), std::string::npos);
}

TEST_F(AgreementPackageFolder, ValidPackageLoads) {
  Result<AgreementPackage> result = WriteAndLoad();
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  EXPECT_EQ(result.value().texts[0].file, (folder_ / "en.txt").string());
  EXPECT_TRUE(result.value().short_title.empty());
}

// The id is the `agreement` of the package's events, so it has their form: a longer one would
// load and then refuse every event recorded for it.
TEST_F(AgreementPackageFolder, IdLongerThanAnEventsAgreementIsRefused) {
  metadata_["id"] = std::string(65, 'a');
  ExpectFieldError(WriteAndLoad(), "id", "expected 1 to 64 lower-case letters");
  metadata_["id"] = std::string(64, 'a');
  EXPECT_TRUE(WriteAndLoad().ok());
  metadata_["id"] = "-ua-2024";
  ExpectFieldError(WriteAndLoad(), "id", "beginning with a letter or digit, got \"-ua-2024\"");
}

TEST_F(AgreementPackageFolder, ImpossibleSignatureDateNamesFileAndField) {
  metadata_["signed"]["date"] = "2023-02-29";
  ExpectFieldError(WriteAndLoad(), "signed.date", "expected a date YYYY-MM-DD");
}

TEST_F(AgreementPackageFolder, BadlyWrittenEntryIntoForceDateNamesFileAndField) {
  metadata_["entry_into_force"]["date"] = "11.04.2024";
  ExpectFieldError(WriteAndLoad(), "entry_into_force.date", "expected a date YYYY-MM-DD");
}

TEST_F(AgreementPackageFolder, UnknownAuthenticLanguageNamesFileAndField) {
  metadata_["authentic_languages"] = {"en", "de"};
  ExpectFieldError(WriteAndLoad(), "authentic_languages[1]", "\"de\"");
}

TEST_F(AgreementPackageFolder, UnknownTextLanguageNamesFileAndField) {
  metadata_["texts"][0]["language"] = "fr";
  ExpectFieldError(WriteAndLoad(), "texts[0].language", "expected a language code");
}

TEST_F(AgreementPackageFolder, PrevailingLanguageMustBeAuthentic) {
  metadata_["prevailing_language"] = "lv";
  ExpectFieldError(WriteAndLoad(), "prevailing_language", "authentic_languages");
}

TEST_F(AgreementPackageFolder, MissingTextFileNamesFileAndField) {
  metadata_["texts"][0]["file"] = "uk.txt";
  ExpectFieldError(WriteAndLoad(), "texts[0].file", (folder_ / "uk.txt").string());
}

TEST_F(AgreementPackageFolder, UnknownLayoutNamesFileAndField) {
  metadata_["texts"][0]["layout"] = "docx";
  ExpectFieldError(WriteAndLoad(), "texts[0].layout", "\"docx\"");
}

TEST_F(AgreementPackageFolder, MissingRequiredFieldNamesFileAndField) {
  metadata_.erase("signed");
  ExpectFieldError(WriteAndLoad(), "signed", "missing");
}

TEST_F(AgreementPackageFolder, FieldOfWrongTypeNamesFileAndField) {
  metadata_["parties"][1]["name"] = 7;
  ExpectFieldError(WriteAndLoad(), "parties[1].name", "expected a string, got number");
}

TEST_F(AgreementPackageFolder, TermMustBeAnIsoDuration) {
  metadata_["term"] = "10 years";
  ExpectFieldError(WriteAndLoad(), "term", "ISO 8601 duration");
}

TEST_F(AgreementPackageFolder, TwoTextsInOneLanguageAreRejected) {
  metadata_["texts"].push_back(metadata_["texts"][0]);
  ExpectFieldError(WriteAndLoad(), "texts[1].language", "already listed");
}

TEST_F(AgreementPackageFolder, MalformedJsonNamesFileAndLine) {
  Write("{\n  \"id\": \"xx-ua-2024\",\n  \"title\": \n}\n");
  Result<AgreementPackage> result = LoadAgreementPackage(folder_.string());
  ASSERT_FALSE(result.ok());
  // As every JSON file's syntax error: "FILE: line L, column C: malformed JSON: …".
  EXPECT_EQ(result.error().where, MetadataPath() + ": line 4, column 1");
  EXPECT_TRUE(result.error().message.starts_with("malformed JSON: syntax error"))
      << result.error().message;
  // A file of one line is placed by its column alone, counted in characters ("ā" is one): the
  // "x" is the 16th.
  Write("{\"title\": \"ā\", x}\n");
  Result<AgreementPackage> one_line = LoadAgreementPackage(folder_.string());
  ASSERT_FALSE(one_line.ok());
  EXPECT_EQ(one_line.error().where, MetadataPath() + ": column 16");
}

TEST_F(AgreementPackageFolder, ANumberBeyondADoubleIsAnErrorOfTheFile) {
  Write("{\"id\": \"xx-ua-2024\", \"version\": 1e400}\n");
  Result<AgreementPackage> result = LoadAgreementPackage(folder_.string());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().where, MetadataPath());
  EXPECT_NE(result.error().message.find("1e400"), std::string::npos) << result.error().message;
}

TEST_F(AgreementPackageFolder, FolderWithoutMetadataIsAnError) {
  Result<AgreementPackage> result = LoadAgreementPackage(folder_.string());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().where, MetadataPath());
}

TEST(AgreementPackage, MissingFolderIsAnError) {
  Result<AgreementPackage> result = LoadAgreementPackage("/nonexistent/treaty/package");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().where, "/nonexistent/treaty/package");
}

TEST(AgreementPackage, JsonFormReadsBackToTheSamePackage) {
  Result<AgreementPackage> loaded = LoadAgreementPackage(kBundledPackage);
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  const AgreementPackage& original = loaded.value();
  Result<AgreementPackage> again =
      ParseAgreementPackage(AgreementPackageToJson(original), "round trip");
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  const AgreementPackage& copy = again.value();
  EXPECT_EQ(copy.id, original.id);
  EXPECT_EQ(copy.title, original.title);
  EXPECT_EQ(copy.short_title, original.short_title);
  ASSERT_EQ(copy.parties.size(), original.parties.size());
  EXPECT_EQ(copy.parties[1].name, original.parties[1].name);
  EXPECT_EQ(copy.signed_date, original.signed_date);
  EXPECT_EQ(copy.signed_place, original.signed_place);
  EXPECT_EQ(copy.entry_into_force, original.entry_into_force);
  EXPECT_EQ(copy.entry_into_force_date, original.entry_into_force_date);
  EXPECT_EQ(copy.term, original.term);
  EXPECT_EQ(copy.authentic_languages, original.authentic_languages);
  EXPECT_EQ(copy.prevailing_language, original.prevailing_language);
  ASSERT_EQ(copy.texts.size(), original.texts.size());
  for (size_t i = 0; i < copy.texts.size(); ++i) {
    EXPECT_EQ(copy.texts[i].language, original.texts[i].language);
    EXPECT_EQ(copy.texts[i].file, original.texts[i].file);
    EXPECT_EQ(copy.texts[i].layout, original.texts[i].layout);
    EXPECT_EQ(copy.texts[i].source, original.texts[i].source);
  }
  EXPECT_EQ(copy.notes, original.notes);
}

TEST(AgreementPackage, CalendarDatesFollowTheGregorianLeapYearRule) {
  EXPECT_TRUE(IsCalendarDate("2024-04-11"));
  EXPECT_TRUE(IsCalendarDate("2024-02-29"));
  EXPECT_TRUE(IsCalendarDate("2000-02-29"));
  EXPECT_FALSE(IsCalendarDate("2100-02-29"));
  EXPECT_FALSE(IsCalendarDate("2023-02-29"));
  EXPECT_FALSE(IsCalendarDate("2024-04-31"));
  EXPECT_FALSE(IsCalendarDate("2024-13-01"));
  EXPECT_FALSE(IsCalendarDate("2024-00-10"));
  EXPECT_FALSE(IsCalendarDate("2024-4-11"));
  EXPECT_FALSE(IsCalendarDate("2024-04-11T00:00"));
  EXPECT_FALSE(IsCalendarDate(""));
}

}  // namespace
}  // namespace treaty::document
