// The expressions of whole agreements against lists written by reading each text line by line
// (tests/data/expressions): every expression of the bundled Latvian and English texts, and the
// money, percent, date and duration expressions of four corpus texts. Also: every corpus text
// extracts without error.
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "grammar/expressions.h"
#include "text/source_reader.h"

namespace treaty::grammar {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = fs::path(TREATY_SOURCE_DIR);
const fs::path kExpected = kSource / "tests" / "data" / "expressions";

Expressions ExtractFile(const fs::path& path) {
  Result<std::string> bytes = text::ReadFile(path.string());
  EXPECT_TRUE(bytes.ok()) << path;
  if (!bytes.ok()) return {};
  Result<ExtractedText> extracted = ExtractFromBytes(bytes.value(), path.string());
  EXPECT_TRUE(extracted.ok()) << path;
  if (!extracted.ok()) return {};
  return std::move(extracted).value().expressions;
}

// One expression as the expected files write it: kind, value, surface and line.
std::string Row(const nlohmann::json& kind, const nlohmann::json& value, const std::string& text,
                int line) {
  return std::to_string(line) + " " + kind.get<std::string>() + " " + value.dump() + " \"" + text +
         "\"";
}

std::vector<std::string> ExpectedRows(const fs::path& path) {
  std::vector<std::string> rows;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json row = nlohmann::json::parse(line);
    rows.push_back(Row(row["kind"], row["value"], row["text"], row["line"]));
  }
  return rows;
}

// The corpus lists hold money, percent, date, duration and periods between dates only.
bool ListedForCorpus(const Expression& expression) {
  switch (expression.value.kind) {
    case Kind::kMoney:
    case Kind::kPercent:
    case Kind::kDate:
    case Kind::kDuration:
      return true;
    case Kind::kPeriod:
      return expression.value.from.month != 0;
    default:
      return false;
  }
}

std::vector<std::string> FoundRows(const fs::path& text, bool all_kinds) {
  std::vector<std::string> rows;
  for (const Expression& expression : ExtractFile(text).found) {
    if (!all_kinds && !ListedForCorpus(expression)) continue;
    rows.push_back(Row(KindName(expression.value.kind), expression.value.ToJson(), expression.text,
                       expression.line));
  }
  return rows;
}

// Lists rows missing from `found` and rows found but not expected, for a readable failure.
std::string Difference(const std::vector<std::string>& expected,
                       const std::vector<std::string>& found) {
  std::multiset<std::string> want(expected.begin(), expected.end());
  std::multiset<std::string> got(found.begin(), found.end());
  std::string report;
  for (const std::string& row : want) {
    if (got.count(row) < want.count(row)) report += "  missing: " + row + "\n";
  }
  for (const std::string& row : got) {
    if (want.count(row) < got.count(row)) report += "  unexpected: " + row + "\n";
  }
  return report;
}

void ExpectSameExpressions(const fs::path& text, const std::string& expected_name, bool all_kinds) {
  std::vector<std::string> expected = ExpectedRows(kExpected / expected_name);
  ASSERT_FALSE(expected.empty()) << expected_name;
  std::vector<std::string> found = FoundRows(text, all_kinds);
  EXPECT_TRUE(found == expected) << text << "\n" << Difference(expected, found);
}

TEST(BundledAgreement, EveryLatvianExpressionWithItsValue) {
  ExpectSameExpressions(kSource / "data/agreements/lv-ua-2024/lv.txt",
                        "lv-ua-2024.lv.expected.jsonl", true);
}

TEST(BundledAgreement, EveryEnglishExpressionWithItsValue) {
  ExpectSameExpressions(kSource / "data/agreements/lv-ua-2024/en.txt",
                        "lv-ua-2024.en.expected.jsonl", true);
}

class CorpusExpressions : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusExpressions, MoneyPercentDateAndDurationAsRead) {
  std::string stem = GetParam();
  ExpectSameExpressions(kSource / "tests/data/corpus" / (stem + ".txt"), stem + ".expected.jsonl",
                        false);
}

INSTANTIATE_TEST_SUITE_P(ReadLineByLine, CorpusExpressions,
                         ::testing::Values("eu-ukraine-2024-06-27.en",
                                           "norway-ukraine-2024-05-31.en",
                                           "finland-ukraine-2024-04-03.en",
                                           "italy-ukraine-2024-02-24.uk"));

TEST(CorpusExpressions, EveryTextExtractsWithoutBadDates) {
  for (const fs::directory_entry& entry : fs::directory_iterator(kSource / "tests/data/corpus")) {
    if (entry.path().extension() != ".txt") continue;
    Expressions expressions = ExtractFile(entry.path());
    EXPECT_TRUE(expressions.bad_dates.empty()) << entry.path();
    for (const Expression& expression : expressions.found) {
      EXPECT_FALSE(expression.eid.empty()) << entry.path() << ": " << expression.text;
      EXPECT_LT(expression.source_begin, expression.source_end) << entry.path();
    }
  }
}

}  // namespace
}  // namespace treaty::grammar
