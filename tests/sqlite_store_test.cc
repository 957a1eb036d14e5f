#include "store/sqlite/document_store.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "node_builder.h"
#include "temp_folder_test_base.h"

namespace treaty::store {
namespace {

namespace fs = std::filesystem;
using document::AgreementPackage;
using document::Document;
using document::Node;
using document::NodeType;

using test::MakeNode;
using test::WithSpan;

// A small agreement with every level the tree can have: title, preamble, body, sections,
// an unnumbered sub-heading, paragraphs, points and sentences.
Document MakeDocument(text::Language language) {
  Document document;
  document.language = language;
  document.layout = text::Layout::kPdfTextLayer;
  document.source_name = "agreement.txt";
  document.source_size = 4096;
  document.header_comments = {"source: a test"};
  document.warnings = {"a heading was guessed", "Ļoti īpašs brīdinājums"};

  Node& root = document.root;
  root = WithSpan(MakeNode(NodeType::kDocument, "", "", "", ""), 0, 1);
  root.children.push_back(WithSpan(MakeNode(NodeType::kTitle, "title", "", "", "Agreement"), 0, 1));
  Node preamble = WithSpan(MakeNode(NodeType::kPreamble, "preamble", "", "", ""), 10, 3);
  preamble.children.push_back(WithSpan(
      MakeNode(NodeType::kParagraph, "preamble__para_1", "", "", "The Participants agree."), 10,
      3));
  root.children.push_back(preamble);

  Node body = WithSpan(MakeNode(NodeType::kBody, "", "", "", ""), 40, 5);
  Node scope = WithSpan(MakeNode(NodeType::kSection, "sec_1", "1.", "Scope", ""), 40, 5);
  Node para =
      WithSpan(MakeNode(NodeType::kParagraph, "sec_1__para_1", "", "", "Latvia will:"), 50, 6);
  para.children.push_back(WithSpan(
      MakeNode(NodeType::kPoint, "sec_1__para_1__point_a", "a)", "", "train soldiers;"), 62, 7));
  para.children.push_back(WithSpan(
      MakeNode(NodeType::kPoint, "sec_1__para_1__point_b", "b)", "", "buy drones."), 80, 8));
  scope.children.push_back(para);
  Node sentences = WithSpan(MakeNode(NodeType::kParagraph, "sec_1__para_2", "", "", ""), 95, 9);
  sentences.children.push_back(
      WithSpan(MakeNode(NodeType::kSentence, "sec_1__para_2__sent_1", "", "", "One."), 95, 9));
  sentences.children.push_back(
      WithSpan(MakeNode(NodeType::kSentence, "sec_1__para_2__sent_2", "", "", "Two."), 100, 9));
  scope.children.push_back(sentences);
  body.children.push_back(scope);

  Node support = WithSpan(MakeNode(NodeType::kSection, "sec_2", "2.", "Support", ""), 110, 11);
  Node training =
      WithSpan(MakeNode(NodeType::kHcontainer, "sec_2__hcontainer_1", "", "Training", ""), 120, 12);
  training.children.push_back(WithSpan(
      MakeNode(NodeType::kParagraph, "sec_2__hcontainer_1__para_1", "", "", "Ūdens un zeme."), 130,
      13));
  support.children.push_back(training);
  body.children.push_back(support);
  root.children.push_back(body);
  root.children.push_back(
      WithSpan(MakeNode(NodeType::kConclusions, "conclusions", "", "", ""), 200, 20));
  return document;
}

AgreementPackage MakePackage(const std::string& id) {
  AgreementPackage package;
  package.id = id;
  package.title = "Agreement on Security Cooperation";
  package.parties = {{"XX", "Somewhere"}, {"UA", "Ukraine"}};
  package.signed_date = "2024-04-11";
  package.signed_place = "Vilnius";
  package.entry_into_force = "on signature";
  package.entry_into_force_date = "2024-04-11";
  package.term = "P10Y";
  package.authentic_languages = {text::Language::kEnglish, text::Language::kLatvian};
  package.prevailing_language = text::Language::kEnglish;
  package.texts = {{text::Language::kEnglish, "/packages/" + id + "/en.txt",
                    text::Layout::kOneParagraphPerLine, "written for a test"},
                   {text::Language::kLatvian, "/packages/" + id + "/lv.txt",
                    text::Layout::kPdfTextLayer, "written for a test"}};
  package.notes = {"no Ukrainian text"};
  return package;
}

void ExpectSameTree(const Node& expected, const Node& actual, const std::string& where) {
  SCOPED_TRACE(where + expected.eid);
  EXPECT_EQ(actual.type, expected.type);
  EXPECT_EQ(actual.eid, expected.eid);
  EXPECT_EQ(actual.num, expected.num);
  EXPECT_EQ(actual.heading, expected.heading);
  EXPECT_EQ(actual.text, expected.text);
  EXPECT_EQ(actual.begin, expected.begin);
  EXPECT_EQ(actual.end, expected.end);
  EXPECT_EQ(actual.source_begin, expected.source_begin);
  EXPECT_EQ(actual.source_end, expected.source_end);
  EXPECT_EQ(actual.first_line, expected.first_line);
  EXPECT_EQ(actual.last_line, expected.last_line);
  ASSERT_EQ(actual.children.size(), expected.children.size());
  for (size_t i = 0; i < expected.children.size(); ++i) {
    ExpectSameTree(expected.children[i], actual.children[i], where + "/" + std::to_string(i));
  }
}

class SqliteStoreTest : public test::TempFolderTest {
 protected:
  void SetUp() override {
    TempFolderTest::SetUp();
    path_ = (folder_ / "treaty.db").string();
  }

  std::unique_ptr<SqliteStore> OpenStore() {
    Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_);
    EXPECT_TRUE(store.ok()) << store.error().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  // Runs a one-number query on its own connection, as another reader of the file would.
  int64_t QueryNumber(const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK) << sql;
    int64_t value = -1;
    if (sqlite3_step(statement) == SQLITE_ROW) value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
  }

  std::string path_;
};

TEST_F(SqliteStoreTest, RoundTripsAHandBuiltDocument) {
  std::unique_ptr<SqliteStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  const Document english = MakeDocument(text::Language::kEnglish);
  const Document latvian = MakeDocument(text::Language::kLatvian);
  Result<bool> saved = store->SaveAgreement(MakePackage("xx-ua-2024"), {english, latvian});
  ASSERT_TRUE(saved.ok()) << saved.error().ToString();
  EXPECT_FALSE(saved.value());

  Result<Document> loaded = store->LoadDocument("xx-ua-2024", "lv");
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  const Document& document = loaded.value();
  EXPECT_EQ(document.language, text::Language::kLatvian);
  EXPECT_EQ(document.layout, latvian.layout);
  EXPECT_EQ(document.source_name, latvian.source_name);
  EXPECT_EQ(document.source_size, latvian.source_size);
  EXPECT_EQ(document.header_comments, latvian.header_comments);
  EXPECT_EQ(document.warnings, latvian.warnings);
  EXPECT_EQ(document.Title(), "Agreement");
  ExpectSameTree(latvian.root, document.root, "root");
}

TEST_F(SqliteStoreTest, StoresRootAndBodyUnderSyntheticKeys) {
  std::unique_ptr<SqliteStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(
      store->SaveAgreement(MakePackage("xx-ua-2024"), {MakeDocument(text::Language::kEnglish)})
          .ok());
  EXPECT_EQ(QueryNumber("SELECT ord FROM nodes WHERE eid = '#document' AND parent_eid IS NULL"), 0);
  EXPECT_EQ(QueryNumber("SELECT COUNT(*) FROM nodes WHERE eid = '#body'"), 1);
  EXPECT_EQ(QueryNumber("SELECT COUNT(*) FROM nodes WHERE parent_eid = '#body'"), 2);
}

TEST_F(SqliteStoreTest, ResavingReplacesRatherThanDuplicates) {
  std::unique_ptr<SqliteStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  const AgreementPackage package = MakePackage("xx-ua-2024");
  const std::vector<Document> texts = {MakeDocument(text::Language::kEnglish),
                                       MakeDocument(text::Language::kLatvian)};
  ASSERT_TRUE(store->SaveAgreement(package, texts).ok());
  int64_t nodes_per_text = 0;
  document::Walk(texts[0].root, [&](const Node&, int) { ++nodes_per_text; });
  const int64_t nodes = QueryNumber("SELECT COUNT(*) FROM nodes");
  EXPECT_EQ(nodes, 2 * nodes_per_text);

  Result<bool> again = store->SaveAgreement(package, texts);
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  EXPECT_TRUE(again.value());
  EXPECT_EQ(QueryNumber("SELECT COUNT(*) FROM nodes"), nodes);
  EXPECT_EQ(QueryNumber("SELECT COUNT(*) FROM texts"), 2);
  EXPECT_EQ(QueryNumber("SELECT COUNT(*) FROM agreements"), 1);

  // A smaller save leaves nothing of the larger one behind.
  Document shorter = MakeDocument(text::Language::kEnglish);
  shorter.root.children.resize(1);
  ASSERT_TRUE(store->SaveAgreement(package, {shorter}).ok());
  EXPECT_EQ(QueryNumber("SELECT COUNT(*) FROM nodes"), 2);
  EXPECT_FALSE(store->LoadDocument("xx-ua-2024", "lv").ok());
  Result<Document> loaded = store->LoadDocument("xx-ua-2024", "en");
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  ExpectSameTree(shorter.root, loaded.value().root, "root");
}

TEST_F(SqliteStoreTest, SavesOtherAgreementsIndependently) {
  std::unique_ptr<SqliteStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(
      store->SaveAgreement(MakePackage("yy-ua-2024"), {MakeDocument(text::Language::kEnglish)})
          .ok());
  ASSERT_TRUE(
      store->SaveAgreement(MakePackage("xx-ua-2024"), {MakeDocument(text::Language::kEnglish)})
          .ok());
  ASSERT_TRUE(store->SaveAgreement(MakePackage("xx-ua-2024"), {}).ok());

  Result<std::vector<std::string>> ids = store->ListAgreements();
  ASSERT_TRUE(ids.ok()) << ids.error().ToString();
  EXPECT_EQ(ids.value(), (std::vector<std::string>{"xx-ua-2024", "yy-ua-2024"}));
  EXPECT_TRUE(store->LoadDocument("yy-ua-2024", "en").ok());
  EXPECT_FALSE(store->LoadDocument("xx-ua-2024", "en").ok());
}

TEST_F(SqliteStoreTest, LoadsTheSavedPackage) {
  std::unique_ptr<SqliteStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  const AgreementPackage package = MakePackage("xx-ua-2024");
  ASSERT_TRUE(store->SaveAgreement(package, {}).ok());
  Result<AgreementPackage> loaded = store->LoadAgreement("xx-ua-2024");
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  EXPECT_EQ(loaded.value().title, package.title);
  ASSERT_EQ(loaded.value().parties.size(), 2u);
  EXPECT_EQ(loaded.value().parties[0].code, "XX");
  EXPECT_EQ(loaded.value().signed_date, "2024-04-11");
  EXPECT_EQ(loaded.value().entry_into_force, "on signature");
  EXPECT_EQ(loaded.value().term, "P10Y");
  EXPECT_EQ(loaded.value().authentic_languages, package.authentic_languages);
  EXPECT_EQ(loaded.value().prevailing_language, package.prevailing_language);
  ASSERT_EQ(loaded.value().texts.size(), 2u);
  EXPECT_EQ(loaded.value().texts[1].file, package.texts[1].file);
  EXPECT_EQ(loaded.value().texts[1].layout, text::Layout::kPdfTextLayer);
  EXPECT_EQ(loaded.value().notes, package.notes);
}

TEST_F(SqliteStoreTest, KeepsDataAcrossReopening) {
  {
    std::unique_ptr<SqliteStore> store = OpenStore();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(
        store->SaveAgreement(MakePackage("xx-ua-2024"), {MakeDocument(text::Language::kEnglish)})
            .ok());
  }
  std::unique_ptr<SqliteStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  Result<Document> loaded = store->LoadDocument("xx-ua-2024", "en");
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  ExpectSameTree(MakeDocument(text::Language::kEnglish).root, loaded.value().root, "root");
  EXPECT_EQ(QueryNumber("PRAGMA user_version"), 1);
}

TEST_F(SqliteStoreTest, UsesWriteAheadLogging) {
  ASSERT_NE(OpenStore(), nullptr);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &statement, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)), "wal");
  sqlite3_finalize(statement);
  sqlite3_close(db);
}

TEST_F(SqliteStoreTest, RejectsTwoTextsInOneLanguageAndKeepsTheOldRows) {
  std::unique_ptr<SqliteStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  const Document english = MakeDocument(text::Language::kEnglish);
  ASSERT_TRUE(store->SaveAgreement(MakePackage("xx-ua-2024"), {english}).ok());
  Result<bool> saved = store->SaveAgreement(MakePackage("xx-ua-2024"), {english, english});
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.error().where, path_);
  EXPECT_TRUE(store->LoadDocument("xx-ua-2024", "en").ok());
}

TEST_F(SqliteStoreTest, FailedSaveChangesNothing) {
  std::unique_ptr<SqliteStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  const Document english = MakeDocument(text::Language::kEnglish);
  ASSERT_TRUE(store->SaveAgreement(MakePackage("xx-ua-2024"), {english}).ok());
  Document bad = MakeDocument(text::Language::kLatvian);
  bad.root.children[0].eid = "#title";
  Result<bool> saved = store->SaveAgreement(MakePackage("xx-ua-2024"), {english, bad});
  ASSERT_FALSE(saved.ok());
  EXPECT_NE(saved.error().message.find("#title"), std::string::npos);
  EXPECT_EQ(QueryNumber("SELECT COUNT(*) FROM texts"), 1);
  Result<Document> loaded = store->LoadDocument("xx-ua-2024", "en");
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  ExpectSameTree(english.root, loaded.value().root, "root");
}

TEST_F(SqliteStoreTest, MissingAgreementOrTextIsAnError) {
  std::unique_ptr<SqliteStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  Result<AgreementPackage> package = store->LoadAgreement("nothing");
  ASSERT_FALSE(package.ok());
  EXPECT_EQ(package.error().where, path_);
  EXPECT_NE(package.error().message.find("nothing"), std::string::npos);

  Result<Document> document = store->LoadDocument("nothing", "en");
  ASSERT_FALSE(document.ok());
  EXPECT_EQ(document.error().where, path_);

  Result<Document> unknown_language = store->LoadDocument("nothing", "de");
  ASSERT_FALSE(unknown_language.ok());
  EXPECT_NE(unknown_language.error().message.find("\"de\""), std::string::npos);
}

TEST_F(SqliteStoreTest, OpeningAPathInAMissingDirectoryFails) {
  const std::string path = (folder_ / "missing" / "treaty.db").string();
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().where, path);
  EXPECT_NE(store.error().message.find("does not exist"), std::string::npos)
      << store.error().message;
  EXPECT_FALSE(fs::exists(folder_ / "missing"));
}

TEST_F(SqliteStoreTest, OpeningAFileThatIsNotADatabaseSaysWhatToDo) {
  std::ofstream(path_) << "This is not a database, only some text that is long enough. "
                          "SQLite reads the first hundred bytes as its header and rejects them.\n";
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().where, path_);
  EXPECT_EQ(store.error().message, "not an SQLite database: give the path of the database file");
}

TEST(SqliteStore, InMemoryStoreWorksWithoutAFile) {
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(":memory:");
  ASSERT_TRUE(store.ok()) << store.error().ToString();
  const Document english = MakeDocument(text::Language::kEnglish);
  ASSERT_TRUE(store.value()->SaveAgreement(MakePackage("xx-ua-2024"), {english}).ok());
  Result<Document> loaded = store.value()->LoadDocument("xx-ua-2024", "en");
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  ExpectSameTree(english.root, loaded.value().root, "root");
}

}  // namespace
}  // namespace treaty::store
