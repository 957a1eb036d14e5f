// An embedded store of agreements and their parsed texts in one SQLite file. The schema is in
// README.md beside this file.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "document/agreement_package.h"
#include "document/node.h"
#include "store/sqlite/sqlite_handle.h"
#include "store/sqlite/sqlite_open.h"

namespace treaty::store {

// Every error names the database path (Error::where) and carries SQLite's message when SQLite
// reported the failure. Not thread safe: use one SqliteStore per thread; several processes may
// share a file (WAL mode, 5 s busy timeout).
class SqliteStore {
 public:
  // Opens `path`, creating the file and the schema when missing (PRAGMA user_version = 1), with
  // WAL journaling and foreign keys on. ":memory:" gives a private in-memory store. With
  // SqliteOpenMode::kReadExisting nothing is made or changed: a missing file or schema is an
  // error. Errors: the folder of `path` does not exist, the file is not a SQLite database, its
  // schema version is not 1, or any SQLite failure.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                   SqliteOpenMode mode = SqliteOpenMode::kCreate);

  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  // Replaces everything stored under `package.id` with `package` and `texts` in one transaction:
  // saving the same input twice leaves the same rows. Returns true when an agreement with that id
  // was already stored. On error nothing changes. Errors: an empty id, two texts in one language,
  // an eid starting with '#' (reserved for synthetic keys), or any SQLite failure.
  Result<bool> SaveAgreement(const document::AgreementPackage& package,
                             const std::vector<document::Document>& texts);

  // Ids of the stored agreements, in ascending byte order.
  Result<std::vector<std::string>> ListAgreements() const;

  // The package as saved (text files as they were resolved when saved). Errors: no such id, or
  // stored metadata that no longer validates.
  Result<document::AgreementPackage> LoadAgreement(const std::string& id) const;

  // Rebuilds the saved Document of `agreement_id` in `language` ("lv", "en", "uk"): the same
  // fields, node types, eids, spans and child order as were saved. Errors: unknown language code,
  // no such text, or rows that do not form a tree.
  Result<document::Document> LoadDocument(const std::string& agreement_id,
                                          const std::string& language) const;

  const std::string& path() const { return path_; }

 private:
  SqliteStore(std::string path, DatabaseHandle db);

  std::string path_;
  DatabaseHandle db_;
};

}  // namespace treaty::store
