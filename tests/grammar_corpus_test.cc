// Each language's grammar corpus (src/grammar/<lang>/corpus/, format in src/grammar/README.md):
// every surface form gives exactly its expected value, every negative line gives nothing, every
// impossible date is a warning and nothing else.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "grammar/grammars.h"

namespace treaty::grammar {
namespace {

namespace fs = std::filesystem;

const fs::path kGrammar = fs::path(TREATY_SOURCE_DIR) / "src" / "grammar";
constexpr size_t kMinimumLinesPerLanguage = 150;

struct CorpusLine {
  std::string file;
  int line = 0;
  std::string text;         // the line without its brackets
  std::string surface;      // the bracketed part, or the whole line
  nlohmann::json expected;  // {"kind": ..., "value": ...}; null in negative and bad-date files
};

std::string Location(const CorpusLine& line) {
  return line.file + ":" + std::to_string(line.line) + ": " + line.text;
}

// Reads one corpus file: "# comments", "= {json}" headers, and surface lines under them.
std::vector<CorpusLine> ReadCorpus(const fs::path& path) {
  std::vector<CorpusLine> lines;
  std::ifstream in(path);
  std::string raw;
  nlohmann::json expected;
  int number = 0;
  while (std::getline(in, raw)) {
    ++number;
    if (raw.empty() || raw[0] == '#') continue;
    if (raw[0] == '=') {
      expected = nlohmann::json::parse(raw.substr(1));
      continue;
    }
    CorpusLine line{path.filename().string(), number, raw, raw, expected};
    size_t open = raw.find('[');
    size_t close = raw.find(']');
    if (open != std::string::npos && close != std::string::npos && open < close) {
      line.surface = raw.substr(open + 1, close - open - 1);
      line.text = raw.substr(0, open) + line.surface + raw.substr(close + 1);
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

struct LanguageCase {
  const char* code;
  text::Language language;
  friend void PrintTo(const LanguageCase& value, std::ostream* out) { *out << value.code; }
};

class GrammarCorpus : public ::testing::TestWithParam<LanguageCase> {
 protected:
  std::vector<Found> Extract(const std::string& line) const {
    return EngineFor(GetParam().language).Extract(line, 0, line.size());
  }
  std::vector<CorpusLine> Lines(const std::string& name) const {
    return ReadCorpus(kGrammar / GetParam().code / "corpus" / name);
  }
  std::vector<fs::path> PositiveFiles() const {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(kGrammar / GetParam().code / "corpus")) {
      std::string name = entry.path().filename().string();
      if (name != "negative.txt" && name != "bad_dates.txt") files.push_back(entry.path());
    }
    return files;
  }
};

TEST_P(GrammarCorpus, HasAtLeast150Lines) {
  size_t count = 0;
  for (const auto& entry : fs::directory_iterator(kGrammar / GetParam().code / "corpus")) {
    count += ReadCorpus(entry.path()).size();
  }
  EXPECT_GE(count, kMinimumLinesPerLanguage);
}

TEST_P(GrammarCorpus, EverySurfaceGivesItsValue) {
  std::vector<fs::path> files = PositiveFiles();
  ASSERT_FALSE(files.empty());
  for (const fs::path& file : files) {
    for (const CorpusLine& line : ReadCorpus(file)) {
      ASSERT_TRUE(line.expected.is_object()) << Location(line) << ": no '=' header above";
      std::vector<Found> found = Extract(line.text);
      ASSERT_EQ(found.size(), 1u) << Location(line);
      const Found& only = found.front();
      EXPECT_EQ(KindName(only.value.kind), line.expected["kind"].get<std::string>())
          << Location(line);
      EXPECT_EQ(only.value.ToJson(), line.expected["value"]) << Location(line);
      EXPECT_EQ(line.text.substr(only.begin, only.end - only.begin), line.surface)
          << Location(line);
    }
  }
}

TEST_P(GrammarCorpus, NegativeLinesGiveNothing) {
  std::vector<CorpusLine> lines = Lines("negative.txt");
  ASSERT_FALSE(lines.empty());
  for (const CorpusLine& line : lines) {
    std::vector<Found> found = Extract(line.text);
    EXPECT_TRUE(found.empty()) << Location(line) << " gave "
                               << (found.empty() ? "" : std::string(KindName(found[0].value.kind)))
                               << " " << (found.empty() ? "" : found[0].value.ToJson().dump());
  }
}

TEST_P(GrammarCorpus, ImpossibleDatesAreWarningsOnly) {
  std::vector<CorpusLine> lines = Lines("bad_dates.txt");
  ASSERT_FALSE(lines.empty());
  for (const CorpusLine& line : lines) {
    std::vector<Found> found = Extract(line.text);
    ASSERT_EQ(found.size(), 1u) << Location(line);
    EXPECT_EQ(found[0].value.kind, Kind::kBadDate) << Location(line);
    EXPECT_EQ(line.text.substr(found[0].begin, found[0].end - found[0].begin), line.surface)
        << Location(line);
  }
}

INSTANTIATE_TEST_SUITE_P(Languages, GrammarCorpus,
                         ::testing::Values(LanguageCase{"lv", text::Language::kLatvian},
                                           LanguageCase{"en", text::Language::kEnglish},
                                           LanguageCase{"uk", text::Language::kUkrainian}),
                         [](const auto& info) { return std::string(info.param.code); });

}  // namespace
}  // namespace treaty::grammar
