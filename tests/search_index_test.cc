#include "store/sqlite/search_index.h"

#include <algorithm>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "document/parser.h"
#include "temp_folder_test_base.h"
#include "text/latvian_stemmer.h"
#include "text/search_words.h"
#include "views/cli/commands.h"
#include "views/cli/search_command.h"

namespace treaty::store {
namespace {

using text::Language;

const std::string kAgreement = "lv-ua-2024";
const std::string kPackage = std::string(TREATY_SOURCE_DIR) + "/data/agreements/lv-ua-2024";
const std::string kUkrainianText =
    std::string(TREATY_SOURCE_DIR) + "/tests/data/corpus/italy-ukraine-2024-02-24.uk.txt";
const std::string kNumberedLists =
    std::string(TREATY_SOURCE_DIR) + "/tests/data/synthetic/numbered-lists.en.txt";

std::vector<SearchEntry> EntriesOf(const std::string& agreement, const std::string& file,
                                   Language language) {
  Result<document::Document> document = document::ParseFile(file, language);
  EXPECT_TRUE(document.ok()) << document.error().ToString();
  return document.ok() ? ProvisionEntries(agreement, document.value()) : std::vector<SearchEntry>{};
}

std::string Cut(const SearchHit& hit, const TextRange& range) {
  return hit.entry.text.substr(range.begin, range.end - range.begin);
}

bool HasHit(const std::vector<SearchHit>& hits, std::string_view eid, Language language) {
  return std::any_of(hits.begin(), hits.end(), [&](const SearchHit& hit) {
    return hit.entry.eid == eid && hit.entry.language == language;
  });
}

// --- words, folding and lemmas ---

TEST(SearchWordsTest, FoldsCaseAndDiacritics) {
  EXPECT_EQ(text::FoldForSearch("Apņemas"), "apnemas");
  EXPECT_EQ(text::FoldForSearch("ĀBOLS Ūdens"), "abols udens");
  EXPECT_EQ(text::FoldSearchWord("Об’єднаних"), "обєднаних");
}

TEST(SearchWordsTest, SplitsOnPunctuationAndKeepsApostrophesInsideWords) {
  const std::string text = "об’єкти, Drone-Coalition (2024); 'quoted'";
  std::vector<std::string> words;
  for (const auto& [begin, end] : text::SplitSearchWords(text)) {
    words.push_back(text.substr(begin, end - begin));
  }
  EXPECT_EQ(words, (std::vector<std::string>{"об’єкти", "Drone", "Coalition", "2024", "quoted"}));
  EXPECT_TRUE(text::SplitSearchWords(" ?! … \"*\" () : ^ ").empty());
}

TEST(SearchWordsTest, LatvianLightStemStripsOneEnding) {
  EXPECT_EQ(text::LatvianLightStem("dronu"), "dron");
  EXPECT_EQ(text::LatvianLightStem("droni"), "dron");
  EXPECT_EQ(text::LatvianLightStem("droniem"), "dron");
  EXPECT_EQ(text::LatvianLightStem("zivju"), "ziv");
  EXPECT_EQ(text::LatvianLightStem("un"), "un");
  EXPECT_EQ(text::LatvianLightStem("ar"), "ar");
}

TEST(SearchWordsTest, LemmasComeFromHunspellWithFallbacks) {
  auto has = [](const std::vector<std::string>& lemmas, const std::string& lemma) {
    return std::find(lemmas.begin(), lemmas.end(), lemma) != lemmas.end();
  };
  EXPECT_TRUE(has(text::SearchLemmas(Language::kLatvian, "miljonus"), "miljons"));
  EXPECT_TRUE(has(text::SearchLemmas(Language::kLatvian, "miljonu"), "miljons"));
  EXPECT_TRUE(has(text::SearchLemmas(Language::kLatvian, "latvijas"), "latvija"));
  EXPECT_TRUE(has(text::SearchLemmas(Language::kLatvian, "dronu"), "dron"));
  EXPECT_TRUE(has(text::SearchLemmas(Language::kEnglish, "drones"), "drone"));
  EXPECT_TRUE(has(text::SearchLemmas(Language::kUkrainian, "років"), "рік"));
  EXPECT_TRUE(text::SearchLemmas(Language::kLatvian, "2024").empty());
  // A prefix Hunspell takes off makes another word: "determination" is not found by "termination".
  EXPECT_FALSE(has(text::SearchLemmas(Language::kEnglish, "determination"), "termination"));
  EXPECT_TRUE(has(text::SearchLemmas(Language::kEnglish, "determination"), "determination"));
  EXPECT_TRUE(has(text::SearchLemmas(Language::kEnglish, "terminated"), "terminate"));
  EXPECT_FALSE(has(text::SearchLemmas(Language::kEnglish, "unable"), "able"));
  // English words of one root share Snowball's stem beside Hunspell's lemma.
  for (const char* word : {"consultations", "consultation", "consulting", "consult"}) {
    EXPECT_TRUE(has(text::SearchLemmas(Language::kEnglish, word), "consult")) << word;
  }
}

TEST(SearchWordsTest, QueryLemmasRestoreLatvianDiacritics) {
  auto has = [](const std::vector<std::string>& lemmas, const std::string& lemma) {
    return std::find(lemmas.begin(), lemmas.end(), lemma) != lemmas.end();
  };
  EXPECT_TRUE(has(text::QueryLemmas(Language::kLatvian, "apnemas"), "apnemt"));
  EXPECT_TRUE(has(text::QueryLemmas(Language::kLatvian, "apnemties"), "apnemt"));
  EXPECT_TRUE(has(text::QueryLemmas(Language::kLatvian, "Kopeja"), "kopejs"));
  // A word known as typed keeps its own lemmas; one with no known spelling falls back.
  EXPECT_EQ(text::QueryLemmas(Language::kLatvian, "miljonus"),
            text::SearchLemmas(Language::kLatvian, "miljonus"));
  EXPECT_TRUE(has(text::QueryLemmas(Language::kLatvian, "droni"), "dron"));
  // Indexing does not restore: the text has its diacritics.
  EXPECT_FALSE(has(text::SearchLemmas(Language::kLatvian, "apnemas"), "apnemt"));
}

// --- the index over the bundled agreement ---

class SearchIndexTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<std::unique_ptr<SearchIndex>> opened = SearchIndex::Open(":memory:");
    ASSERT_TRUE(opened.ok()) << opened.error().ToString();
    index_ = std::move(opened).value().release();
    std::vector<SearchEntry> entries =
        EntriesOf(kAgreement, kPackage + "/lv.txt", Language::kLatvian);
    std::vector<SearchEntry> en = EntriesOf(kAgreement, kPackage + "/en.txt", Language::kEnglish);
    entries.insert(entries.end(), en.begin(), en.end());
    Result<size_t> written = index_->ReplaceAgreement(kAgreement, entries);
    ASSERT_TRUE(written.ok()) << written.error().ToString();
    ASSERT_EQ(written.value(), entries.size());
  }
  static void TearDownTestSuite() {
    delete index_;
    index_ = nullptr;
  }

  static std::vector<SearchHit> Find(const std::string& words,
                                     std::optional<Language> language = std::nullopt,
                                     size_t limit = 100) {
    SearchQuery query;
    query.text = words;
    query.language = language;
    query.limit = limit;
    Result<std::vector<SearchHit>> hits = index_->Search(query);
    EXPECT_TRUE(hits.ok()) << hits.error().ToString();
    return hits.ok() ? hits.value() : std::vector<SearchHit>{};
  }

  static SearchIndex* index_;
};

SearchIndex* SearchIndexTest::index_ = nullptr;

TEST_F(SearchIndexTest, ProvisionEntriesCarryTheirHeadingPath) {
  std::vector<SearchEntry> entries =
      EntriesOf(kAgreement, kPackage + "/en.txt", Language::kEnglish);
  auto drones = std::find_if(entries.begin(), entries.end(), [](const SearchEntry& entry) {
    return entry.id == "sec_2__hcontainer_5__para_1";
  });
  ASSERT_NE(drones, entries.end());
  EXPECT_EQ(drones->kind, kProvisionKind);
  EXPECT_EQ(drones->eid, drones->id);
  ASSERT_EQ(drones->heading_path.size(), 2u);
  EXPECT_EQ(drones->heading_path[1], "The Drone Coalition for Ukraine");
  EXPECT_TRUE(drones->heading_path[0].starts_with("2. ")) << drones->heading_path[0];
}

TEST_F(SearchIndexTest, ProvisionEntriesIncludePoints) {
  std::vector<SearchEntry> entries = EntriesOf("xx", kNumberedLists, Language::kEnglish);
  auto point = std::find_if(entries.begin(), entries.end(), [](const SearchEntry& entry) {
    return entry.id == "sec_2__para_1__point_b__point_ii";
  });
  ASSERT_NE(point, entries.end());
  EXPECT_NE(point->text.find("pilots"), std::string::npos);
}

TEST_F(SearchIndexTest, MiljonusFindsMiljonuAndRanksTheExactWordFirst) {
  std::vector<SearchHit> hits = Find("miljonus", Language::kLatvian);
  ASSERT_GE(hits.size(), 2u);
  EXPECT_TRUE(hits.front().exact);
  EXPECT_NE(hits.front().entry.text.find("miljonus"), std::string::npos);
  // "112 miljonu eiro" is found through the lemma "miljons", after the exact match.
  auto lemma_only = std::find_if(hits.begin(), hits.end(), [](const SearchHit& hit) {
    return hit.entry.text.find("112 miljonu") != std::string::npos;
  });
  ASSERT_NE(lemma_only, hits.end());
  EXPECT_FALSE(lemma_only->exact);
  for (const SearchHit& hit : hits) EXPECT_EQ(hit.entry.language, Language::kLatvian);
}

TEST_F(SearchIndexTest, ExactMatchesComeBeforeLemmaMatches) {
  for (const char* words : {"miljonus", "drones", "droni", "commits", "apņemas"}) {
    std::vector<SearchHit> hits = Find(words);
    ASSERT_FALSE(hits.empty()) << words;
    EXPECT_TRUE(
        std::is_sorted(hits.begin(), hits.end(),
                       [](const SearchHit& a, const SearchHit& b) { return a.exact && !b.exact; }))
        << words;
    for (size_t i = 1; i < hits.size(); ++i) {
      if (hits[i].exact == hits[i - 1].exact) {
        EXPECT_LE(hits[i - 1].score, hits[i].score) << words;
      }
    }
  }
}

TEST_F(SearchIndexTest, DroniFindsDronuThroughTheLightStem) {
  std::vector<SearchHit> hits = Find("droni", Language::kLatvian);
  ASSERT_FALSE(hits.empty());
  EXPECT_TRUE(HasHit(hits, "sec_2__hcontainer_1__para_3", Language::kLatvian));
  for (const SearchHit& hit : hits) {
    ASSERT_FALSE(hit.matches.empty()) << hit.entry.id;
    for (const TextRange& range : hit.matches) {
      EXPECT_EQ(text::FoldSearchWord(Cut(hit, range)).substr(0, 4), "dron") << Cut(hit, range);
    }
  }
}

TEST_F(SearchIndexTest, DronesFindsDrone) {
  std::vector<SearchHit> hits = Find("drones", Language::kEnglish);
  ASSERT_FALSE(hits.empty());
  EXPECT_TRUE(hits.front().exact);
  // Every provision with "Drone" also says "drones"; the lemma marks both words.
  auto coalition = std::find_if(hits.begin(), hits.end(), [](const SearchHit& hit) {
    return hit.entry.id == "sec_2__hcontainer_1__para_3";
  });
  ASSERT_NE(coalition, hits.end());
  std::vector<std::string> cut;
  for (const TextRange& range : coalition->matches) cut.push_back(Cut(*coalition, range));
  EXPECT_EQ(cut, (std::vector<std::string>{"Drone", "drones"}));
}

// An analyst searching for the verb finds the provisions that speak of the noun.
TEST_F(SearchIndexTest, ConsultFindsConsultations) {
  std::vector<SearchHit> hits = Find("consult", Language::kEnglish);
  std::set<std::string> words;
  for (const SearchHit& hit : hits) {
    for (const TextRange& range : hit.matches) words.insert(Cut(hit, range));
  }
  EXPECT_EQ(words, (std::set<std::string>{"consult", "consultation", "consultations"}));
  ASSERT_FALSE(hits.empty());
  // The provision that says "consult" comes before those that say it otherwise.
  EXPECT_TRUE(hits.front().exact);
}

TEST(SearchIndexLemmaTest, AWordFoundOnlyThroughItsLemmaIsNotExact) {
  auto index = SearchIndex::Open(":memory:");
  ASSERT_TRUE(index.ok());
  const std::vector<SearchEntry> entries = {
      {kAgreement, std::string(kProvisionKind), "a", "a", Language::kEnglish, {}, "A drone."},
      {kAgreement, std::string(kProvisionKind), "b", "b", Language::kEnglish, {}, "Two drones."},
      {kAgreement, std::string(kProvisionKind), "c", "c", Language::kEnglish, {}, "A dragon."}};
  ASSERT_TRUE(index.value()->ReplaceAgreement(kAgreement, entries).ok());
  SearchQuery query;
  query.text = "drones";
  std::vector<SearchHit> hits = index.value()->Search(query).value();
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].entry.id, "b");
  EXPECT_TRUE(hits[0].exact);
  EXPECT_EQ(hits[1].entry.id, "a");
  EXPECT_FALSE(hits[1].exact);
  ASSERT_EQ(hits[1].matches.size(), 1u);
  EXPECT_EQ(Cut(hits[1], hits[1].matches.front()), "drone");
}

TEST_F(SearchIndexTest, SearchIsDiacriticInsensitive) {
  std::vector<SearchHit> plain = Find("apnemas", Language::kLatvian);
  std::vector<SearchHit> marked = Find("APŅEMAS", Language::kLatvian);
  // The same hits in the same order: "apņemas" itself first, then through the lemma "apņemt"
  // other words such as "apņemšanās".
  ASSERT_EQ(plain.size(), marked.size());
  for (size_t i = 0; i < plain.size(); ++i) {
    EXPECT_EQ(plain[i].entry.id, marked[i].entry.id);
    EXPECT_EQ(plain[i].exact, marked[i].exact);
  }
  EXPECT_GE(
      std::count_if(plain.begin(), plain.end(), [](const SearchHit& hit) { return hit.exact; }), 5);
  EXPECT_TRUE(std::any_of(plain.begin(), plain.end(), [](const SearchHit& hit) {
    return !hit.exact && !hit.matches.empty() &&
           text::FoldSearchWord(Cut(hit, hit.matches.front())).starts_with("apnemsan");
  }));
  bool saw_apnemas = false;
  for (const TextRange& range : plain.front().matches) {
    saw_apnemas = saw_apnemas || Cut(plain.front(), range) == "apņemas";
  }
  EXPECT_TRUE(saw_apnemas);
}

TEST_F(SearchIndexTest, HighlightRangesCutOutTheMatchedWords) {
  for (const SearchHit& hit : Find("miljonus eiro", Language::kLatvian)) {
    ASSERT_FALSE(hit.matches.empty());
    size_t previous_end = 0;
    bool saw_eiro = false;
    for (const TextRange& range : hit.matches) {
      ASSERT_LE(previous_end, range.begin);
      ASSERT_LT(range.begin, range.end);
      ASSERT_LE(range.end, hit.entry.text.size());
      previous_end = range.end;
      const std::string word = text::FoldSearchWord(Cut(hit, range));
      saw_eiro = saw_eiro || word == "eiro";
      EXPECT_TRUE(word == "eiro" || word.starts_with("miljon")) << word;
    }
    EXPECT_TRUE(saw_eiro) << hit.entry.id;
  }
}

TEST_F(SearchIndexTest, EveryQueryWordMustMatch) {
  EXPECT_TRUE(Find("miljonus zzzzqqq").empty());
  EXPECT_FALSE(Find("Chernihiv reconstruction", Language::kEnglish).empty());
}

TEST_F(SearchIndexTest, QueryWithoutWordsIsAnError) {
  for (const char* words : {"", "   ", "?! … —", "\"\"", "* ( ) : ^ + -"}) {
    SearchQuery query;
    query.text = words;
    Result<std::vector<SearchHit>> hits = index_->Search(query);
    ASSERT_FALSE(hits.ok()) << words;
    EXPECT_NE(hits.error().message.find("no words"), std::string::npos) << hits.error().message;
  }
}

TEST_F(SearchIndexTest, Fts5SyntaxIsTakenLiterally) {
  const size_t plain = Find("miljonus").size();
  ASSERT_GT(plain, 0u);
  // Operators are words that must occur; quotes, stars, carets, parentheses and colons separate.
  EXPECT_TRUE(Find("miljonus OR zzzzqqq").empty());
  EXPECT_TRUE(Find("miljonus NOT eiro").empty());
  EXPECT_TRUE(Find("lemmas:miljons").empty());
  // In English only: Latvian "near" ("does not plough") shares the lemma "art" with "ar" ("with").
  ASSERT_FALSE(Find("million EUR", Language::kEnglish).empty());
  EXPECT_TRUE(Find("NEAR(million EUR)", Language::kEnglish).empty());
  EXPECT_EQ(Find("\"miljonus\"").size(), plain);
  EXPECT_EQ(Find("miljonus*").size(), plain);
  EXPECT_EQ(Find("^miljonus").size(), plain);
  EXPECT_EQ(Find("(miljonus)").size(), plain);
  EXPECT_EQ(Find("{words}: miljonus").size(), 0u);
}

TEST_F(SearchIndexTest, FiltersAndLimit) {
  EXPECT_EQ(Find("Ukraine", Language::kEnglish, 3).size(), 3u);
  for (const SearchHit& hit : Find("NATO", Language::kEnglish)) {
    EXPECT_EQ(hit.entry.language, Language::kEnglish);
  }
  std::vector<SearchHit> both = Find("NATO");
  EXPECT_TRUE(std::any_of(both.begin(), both.end(), [](const SearchHit& hit) {
    return hit.entry.language == Language::kLatvian;
  }));
  EXPECT_TRUE(std::any_of(both.begin(), both.end(), [](const SearchHit& hit) {
    return hit.entry.language == Language::kEnglish;
  }));

  SearchQuery query;
  query.text = "NATO";
  query.agreement_id = "no-such-agreement";
  ASSERT_TRUE(index_->Search(query).ok());
  EXPECT_TRUE(index_->Search(query).value().empty());
  query.agreement_id = kAgreement;
  query.kind = std::string(kCommitmentKind);
  EXPECT_TRUE(index_->Search(query).value().empty());
  query.kind = "article";
  EXPECT_FALSE(index_->Search(query).ok());
  query.kind.clear();
  query.limit = 0;
  EXPECT_FALSE(index_->Search(query).ok());
}

// --- replacing entries ---

SearchEntry Commitment(const std::string& agreement, Language language, const std::string& text) {
  return {agreement,  std::string(kCommitmentKind),
          "c-drones", "sec_2__hcontainer_1__para_3",
          language,   {"2. Military support", "The framework for military support"},
          text};
}

TEST(SearchIndexReplaceTest, CommitmentEntriesAreSearchedBesideProvisions) {
  auto index = SearchIndex::Open(":memory:");
  ASSERT_TRUE(index.ok());
  std::vector<SearchEntry> entries =
      EntriesOf(kAgreement, kPackage + "/en.txt", Language::kEnglish);
  entries.push_back(Commitment(kAgreement, Language::kEnglish,
                               "Latvia leads the Drone Coalition to provide a million drones."));
  entries.push_back(Commitment(kAgreement, Language::kLatvian,
                               "Latvija vada Dronu koalīciju, lai nodrošinātu miljonu dronu."));
  ASSERT_TRUE(index.value()->ReplaceAgreement(kAgreement, entries).ok());

  SearchQuery query;
  query.text = "droni";
  query.kind = std::string(kCommitmentKind);
  Result<std::vector<SearchHit>> hits = index.value()->Search(query);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits.value().size(), 1u);
  const SearchEntry& found = hits.value().front().entry;
  EXPECT_EQ(found.id, "c-drones");
  EXPECT_EQ(found.eid, "sec_2__hcontainer_1__para_3");
  EXPECT_EQ(found.language, Language::kLatvian);
  EXPECT_EQ(found.heading_path.back(), "The framework for military support");
  EXPECT_EQ(hits.value().front().matches.size(), 2u);  // "Dronu" and "dronu"

  query.kind.clear();
  query.text = "drones";
  query.language = Language::kEnglish;
  hits = index.value()->Search(query);
  ASSERT_TRUE(hits.ok());
  EXPECT_TRUE(std::any_of(hits.value().begin(), hits.value().end(),
                          [](const SearchHit& hit) { return hit.entry.kind == kCommitmentKind; }));
  EXPECT_TRUE(std::any_of(hits.value().begin(), hits.value().end(),
                          [](const SearchHit& hit) { return hit.entry.kind == kProvisionKind; }));
}

TEST(SearchIndexReplaceTest, ReplacesOneAgreementAndLeavesTheOthers) {
  auto opened = SearchIndex::Open(":memory:");
  ASSERT_TRUE(opened.ok());
  SearchIndex& index = *opened.value();
  ASSERT_TRUE(
      index.ReplaceAgreement("a", {Commitment("a", Language::kEnglish, "alpha drones")}).ok());
  ASSERT_TRUE(
      index.ReplaceAgreement("b", {Commitment("b", Language::kEnglish, "beta drones")}).ok());
  ASSERT_TRUE(
      index.ReplaceAgreement("a", {Commitment("a", Language::kEnglish, "gamma drones")}).ok());
  EXPECT_EQ(index.Agreements().value(), (std::vector<std::string>{"a", "b"}));
  SearchQuery query;
  query.text = "drones";
  std::vector<SearchHit> hits = index.Search(query).value();
  ASSERT_EQ(hits.size(), 2u);
  query.text = "alpha";
  EXPECT_TRUE(index.Search(query).value().empty());

  ASSERT_TRUE(index.ReplaceAgreement("a", {}).ok());
  EXPECT_EQ(index.Agreements().value(), (std::vector<std::string>{"b"}));
}

TEST(SearchIndexReplaceTest, BadEntriesChangeNothing) {
  auto opened = SearchIndex::Open(":memory:");
  ASSERT_TRUE(opened.ok());
  SearchIndex& index = *opened.value();
  ASSERT_TRUE(index.ReplaceAgreement("a", {Commitment("a", Language::kEnglish, "drones")}).ok());

  SearchEntry wrong_kind = Commitment("a", Language::kEnglish, "other drones");
  wrong_kind.kind = "article";
  SearchEntry no_id = Commitment("a", Language::kEnglish, "other drones");
  no_id.id.clear();
  const std::vector<std::vector<SearchEntry>> bad = {
      {Commitment("b", Language::kEnglish, "other drones")},
      {wrong_kind},
      {no_id},
      {Commitment("a", Language::kEnglish, "one"), Commitment("a", Language::kEnglish, "two")},
  };
  for (const std::vector<SearchEntry>& entries : bad) {
    Result<size_t> result = index.ReplaceAgreement("a", entries);
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("cannot index"), std::string::npos);
  }
  EXPECT_FALSE(index.ReplaceAgreement("", {}).ok());
  SearchQuery query;
  query.text = "drones";
  EXPECT_EQ(index.Search(query).value().size(), 1u);
  query.text = "other";
  EXPECT_TRUE(index.Search(query).value().empty());
}

TEST(SearchIndexUkrainianTest, FindsInflectedFormsAndApostropheWords) {
  auto opened = SearchIndex::Open(":memory:");
  ASSERT_TRUE(opened.ok());
  SearchIndex& index = *opened.value();
  std::vector<SearchEntry> entries = EntriesOf("it-ua-2024", kUkrainianText, Language::kUkrainian);
  ASSERT_FALSE(entries.empty());
  ASSERT_TRUE(index.ReplaceAgreement("it-ua-2024", entries).ok());

  SearchQuery query;
  // The text has "промисловість", "промисловістю" and the genitive "промисловості", whose vowel
  // changes: only the lemma joins it to the others.
  query.text = "промисловість";
  query.language = Language::kUkrainian;
  std::vector<SearchHit> hits = index.Search(query).value();
  ASSERT_FALSE(hits.empty());
  std::set<std::string> cut;
  for (const SearchHit& hit : hits) {
    for (const TextRange& range : hit.matches) cut.insert(Cut(hit, range));
  }
  EXPECT_EQ(cut, (std::set<std::string>{"промисловість", "промисловістю", "промисловості"}));
  query.text = "об'єкти";  // ASCII apostrophe; the text writes "об’єкти"
  hits = index.Search(query).value();
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(Cut(hits.front(), hits.front().matches.front()), "об’єкти");
}

// --- the command ---

class SearchCommandTest : public test::TempFolderTest {
 protected:
  void SetUp() override {
    TempFolderTest::SetUp();
    database_ = (folder_ / "treaty.sqlite").string();
    std::ostringstream out;
    std::ostringstream err;
    ASSERT_EQ(views::RunLoad({kPackage, database_}, out, err), views::kExitOk) << err.str();
    EXPECT_NE(out.str().find("search entries"), std::string::npos) << out.str();
  }

  int Run(views::SearchOptions options) {
    out_.str("");
    err_.str("");
    options.database = database_;
    return views::RunSearch(options, out_, err_);
  }

  std::string database_;
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(SearchCommandTest, TextMarksMatchesWithBracketsOrBold) {
  views::SearchOptions options;
  options.query = "miljonus";
  options.language = Language::kLatvian;
  ASSERT_EQ(Run(options), views::kExitOk) << err_.str();
  const std::string text = out_.str();
  // Commitments are indexed beside the provisions that hold them.
  EXPECT_TRUE(text.starts_with("1. lv-ua-2024 ")) << text;
  EXPECT_NE(text.find(" provision sec_"), std::string::npos) << text;
  EXPECT_NE(text.find(" commitment sec_"), std::string::npos) << text;
  EXPECT_NE(text.find("[miljonus]"), std::string::npos) << text;
  EXPECT_NE(text.find("[miljonu]"), std::string::npos) << text;
  EXPECT_NE(text.find(" › "), std::string::npos) << text;
  EXPECT_EQ(text.find("\x1b["), std::string::npos);

  options.ansi = true;
  ASSERT_EQ(Run(options), views::kExitOk);
  EXPECT_NE(out_.str().find("\x1b[1mmiljonus\x1b[0m"), std::string::npos) << out_.str();

  options.query = "zzzzqqq";
  ASSERT_EQ(Run(options), views::kExitOk);
  EXPECT_EQ(out_.str(), "no matches\n");
}

TEST_F(SearchCommandTest, JsonlGivesSnippetsAndByteRanges) {
  views::SearchOptions options;
  options.query = "drones";
  options.format = "jsonl";
  options.limit = 5;
  ASSERT_EQ(Run(options), views::kExitOk) << err_.str();
  std::istringstream lines(out_.str());
  int count = 0;
  std::set<std::string> kinds;
  for (std::string line; std::getline(lines, line); ++count) {
    const nlohmann::json hit = nlohmann::json::parse(line);
    EXPECT_EQ(hit["agreement"], kAgreement);
    const std::string id = hit["id"];
    const std::string eid = hit["eId"];
    kinds.insert(hit["kind"].get<std::string>());
    if (hit["kind"] == "provision") {
      EXPECT_EQ(id, eid);
    } else {
      // A commitment's id is that of its sentence, inside the provision.
      EXPECT_EQ(hit["kind"], "commitment");
      EXPECT_TRUE(id.starts_with(eid + "__sent_")) << id;
    }
    EXPECT_TRUE(hit["heading"].is_array());
    const std::string text = hit["text"];
    ASSERT_FALSE(hit["matches"].empty());
    for (const nlohmann::json& match : hit["matches"]) {
      const size_t start = match["start"];
      const size_t end = match["end"];
      EXPECT_EQ(text.substr(start, end - start), match["text"]);
    }
    // The snippet is cut around the first match.
    EXPECT_NE(hit["snippet"].get<std::string>().find(hit["matches"][0]["text"].get<std::string>()),
              std::string::npos);
  }
  EXPECT_EQ(count, 5);
  EXPECT_EQ(kinds, (std::set<std::string>{"commitment", "provision"}));
}

TEST_F(SearchCommandTest, CommitmentsAreFoundInBothLanguages) {
  views::SearchOptions options;
  options.query = "drones";
  options.kind = "commitment";
  options.format = "jsonl";
  ASSERT_EQ(Run(options), views::kExitOk) << err_.str();
  // "…partners … to the Drone Coalition for Ukraine": the second sentence has only "Drone".
  bool drone_only = false;
  std::istringstream lines(out_.str());
  for (std::string line; std::getline(lines, line);) {
    const nlohmann::json hit = nlohmann::json::parse(line);
    EXPECT_EQ(hit["kind"], "commitment");
    if (hit["id"] == "sec_2__hcontainer_5__para_1__sent_2" && hit["language"] == "en") {
      drone_only = !hit["exact"].get<bool>() && hit["matches"].size() == 1 &&
                   hit["matches"][0]["text"] == "Drone";
      EXPECT_EQ(hit["heading"].back(), "The Drone Coalition for Ukraine");
    }
  }
  EXPECT_TRUE(drone_only) << out_.str();

  options.query = "dronu koalīcijā";
  options.language = Language::kLatvian;
  ASSERT_EQ(Run(options), views::kExitOk) << err_.str();
  EXPECT_NE(out_.str().find("\"id\":\"sec_2__hcontainer_1__para_3__sent_2\""), std::string::npos)
      << out_.str();
}

TEST_F(SearchCommandTest, BadInputExitsWithTwo) {
  views::SearchOptions options;
  options.query = " *:() ";
  EXPECT_EQ(Run(options), views::kExitBadInput);
  EXPECT_NE(err_.str().find("treaty search: the query has no words"), std::string::npos)
      << err_.str();

  options.query = "drones";
  options.agreement = "xx-ua-2024";
  EXPECT_EQ(Run(options), views::kExitBadInput);
  EXPECT_NE(err_.str().find("not indexed"), std::string::npos) << err_.str();

  options.agreement.clear();
  options.format = "xml";
  EXPECT_EQ(Run(options), views::kExitBadInput);
  options.format = "text";
  options.kind = "article";
  EXPECT_EQ(Run(options), views::kExitBadInput);

  options.kind.clear();
  database_ = (folder_ / "missing.sqlite").string();
  EXPECT_EQ(Run(options), views::kExitBadInput);
  EXPECT_NE(err_.str().find("no such database"), std::string::npos) << err_.str();
}

}  // namespace
}  // namespace treaty::store
