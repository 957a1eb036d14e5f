#include "store/sqlite/search_index.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <set>
#include <tuple>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "store/sqlite/sqlite_open.h"
#include "store/sqlite/sqlite_statement.h"
#include "text/search_words.h"

namespace treaty::store {

namespace {

using document::Node;
using document::NodeType;

// Keep in step with README.md. Created when missing; the document schema's user_version does not
// cover these tables, which are rebuilt from the documents by every load.
constexpr char kSchema[] = R"sql(
CREATE TABLE IF NOT EXISTS search_entries (
  entry_id INTEGER PRIMARY KEY,
  agreement_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('provision', 'commitment')),
  id TEXT NOT NULL,
  eid TEXT NOT NULL,
  language TEXT NOT NULL,
  heading_path TEXT NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (agreement_id, kind, id, language)
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_terms USING fts5 (
  words, lemmas, tokenize = 'unicode61 remove_diacritics 2'
);
)sql";

// bm25 column weights: a word as written counts more than a shared lemma.
constexpr double kWordsWeight = 4.0;
constexpr double kLemmasWeight = 1.0;

// A longer query is refused rather than turned into a very long MATCH expression.
constexpr size_t kMaxQueryWords = 32;

// One query word: its folded form and its lemmas in every language searched.
struct QueryWord {
  std::string folded;
  std::vector<std::string> lemmas;
};

// A prepared statement and the Binder of its parameters; Step reports a failed binding.
class Statement {
 public:
  explicit Statement(StatementHandle handle) : handle_(std::move(handle)), binder_(handle_.get()) {}

  Binder& Bind() { return binder_; }
  // Steps once: SQLITE_ROW, SQLITE_DONE, or an error code (SQLITE_ERROR for a failed binding).
  int Step() { return binder_.ok() ? sqlite3_step(get()) : SQLITE_ERROR; }
  // Clears the bindings so that the statement can run again.
  void Reset() {
    sqlite3_reset(get());
    sqlite3_clear_bindings(get());
    binder_ = Binder(get());
  }
  std::string Column(int column) const { return ColumnText(get(), column); }
  sqlite3_stmt* get() const { return handle_.get(); }

 private:
  StatementHandle handle_;
  Binder binder_;
};

Error Fail(sqlite3* db, const std::string& path, std::string_view what) {
  return Error{SqliteFailure(db, what), path};
}

Result<Statement> Prepare(sqlite3* db, const std::string& path, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
  StatementHandle handle(raw);
  if (rc != SQLITE_OK) return Fail(db, path, "cannot prepare a statement");
  return Statement(std::move(handle));
}

std::optional<Error> Execute(sqlite3* db, const std::string& path, const char* sql,
                             std::string_view what) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK) return std::nullopt;
  Error error{SqliteFailure(db, what, message), path};
  sqlite3_free(message);
  return error;
}

// An FTS5 string: the term in double quotes, inner quotes doubled. Inside quotes nothing is an
// operator, so user words can never become FTS5 syntax.
std::string Quoted(std::string_view term) {
  std::string quoted = "\"";
  for (char c : term) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

// Every word as written, or through a lemma: (words : "w" OR lemmas : "w" OR lemmas : "l") AND ...
std::string AnyFormExpression(const std::vector<QueryWord>& words) {
  std::string expression;
  for (const QueryWord& word : words) {
    if (!expression.empty()) expression += " AND ";
    expression += "(words : " + Quoted(word.folded) + " OR lemmas : " + Quoted(word.folded);
    for (const std::string& lemma : word.lemmas) expression += " OR lemmas : " + Quoted(lemma);
    expression += ")";
  }
  return expression;
}

// Every word as written: words : "w" AND ...
std::string WrittenFormExpression(const std::vector<QueryWord>& words) {
  std::string expression;
  for (const QueryWord& word : words) {
    if (!expression.empty()) expression += " AND ";
    expression += "words : " + Quoted(word.folded);
  }
  return expression;
}

// The byte ranges of the words of `entry` that a query word matches, as the MATCH expression
// does: the same folded form, or a lemma equal to the query word or to one of its lemmas.
std::vector<TextRange> MatchedWords(const SearchEntry& entry, const std::vector<QueryWord>& query) {
  std::set<std::string, std::less<>> forms;
  std::set<std::string, std::less<>> terms;
  for (const QueryWord& word : query) {
    forms.insert(word.folded);
    terms.insert(word.folded);
    terms.insert(word.lemmas.begin(), word.lemmas.end());
  }
  std::vector<TextRange> ranges;
  for (const text::SearchWord& word : text::SearchWords(entry.language, entry.text)) {
    const bool matched =
        forms.contains(word.folded) ||
        std::any_of(word.lemmas.begin(), word.lemmas.end(),
                    [&](const std::string& lemma) { return terms.contains(lemma); });
    if (matched) ranges.push_back({word.begin, word.end});
  }
  return ranges;
}

std::string HeadingLabel(const Node& node) {
  if (node.num.empty()) return node.heading;
  if (node.heading.empty()) return node.num;
  return node.num + " " + node.heading;
}

bool HasWords(std::string_view text) { return !text::SplitSearchWords(text).empty(); }

void CollectProvisions(const std::string& agreement_id, text::Language language, const Node& node,
                       std::vector<std::string>& heading_path, std::vector<SearchEntry>& entries) {
  const bool heading = document::IsHeadingContainer(node.type) && !HeadingLabel(node).empty();
  if (heading) heading_path.push_back(HeadingLabel(node));
  if ((node.type == NodeType::kParagraph || node.type == NodeType::kPoint) && !node.eid.empty() &&
      HasWords(node.text)) {
    entries.push_back({agreement_id, std::string(kProvisionKind), node.eid, node.eid, language,
                       heading_path, node.text});
  }
  for (const Node& child : node.children) {
    CollectProvisions(agreement_id, language, child, heading_path, entries);
  }
  if (heading) heading_path.pop_back();
}

std::optional<Error> CheckEntries(const std::string& agreement_id,
                                  const std::vector<SearchEntry>& entries,
                                  const std::string& path) {
  if (agreement_id.empty()) return Error{"cannot index an agreement without an id", path};
  std::set<std::tuple<std::string_view, std::string_view, text::Language>> keys;
  for (const SearchEntry& entry : entries) {
    const std::string what = "cannot index " + entry.kind + " \"" + entry.id + "\" (" +
                             std::string(text::LanguageCode(entry.language)) + ")";
    if (entry.agreement_id != agreement_id) {
      return Error{what + ": it belongs to agreement \"" + entry.agreement_id + "\", not \"" +
                       agreement_id + "\"",
                   path};
    }
    if (entry.kind != kProvisionKind && entry.kind != kCommitmentKind) {
      return Error{what + ": the kind is neither provision nor commitment", path};
    }
    if (entry.id.empty()) return Error{what + ": the id is empty", path};
    if (!keys.emplace(entry.kind, entry.id, entry.language).second) {
      return Error{what + ": indexed twice", path};
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<SearchEntry> ProvisionEntries(const std::string& agreement_id,
                                          const document::Document& document) {
  std::vector<SearchEntry> entries;
  std::vector<std::string> heading_path;
  CollectProvisions(agreement_id, document.language, document.root, heading_path, entries);
  return entries;
}

SearchIndex::SearchIndex(std::string path, DatabaseHandle db)
    : path_(std::move(path)), db_(std::move(db)) {}

Result<std::unique_ptr<SearchIndex>> SearchIndex::Open(const std::string& path,
                                                       SqliteOpenMode mode) {
  Result<DatabaseHandle> opened = OpenSqliteFile(path, mode, "treaty load");
  if (!opened.ok()) return opened.error();
  DatabaseHandle db = std::move(opened).value();
  if (mode == SqliteOpenMode::kReadExisting) {
    Result<bool> has_index = HasSqliteTable(db.get(), path, "search_entries");
    if (!has_index.ok()) return has_index.error();
    if (!has_index.value()) return Error{"holds no search index (treaty load builds it)", path};
    return std::unique_ptr<SearchIndex>(new SearchIndex(path, std::move(db)));
  }
  if (auto error =
          Execute(db.get(), path, "PRAGMA journal_mode = WAL;", "cannot set up the connection")) {
    return *error;
  }
  if (auto error = Execute(db.get(), path, kSchema, "cannot create the search index")) {
    return *error;
  }
  return std::unique_ptr<SearchIndex>(new SearchIndex(path, std::move(db)));
}

Result<size_t> SearchIndex::ReplaceAgreement(const std::string& agreement_id,
                                             const std::vector<SearchEntry>& entries) {
  sqlite3* db = db_.get();
  if (auto error = CheckEntries(agreement_id, entries, path_)) return *error;
  // Lemmatise before taking the write lock: Hunspell is the slow part.
  std::vector<std::pair<std::string, std::string>> columns;
  columns.reserve(entries.size());
  for (const SearchEntry& entry : entries) {
    std::vector<std::string> words;
    std::vector<std::string> lemmas;
    for (text::SearchWord& word : text::SearchWords(entry.language, entry.text)) {
      words.push_back(std::move(word.folded));
      for (std::string& lemma : word.lemmas) lemmas.push_back(std::move(lemma));
    }
    columns.emplace_back(fmt::format("{}", fmt::join(words, " ")),
                         fmt::format("{}", fmt::join(lemmas, " ")));
  }

  if (auto error = Execute(db, path_, "BEGIN IMMEDIATE", "cannot start a transaction")) {
    return *error;
  }
  RollbackGuard guard(db);
  for (const char* sql : {"DELETE FROM search_terms WHERE rowid IN "
                          "(SELECT entry_id FROM search_entries WHERE agreement_id = ?)",
                          "DELETE FROM search_entries WHERE agreement_id = ?"}) {
    Result<Statement> remove = Prepare(db, path_, sql);
    if (!remove.ok()) return remove.error();
    remove.value().Bind().Text(agreement_id);
    if (remove.value().Step() != SQLITE_DONE) {
      return Fail(db, path_, "cannot remove the old entries");
    }
  }
  Result<Statement> insert_entry = Prepare(
      db, path_,
      "INSERT INTO search_entries (agreement_id, kind, id, eid, language, heading_path, text) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!insert_entry.ok()) return insert_entry.error();
  Result<Statement> insert_terms =
      Prepare(db, path_, "INSERT INTO search_terms (rowid, words, lemmas) VALUES (?, ?, ?)");
  if (!insert_terms.ok()) return insert_terms.error();
  for (size_t i = 0; i < entries.size(); ++i) {
    const SearchEntry& entry = entries[i];
    Statement& row = insert_entry.value();
    row.Bind()
        .Text(entry.agreement_id)
        .Text(entry.kind)
        .Text(entry.id)
        .Text(entry.eid)
        .Text(text::LanguageCode(entry.language))
        .Text(nlohmann::json(entry.heading_path)
                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
        .Text(entry.text);
    if (row.Step() != SQLITE_DONE) return Fail(db, path_, "cannot insert an entry");
    row.Reset();
    Statement& terms = insert_terms.value();
    terms.Bind().Int(sqlite3_last_insert_rowid(db)).Text(columns[i].first).Text(columns[i].second);
    if (terms.Step() != SQLITE_DONE) return Fail(db, path_, "cannot index an entry");
    terms.Reset();
  }
  if (auto error = Execute(db, path_, "COMMIT", "cannot commit")) return *error;
  return entries.size();
}

Result<std::vector<SearchHit>> SearchIndex::Search(const SearchQuery& query) const {
  sqlite3* db = db_.get();
  if (!query.kind.empty() && query.kind != kProvisionKind && query.kind != kCommitmentKind) {
    return Error{"unknown kind \"" + query.kind + "\" (expected provision or commitment)", path_};
  }
  if (query.limit == 0) return Error{"the limit must be at least 1", path_};

  // Lemmatise the query in the languages searched: the one asked for, or those indexed.
  std::vector<text::Language> languages;
  if (query.language) {
    languages.push_back(*query.language);
  } else {
    Result<std::vector<std::string>> indexed = Languages("");
    if (!indexed.ok()) return indexed.error();
    for (const std::string& code : indexed.value()) {
      if (auto language = text::ParseLanguageCode(code)) languages.push_back(*language);
    }
  }
  std::vector<QueryWord> words;
  for (const auto& [begin, end] : text::SplitSearchWords(query.text)) {
    const std::string_view surface = std::string_view(query.text).substr(begin, end - begin);
    QueryWord word{text::FoldSearchWord(surface), {}};
    if (word.folded.empty()) continue;
    for (text::Language language : languages) {
      for (std::string& lemma : text::QueryLemmas(language, surface)) {
        if (std::find(word.lemmas.begin(), word.lemmas.end(), lemma) == word.lemmas.end()) {
          word.lemmas.push_back(std::move(lemma));
        }
      }
    }
    words.push_back(std::move(word));
  }
  if (words.empty()) {
    return Error{"the query has no words to search for (only punctuation or symbols)", path_};
  }
  if (words.size() > kMaxQueryWords) {
    return Error{"the query has " + std::to_string(words.size()) + " words; at most " +
                     std::to_string(kMaxQueryWords) + " are searched",
                 path_};
  }

  const std::string sql =
      "SELECT e.agreement_id, e.kind, e.id, e.eid, e.language, e.heading_path, e.text, "
      "bm25(search_terms, " +
      std::to_string(kWordsWeight) + ", " + std::to_string(kLemmasWeight) +
      ") AS score, "
      "search_terms.rowid IN (SELECT rowid FROM search_terms WHERE search_terms MATCH ?) AS exact "
      "FROM search_terms JOIN search_entries AS e ON e.entry_id = search_terms.rowid "
      "WHERE search_terms MATCH ? AND (?3 IS NULL OR e.language = ?3) "
      "AND (?4 IS NULL OR e.agreement_id = ?4) AND (?5 IS NULL OR e.kind = ?5) "
      "ORDER BY exact DESC, score, e.entry_id LIMIT ?6";
  Result<Statement> select = Prepare(db, path_, sql.c_str());
  if (!select.ok()) return select.error();
  Statement& statement = select.value();
  statement.Bind()
      .Text(WrittenFormExpression(words))
      .Text(AnyFormExpression(words))
      .TextOrNull(query.language ? text::LanguageCode(*query.language) : std::string_view())
      .TextOrNull(query.agreement_id)
      .TextOrNull(query.kind)
      .Int(
          static_cast<int64_t>(std::min<size_t>(query.limit, std::numeric_limits<int64_t>::max())));
  std::vector<SearchHit> hits;
  int rc;
  while ((rc = statement.Step()) == SQLITE_ROW) {
    SearchHit hit;
    SearchEntry& entry = hit.entry;
    entry.agreement_id = statement.Column(0);
    entry.kind = statement.Column(1);
    entry.id = statement.Column(2);
    entry.eid = statement.Column(3);
    std::optional<text::Language> language = text::ParseLanguageCode(statement.Column(4));
    nlohmann::json path = nlohmann::json::parse(statement.Column(5), nullptr, false);
    if (!language || !path.is_array()) {
      return Error{"stored data is damaged: search entry \"" + entry.id + "\"", path_};
    }
    entry.language = *language;
    for (const nlohmann::json& heading : path) {
      if (heading.is_string()) entry.heading_path.push_back(heading.get<std::string>());
    }
    entry.text = statement.Column(6);
    hit.score = sqlite3_column_double(statement.get(), 7);
    hit.exact = sqlite3_column_int(statement.get(), 8) != 0;
    hit.matches = MatchedWords(entry, words);
    hits.push_back(std::move(hit));
  }
  if (rc != SQLITE_DONE) return Fail(db, path_, "cannot search");
  return hits;
}

Result<std::vector<std::string>> SearchIndex::Agreements() const {
  Result<Statement> select = Prepare(
      db_.get(), path_, "SELECT DISTINCT agreement_id FROM search_entries ORDER BY agreement_id");
  if (!select.ok()) return select.error();
  std::vector<std::string> ids;
  int rc;
  while ((rc = select.value().Step()) == SQLITE_ROW) ids.push_back(select.value().Column(0));
  if (rc != SQLITE_DONE) return Fail(db_.get(), path_, "cannot list the indexed agreements");
  return ids;
}

Result<std::vector<std::string>> SearchIndex::Languages(const std::string& agreement) const {
  Result<Statement> select = Prepare(db_.get(), path_,
                                     "SELECT DISTINCT language FROM search_entries "
                                     "WHERE ?1 = '' OR agreement_id = ?1 ORDER BY language");
  if (!select.ok()) return select.error();
  select.value().Bind().Text(agreement);
  std::vector<std::string> codes;
  int rc;
  while ((rc = select.value().Step()) == SQLITE_ROW) codes.push_back(select.value().Column(0));
  if (rc != SQLITE_DONE) return Fail(db_.get(), path_, "cannot list the indexed languages");
  return codes;
}

}  // namespace treaty::store
