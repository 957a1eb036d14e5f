// The GDP series in data/reference/ and the reference series reader's errors.
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "evaluation/reference_series.h"
#include "temp_folder_test_base.h"

namespace treaty::evaluation {
namespace {

const std::string kLatviaGdp = std::string(TREATY_SOURCE_DIR) + "/data/reference/latvia-gdp.csv";
const std::string kHeader = "year,gdp_eur,status,published,source\n";

Date D(const std::string& text) { return ParseDate(text).value(); }

Result<ReferenceSeries> Parse(const std::string& contents) {
  return ParseReferenceSeries(contents, "gdp.csv");
}

void ExpectError(const Result<ReferenceSeries>& result, const std::string& where,
                 const std::string& words) {
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().where, where) << result.error().ToString();
  EXPECT_NE(result.error().message.find(words), std::string::npos) << result.error().ToString();
}

// sec_2__hcontainer_1__para_2: "0.25% of the gross domestic product" needs the GDP of 2024-2026.
TEST(EvaluationReference, BundledGdpSeriesHasSourceAndVintagePerYear) {
  Result<ReferenceSeries> result = LoadReferenceSeries(kLatviaGdp);
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  const ReferenceSeries& gdp = result.value();
  EXPECT_EQ(gdp.measure, "gdp");
  EXPECT_EQ(gdp.unit, "EUR");
  const ReferenceRow* y2024 = gdp.Find(2024);
  ASSERT_NE(y2024, nullptr);
  EXPECT_EQ(y2024->value, 40200000000);
  EXPECT_EQ(y2024->Vintage(), "secondary estimate, published 2025-03-01");
  EXPECT_NE(y2024->source.find("focus-economics.com"), std::string::npos);
  EXPECT_EQ(y2024->line, 3);
  for (const ReferenceRow& row : gdp.rows) {
    EXPECT_FALSE(row.source.empty()) << row.year;
    EXPECT_FALSE(row.status.empty()) << row.year;
  }
}

TEST(EvaluationReference, AYearWithNoRowIsNotYetPublished) {
  Result<ReferenceSeries> gdp = LoadReferenceSeries(kLatviaGdp);
  ASSERT_TRUE(gdp.ok());
  EXPECT_EQ(gdp.value().Find(2026), nullptr);
  EXPECT_EQ(gdp.value().Find(2026, D("2030-01-01")), nullptr);
}

TEST(EvaluationReference, AFigureIsUnknownBeforeItsPublicationDate) {
  Result<ReferenceSeries> gdp = LoadReferenceSeries(kLatviaGdp);
  ASSERT_TRUE(gdp.ok());
  EXPECT_EQ(gdp.value().Find(2024, D("2025-02-28")), nullptr);
  ASSERT_NE(gdp.value().Find(2024, D("2025-03-01")), nullptr);
  EXPECT_EQ(gdp.value().Find(2024, D("2025-03-01"))->value, 40200000000);
}

TEST(EvaluationReference, ColumnsMayComeInAnyOrderAndFieldsMayBeQuoted) {
  Result<ReferenceSeries> result = Parse(
      "source,published,status,year,gdp_eur\r\n"
      "\"Statistics office, \"\"annual\"\" release\",2024-02-29,first "
      "estimate,2023,40300000000\r\n");
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  ASSERT_EQ(result.value().rows.size(), 1u);
  EXPECT_EQ(result.value().rows[0].source, "Statistics office, \"annual\" release");
  EXPECT_EQ(result.value().rows[0].year, 2023);
}

TEST(EvaluationReference, DuplicateYearIsAnError) {
  ExpectError(Parse(kHeader + "2024,40200000000,first estimate,2025-03-01,CSB\n" +
                    "2024,40500000000,revised,2025-09-01,CSB\n"),
              "gdp.csv:3", "column year: 2024 is already on line 2");
}

TEST(EvaluationReference, BadNumberIsAnError) {
  ExpectError(Parse(kHeader + "2024,40.2e9,first estimate,2025-03-01,CSB\n"), "gdp.csv:2",
              "column gdp_eur: '40.2e9' is not a whole number of EUR");
  ExpectError(Parse(kHeader + "2024,-5,first estimate,2025-03-01,CSB\n"), "gdp.csv:2",
              "column gdp_eur");
  ExpectError(Parse(kHeader + "2024,,first estimate,2025-03-01,CSB\n"), "gdp.csv:2",
              "column gdp_eur");
}

TEST(EvaluationReference, MissingColumnIsAnError) {
  ExpectError(Parse("year,gdp_eur,status,source\n2024,1,first estimate,CSB\n"), "gdp.csv:1",
              "missing column 'published' (the header has year, gdp_eur, status, source)");
  ExpectError(Parse("year,status,published,source\n"), "gdp.csv:1", "missing a value column");
  ExpectError(Parse("year,gdp_eur,status,published,source,notes\n"), "gdp.csv:1",
              "unknown column 'notes'");
}

TEST(EvaluationReference, EveryRowSaysWhereItCameFromAndWhen) {
  ExpectError(Parse(kHeader + "2024,1,first estimate,2025-03-01,\n"), "gdp.csv:2",
              "column source: empty");
  ExpectError(Parse(kHeader + "2024,1,,2025-03-01,CSB\n"), "gdp.csv:2", "column status: empty");
  ExpectError(Parse(kHeader + "2024,1,first estimate,2025-02-30,CSB\n"), "gdp.csv:2",
              "column published: '2025-02-30' is not a date");
}

TEST(EvaluationReference, MalformedRowsAreErrors) {
  ExpectError(Parse(kHeader + "2024,1,first estimate\n"), "gdp.csv:2",
              "3 fields, but the header has 5");
  ExpectError(Parse(kHeader + "1850,1,first estimate,2025-03-01,CSB\n"), "gdp.csv:2",
              "column year: 1850 is outside 1900–2200");
  // CSV syntax is read as `treaty import` reads it, and placed to the column.
  ExpectError(Parse(kHeader + "2024,1,first estimate,2025-03-01,\"CSB\n"), "gdp.csv:2:34",
              "unterminated quoted field");
  ExpectError(Parse(kHeader + "2024,1,first \"estimate\",2025-03-01,CSB\n"), "gdp.csv:2:14",
              "inside an unquoted field");
  ExpectError(Parse(""), "gdp.csv:1", "empty file");
}

class EvaluationReferenceFile : public test::TempFolderTest {};

TEST_F(EvaluationReferenceFile, ErrorsNameTheFile) {
  std::string path = (folder_ / "gdp.csv").string();
  std::ofstream(path) << kHeader << "2023,1,first estimate,2024-02-29,CSB\n"
                      << "2023,2,revised,2024-09-30,CSB\n";
  Result<ReferenceSeries> result = LoadReferenceSeries(path);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().where, path + ":3");
  EXPECT_EQ(LoadReferenceSeries((folder_ / "none.csv").string()).error().message,
            "cannot open the file");
}

}  // namespace
}  // namespace treaty::evaluation
