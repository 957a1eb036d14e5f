#include "store/sqlite/document_store.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "store/sqlite/sqlite_open.h"
#include "store/sqlite/sqlite_statement.h"
#include "text/language.h"

namespace treaty::store {

namespace {

using document::Document;
using document::Node;
using document::NodeType;

constexpr int kSchemaVersion = 1;

// Keep in step with README.md.
constexpr char kSchema[] = R"sql(
CREATE TABLE agreements (
  id TEXT PRIMARY KEY,
  metadata TEXT NOT NULL
);
CREATE TABLE texts (
  agreement_id TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  language TEXT NOT NULL,
  source_name TEXT NOT NULL,
  layout TEXT NOT NULL,
  source_size INTEGER NOT NULL,
  title TEXT NOT NULL,
  warnings TEXT NOT NULL,
  header_comments TEXT NOT NULL,
  PRIMARY KEY (agreement_id, language)
);
CREATE TABLE nodes (
  agreement_id TEXT NOT NULL,
  language TEXT NOT NULL,
  ord INTEGER NOT NULL,
  eid TEXT NOT NULL,
  parent_eid TEXT,
  type TEXT NOT NULL,
  num TEXT NOT NULL,
  heading TEXT NOT NULL,
  text TEXT NOT NULL,
  norm_begin INTEGER NOT NULL,
  norm_end INTEGER NOT NULL,
  source_begin INTEGER NOT NULL,
  source_end INTEGER NOT NULL,
  first_line INTEGER NOT NULL,
  last_line INTEGER NOT NULL,
  PRIMARY KEY (agreement_id, language, ord),
  FOREIGN KEY (agreement_id, language) REFERENCES texts (agreement_id, language)
    ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX nodes_by_eid ON nodes (agreement_id, language, eid);
PRAGMA user_version = 1;
)sql";

// The root and the body have no eid; their rows use "#" + the type name ("#document", "#body"),
// which no Akoma Ntoso eid can be.
constexpr char kSyntheticKeyMark = '#';

std::string NodeKey(const Node& node) {
  if (!node.eid.empty()) return node.eid;
  return kSyntheticKeyMark + std::string(document::NodeTypeName(node.type));
}

std::string ToJsonArray(const std::vector<std::string>& items) {
  return nlohmann::json(items).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<std::vector<std::string>> FromJsonArray(const std::string& text) {
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_array()) return std::nullopt;
  std::vector<std::string> items;
  for (const nlohmann::json& item : parsed) {
    if (!item.is_string()) return std::nullopt;
    items.push_back(item.get<std::string>());
  }
  return items;
}

size_t ColumnSize(sqlite3_stmt* statement, int column) {
  return static_cast<size_t>(sqlite3_column_int64(statement, column));
}

// Wraps the calls on one connection so that every failure becomes an Error naming the database.
class Connection {
 public:
  Connection(sqlite3* db, const std::string& path) : db_(db), path_(path) {}

  Error Fail(std::string_view what) const { return Error{SqliteFailure(db_, what), path_}; }
  Error Corrupt(std::string_view what) const {
    return Error{"stored data is damaged: " + std::string(what), path_};
  }

  // Runs one or more statements that return no rows the caller needs.
  std::optional<Error> Execute(const char* sql, std::string_view what) const {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) == SQLITE_OK) return std::nullopt;
    Error error{SqliteFailure(db_, what, message), path_};
    sqlite3_free(message);
    return error;
  }

  Result<StatementHandle> Prepare(const char* sql) const {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql, -1, &raw, nullptr);
    StatementHandle statement(raw);
    if (rc != SQLITE_OK) return Fail("cannot prepare a statement");
    return statement;
  }

  // Steps a statement that returns no rows, then resets it for reuse.
  std::optional<Error> Run(sqlite3_stmt* statement, const Binder& binder,
                           std::string_view what) const {
    if (!binder.ok()) return Fail(std::string(what) + ": cannot bind a value");
    int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (rc != SQLITE_DONE) return Fail(what);
    return std::nullopt;
  }

  sqlite3* db() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  sqlite3* db_;
  const std::string& path_;
};

Result<int> ReadSchemaVersion(const Connection& connection) {
  Result<StatementHandle> statement = connection.Prepare("PRAGMA user_version");
  if (!statement.ok()) return statement.error();
  if (sqlite3_step(statement.value().get()) != SQLITE_ROW) {
    return connection.Fail("cannot read the schema version");
  }
  return sqlite3_column_int(statement.value().get(), 0);
}

// Creates the schema in an empty database; leaves a current one alone.
std::optional<Error> EnsureSchema(const Connection& connection) {
  Result<int> version = ReadSchemaVersion(connection);
  if (!version.ok()) return version.error();
  if (version.value() == kSchemaVersion) return std::nullopt;
  if (version.value() == 0) {
    // IMMEDIATE: of two processes creating the same file, the second waits and then sees version 1.
    if (auto error = connection.Execute("BEGIN IMMEDIATE", "cannot start a transaction")) {
      return error;
    }
    RollbackGuard guard(connection.db());
    version = ReadSchemaVersion(connection);
    if (!version.ok()) return version.error();
    if (version.value() == 0) {
      if (auto error = connection.Execute(kSchema, "cannot create the schema")) return error;
    }
    if (auto error = connection.Execute("COMMIT", "cannot commit the schema")) return error;
    version = ReadSchemaVersion(connection);
    if (!version.ok()) return version.error();
  }
  if (version.value() != kSchemaVersion) {
    return Error{"schema version " + std::to_string(version.value()) +
                     " is not supported (this program reads version " +
                     std::to_string(kSchemaVersion) + ")",
                 connection.path()};
  }
  return std::nullopt;
}

// Inserts `node` and its descendants in document order, numbering rows from `ord`.
std::optional<Error> InsertNodes(const Connection& connection, sqlite3_stmt* insert,
                                 const std::string& agreement_id, std::string_view language,
                                 const Node& node, const std::string* parent_key, int64_t& ord) {
  if (!node.eid.empty() && node.eid.front() == kSyntheticKeyMark) {
    return Error{"cannot save eid \"" + node.eid + "\": a leading '#' is reserved",
                 connection.path()};
  }
  const std::string key = NodeKey(node);
  Binder binder(insert);
  binder.Text(agreement_id).Text(language).Int(ord++).Text(key);
  if (parent_key != nullptr) {
    binder.Text(*parent_key);
  } else {
    binder.Null();
  }
  binder.Text(document::NodeTypeName(node.type))
      .Text(node.num)
      .Text(node.heading)
      .Text(node.text)
      .Int(static_cast<int64_t>(node.begin))
      .Int(static_cast<int64_t>(node.end))
      .Int(static_cast<int64_t>(node.source_begin))
      .Int(static_cast<int64_t>(node.source_end))
      .Int(node.first_line)
      .Int(node.last_line);
  if (auto error = connection.Run(insert, binder, "cannot insert a node")) return error;
  for (const Node& child : node.children) {
    if (auto error = InsertNodes(connection, insert, agreement_id, language, child, &key, ord)) {
      return error;
    }
  }
  return std::nullopt;
}

std::optional<Error> InsertText(const Connection& connection, const std::string& agreement_id,
                                const Document& document) {
  Result<StatementHandle> text_insert = connection.Prepare(
      "INSERT INTO texts (agreement_id, language, source_name, layout, source_size, title, "
      "warnings, header_comments) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!text_insert.ok()) return text_insert.error();
  const std::string_view language = text::LanguageCode(document.language);
  Binder binder(text_insert.value().get());
  binder.Text(agreement_id)
      .Text(language)
      .Text(document.source_name)
      .Text(text::LayoutName(document.layout))
      .Int(static_cast<int64_t>(document.source_size))
      .Text(document.Title())
      .Text(ToJsonArray(document.warnings))
      .Text(ToJsonArray(document.header_comments));
  if (auto error = connection.Run(text_insert.value().get(), binder, "cannot insert a text")) {
    return error;
  }

  Result<StatementHandle> node_insert = connection.Prepare(
      "INSERT INTO nodes (agreement_id, language, ord, eid, parent_eid, type, num, heading, text, "
      "norm_begin, norm_end, source_begin, source_end, first_line, last_line) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!node_insert.ok()) return node_insert.error();
  int64_t ord = 0;
  return InsertNodes(connection, node_insert.value().get(), agreement_id, language, document.root,
                     nullptr, ord);
}

// Reads the node rows of one text, in document order, back into `root`.
std::optional<Error> ReadNodes(const Connection& connection, const std::string& agreement_id,
                               std::string_view language, Node& root) {
  Result<StatementHandle> select = connection.Prepare(
      "SELECT ord, eid, parent_eid, type, num, heading, text, norm_begin, norm_end, source_begin, "
      "source_end, first_line, last_line FROM nodes WHERE agreement_id = ? AND language = ? "
      "ORDER BY ord");
  if (!select.ok()) return select.error();
  sqlite3_stmt* statement = select.value().get();
  Binder binder(statement);
  binder.Text(agreement_id).Text(language);
  if (!binder.ok()) return connection.Fail("cannot bind a value");

  // The open path from the root to the previous row; a row's parent is on it (document order).
  std::vector<std::pair<std::string, Node*>> path;
  int rc;
  while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
    const int64_t ord = sqlite3_column_int64(statement, 0);
    const std::string row = "node row " + std::to_string(ord) + ": ";
    std::string key = ColumnText(statement, 1);
    const bool has_parent = sqlite3_column_type(statement, 2) != SQLITE_NULL;
    const std::string parent_key = ColumnText(statement, 2);
    std::optional<NodeType> type = document::ParseNodeTypeName(ColumnText(statement, 3));
    if (!type) return connection.Corrupt(row + "unknown type " + ColumnText(statement, 3));

    Node* node = nullptr;
    if (!has_parent) {
      if (!path.empty()) return connection.Corrupt(row + "a second root");
      node = &root;
    } else {
      while (!path.empty() && path.back().first != parent_key) path.pop_back();
      if (path.empty()) {
        return connection.Corrupt(row + "parent \"" + parent_key + "\" is not an ancestor");
      }
      Node* parent = path.back().second;
      parent->children.emplace_back();
      node = &parent->children.back();
    }
    node->type = *type;
    node->eid = !key.empty() && key.front() == kSyntheticKeyMark ? std::string() : key;
    node->num = ColumnText(statement, 4);
    node->heading = ColumnText(statement, 5);
    node->text = ColumnText(statement, 6);
    node->begin = ColumnSize(statement, 7);
    node->end = ColumnSize(statement, 8);
    node->source_begin = ColumnSize(statement, 9);
    node->source_end = ColumnSize(statement, 10);
    node->first_line = sqlite3_column_int(statement, 11);
    node->last_line = sqlite3_column_int(statement, 12);
    path.emplace_back(std::move(key), node);
  }
  if (rc != SQLITE_DONE) return connection.Fail("cannot read nodes");
  if (path.empty()) return connection.Corrupt("the text has no node rows");
  return std::nullopt;
}

}  // namespace

SqliteStore::SqliteStore(std::string path, DatabaseHandle db)
    : path_(std::move(path)), db_(std::move(db)) {}

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       SqliteOpenMode mode) {
  if (mode == SqliteOpenMode::kReadExisting) {
    Result<DatabaseHandle> db = OpenSqliteFile(path, mode, "treaty load");
    if (!db.ok()) return db.error();
    Connection connection(db.value().get(), path);
    Result<int> version = ReadSchemaVersion(connection);
    if (!version.ok()) return version.error();
    Result<bool> has_agreements = HasSqliteTable(db.value().get(), path, "agreements");
    if (!has_agreements.ok()) return has_agreements.error();
    if (!has_agreements.value()) {
      return Error{"holds no loaded agreement (treaty load makes it)", path};
    }
    if (version.value() != kSchemaVersion) {
      return Error{"schema version " + std::to_string(version.value()) +
                       " is not supported (this program reads version " +
                       std::to_string(kSchemaVersion) + ")",
                   path};
    }
    return std::unique_ptr<SqliteStore>(new SqliteStore(path, std::move(db).value()));
  }
  const bool on_disk = path != ":memory:" && !path.starts_with("file:");
  if (on_disk) {
    std::error_code ec;
    std::filesystem::path folder = std::filesystem::path(path).parent_path();
    if (!folder.empty() && !std::filesystem::is_directory(folder, ec)) {
      return Error{"cannot create the database: folder " + folder.string() + " does not exist",
                   path};
    }
  }
  Result<DatabaseHandle> opened = OpenSqliteFile(path, SqliteOpenMode::kCreate, "treaty load");
  if (!opened.ok()) return opened.error();
  DatabaseHandle db = std::move(opened).value();
  Connection connection(db.get(), path);
  // journal_mode answers with a row; an in-memory database stays in "memory" mode. page_size
  // applies only to a new file, whose ledger tables share it (docs/ledger-format.md §6.4).
  if (auto error = connection.Execute(
          "PRAGMA foreign_keys = ON; PRAGMA page_size = 16384; PRAGMA journal_mode = WAL;",
          "cannot set up the connection")) {
    return *error;
  }
  if (auto error = EnsureSchema(connection)) return *error;
  return std::unique_ptr<SqliteStore>(new SqliteStore(path, std::move(db)));
}

Result<bool> SqliteStore::SaveAgreement(const document::AgreementPackage& package,
                                        const std::vector<Document>& texts) {
  Connection connection(db_.get(), path_);
  if (package.id.empty()) return Error{"cannot save an agreement without an id", path_};
  for (size_t i = 0; i < texts.size(); ++i) {
    for (size_t k = 0; k < i; ++k) {
      if (texts[k].language == texts[i].language) {
        return Error{"cannot save agreement \"" + package.id + "\": two texts in language " +
                         std::string(text::LanguageCode(texts[i].language)),
                     path_};
      }
    }
  }

  if (auto error = connection.Execute("BEGIN IMMEDIATE", "cannot start a transaction")) {
    return *error;
  }
  RollbackGuard guard(db_.get());

  Result<StatementHandle> exists = connection.Prepare("SELECT 1 FROM agreements WHERE id = ?");
  if (!exists.ok()) return exists.error();
  Binder exists_binder(exists.value().get());
  exists_binder.Text(package.id);
  if (!exists_binder.ok()) return connection.Fail("cannot bind a value");
  const int exists_rc = sqlite3_step(exists.value().get());
  if (exists_rc != SQLITE_ROW && exists_rc != SQLITE_DONE) {
    return connection.Fail("cannot look up the agreement");
  }
  const bool replaced = exists_rc == SQLITE_ROW;
  sqlite3_reset(exists.value().get());

  for (const char* sql :
       {"DELETE FROM nodes WHERE agreement_id = ?", "DELETE FROM texts WHERE agreement_id = ?",
        "DELETE FROM agreements WHERE id = ?"}) {
    Result<StatementHandle> remove = connection.Prepare(sql);
    if (!remove.ok()) return remove.error();
    Binder binder(remove.value().get());
    binder.Text(package.id);
    if (auto error = connection.Run(remove.value().get(), binder, "cannot remove the old rows")) {
      return *error;
    }
  }

  Result<StatementHandle> insert =
      connection.Prepare("INSERT INTO agreements (id, metadata) VALUES (?, ?)");
  if (!insert.ok()) return insert.error();
  Binder binder(insert.value().get());
  binder.Text(package.id).Text(document::AgreementPackageToJson(package));
  if (auto error = connection.Run(insert.value().get(), binder, "cannot insert the agreement")) {
    return *error;
  }
  for (const Document& document : texts) {
    if (auto error = InsertText(connection, package.id, document)) return *error;
  }
  if (auto error = connection.Execute("COMMIT", "cannot commit")) return *error;
  return replaced;
}

Result<std::vector<std::string>> SqliteStore::ListAgreements() const {
  Connection connection(db_.get(), path_);
  Result<StatementHandle> select = connection.Prepare("SELECT id FROM agreements ORDER BY id");
  if (!select.ok()) return select.error();
  std::vector<std::string> ids;
  int rc;
  while ((rc = sqlite3_step(select.value().get())) == SQLITE_ROW) {
    ids.push_back(ColumnText(select.value().get(), 0));
  }
  if (rc != SQLITE_DONE) return connection.Fail("cannot list agreements");
  return ids;
}

Result<document::AgreementPackage> SqliteStore::LoadAgreement(const std::string& id) const {
  Connection connection(db_.get(), path_);
  Result<StatementHandle> select =
      connection.Prepare("SELECT metadata FROM agreements WHERE id = ?");
  if (!select.ok()) return select.error();
  Binder binder(select.value().get());
  binder.Text(id);
  if (!binder.ok()) return connection.Fail("cannot bind a value");
  int rc = sqlite3_step(select.value().get());
  if (rc == SQLITE_DONE) return Error{"no agreement \"" + id + "\"", path_};
  if (rc != SQLITE_ROW) return connection.Fail("cannot read agreement \"" + id + "\"");
  return document::ParseAgreementPackage(ColumnText(select.value().get(), 0),
                                         path_ + ": agreement " + id);
}

Result<Document> SqliteStore::LoadDocument(const std::string& agreement_id,
                                           const std::string& language) const {
  Connection connection(db_.get(), path_);
  std::optional<text::Language> parsed_language = text::ParseLanguageCode(language);
  if (!parsed_language) {
    return Error{"unknown language code \"" + language + "\" (expected lv, en or uk)", path_};
  }
  Result<StatementHandle> select = connection.Prepare(
      "SELECT source_name, layout, source_size, warnings, header_comments FROM texts "
      "WHERE agreement_id = ? AND language = ?");
  if (!select.ok()) return select.error();
  sqlite3_stmt* statement = select.value().get();
  Binder binder(statement);
  binder.Text(agreement_id).Text(language);
  if (!binder.ok()) return connection.Fail("cannot bind a value");
  int rc = sqlite3_step(statement);
  if (rc == SQLITE_DONE) {
    return Error{"no " + language + " text of agreement \"" + agreement_id + "\"", path_};
  }
  if (rc != SQLITE_ROW) return connection.Fail("cannot read the text");

  Document document;
  document.language = *parsed_language;
  document.source_name = ColumnText(statement, 0);
  std::optional<text::Layout> layout = text::ParseLayoutName(ColumnText(statement, 1));
  std::optional<std::vector<std::string>> warnings = FromJsonArray(ColumnText(statement, 3));
  std::optional<std::vector<std::string>> comments = FromJsonArray(ColumnText(statement, 4));
  if (!layout || !warnings || !comments) {
    return connection.Corrupt("the " + language + " text of agreement \"" + agreement_id +
                              "\" has an unreadable layout, warnings or header comments");
  }
  document.layout = *layout;
  document.source_size = ColumnSize(statement, 2);
  document.warnings = std::move(*warnings);
  document.header_comments = std::move(*comments);
  if (auto error = ReadNodes(connection, agreement_id, language, document.root)) return *error;
  return document;
}

}  // namespace treaty::store
