// Helpers over sqlite3 statements and transactions shared by the SQLite stores.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include <sqlite3.h>

namespace treaty::store {

// Binds parameters 1, 2, … of a statement in order, remembering the first failure. By default
// SQLite copies text and blobs; kBorrow binds them without copying (SQLITE_STATIC), which
// REQUIRES the bound bytes to stay unchanged until the statement has been stepped and reset.
class Binder {
 public:
  enum Bytes { kCopy, kBorrow };

  explicit Binder(sqlite3_stmt* statement, Bytes bytes = kCopy)
      : statement_(statement), destructor_(bytes == kCopy ? SQLITE_TRANSIENT : SQLITE_STATIC) {}

  Binder& Text(std::string_view value) {
    // A null pointer would bind SQL NULL; an empty value must stay an empty string.
    const char* data = value.data() != nullptr ? value.data() : "";
    return Check(
        sqlite3_bind_text(statement_, ++index_, data, static_cast<int>(value.size()), destructor_));
  }
  // An empty value binds NULL (optional columns).
  Binder& TextOrNull(std::string_view value) { return value.empty() ? Null() : Text(value); }
  Binder& Blob(const void* data, size_t size) {
    return Check(sqlite3_bind_blob(statement_, ++index_, size ? data : "", static_cast<int>(size),
                                   destructor_));
  }
  Binder& Blob(std::span<const std::uint8_t> bytes) { return Blob(bytes.data(), bytes.size()); }
  Binder& Int(int64_t value) { return Check(sqlite3_bind_int64(statement_, ++index_, value)); }
  Binder& Null() { return Check(sqlite3_bind_null(statement_, ++index_)); }
  bool ok() const { return rc_ == SQLITE_OK; }

 private:
  Binder& Check(int rc) {
    if (rc_ == SQLITE_OK) rc_ = rc;
    return *this;
  }

  sqlite3_stmt* statement_;
  sqlite3_destructor_type destructor_;
  int index_ = 0;
  int rc_ = SQLITE_OK;
};

// The text of a column as stored, embedded NULs included; NULL reads as "".
inline std::string ColumnText(sqlite3_stmt* statement, int column) {
  const unsigned char* data = sqlite3_column_text(statement, column);
  if (data == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(data),
                     static_cast<size_t>(sqlite3_column_bytes(statement, column)));
}

// Rolls back an open transaction when it goes out of scope: a failed write changes nothing.
class RollbackGuard {
 public:
  explicit RollbackGuard(sqlite3* db) : db_(db) {}
  ~RollbackGuard() {
    if (sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  RollbackGuard(const RollbackGuard&) = delete;
  RollbackGuard& operator=(const RollbackGuard&) = delete;

 private:
  sqlite3* db_;
};

}  // namespace treaty::store
