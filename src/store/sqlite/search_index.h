// A full-text index of agreements' provisions and commitments, in every language, kept in the same
// SQLite file as the documents (its own tables; schema in README.md beside this file). Words are
// matched case- and diacritic-insensitively ("apnemas" finds "apņemas") and through their lemmas
// ("miljonus" finds "miljonu", "drones" finds "drone"); see text/search_words.h.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "document/node.h"
#include "store/sqlite/sqlite_handle.h"
#include "store/sqlite/sqlite_open.h"
#include "text/language.h"

namespace treaty::store {

inline constexpr std::string_view kProvisionKind = "provision";
inline constexpr std::string_view kCommitmentKind = "commitment";

// The unit indexed: a provision's own words, or a commitment's, in one language. ProvisionEntries
// makes the provisions'; the caller makes the commitments' (the store does not read that stage).
struct SearchEntry {
  std::string agreement_id;
  std::string kind;  // kProvisionKind or kCommitmentKind
  std::string id;    // a provision's eId, or a commitment's id
  std::string eid;   // the provision the entry belongs to (a provision's own eId)
  text::Language language = text::Language::kEnglish;
  // The headings above the provision, outermost first, each with its number when it has one:
  // {"2. Areas of military support and security cooperation", "The Drone Coalition for Ukraine"}.
  std::vector<std::string> heading_path;
  std::string text;  // the words searched and highlighted
};

// One entry per paragraph and point of `document` that has words of its own (a paragraph with
// points has the words before its first point), in document order.
std::vector<SearchEntry> ProvisionEntries(const std::string& agreement_id,
                                          const document::Document& document);

struct SearchQuery {
  // Words, taken literally: punctuation separates them, and FTS5 syntax (AND, OR, NOT, NEAR, *,
  // ^, quotes, parentheses, column filters) is text like any other. An entry matches when it has
  // every word, as written or through a lemma.
  std::string text;
  std::optional<text::Language> language;  // only entries in this language; all when absent
  std::string agreement_id;                // only this agreement; all when empty
  std::string kind;                        // kProvisionKind or kCommitmentKind; both when empty
  size_t limit = 20;                       // at most this many hits
};

struct TextRange {
  size_t begin = 0;  // [begin, end), bytes
  size_t end = 0;
  bool operator==(const TextRange&) const = default;
};

struct SearchHit {
  SearchEntry entry;
  bool exact =
      false;         // every query word occurs in the entry as written (case and diacritics aside)
  double score = 0;  // FTS5 bm25, surface words weighted above lemmas: lower is better
  std::vector<TextRange> matches;  // the matched words in entry.text, ascending, disjoint
};

// Not thread safe: use one SearchIndex per thread. It opens its own connection, so it can sit
// beside a SqliteStore on the same file (WAL mode, 5 s busy timeout).
class SearchIndex {
 public:
  // Opens `path`, creating the file and the index tables when missing. ":memory:" gives a private
  // in-memory index. With SqliteOpenMode::kReadExisting nothing is made or changed: a missing file
  // or index is an error. Errors: any SQLite failure, or an SQLite without FTS5.
  static Result<std::unique_ptr<SearchIndex>> Open(const std::string& path,
                                                   SqliteOpenMode mode = SqliteOpenMode::kCreate);

  SearchIndex(const SearchIndex&) = delete;
  SearchIndex& operator=(const SearchIndex&) = delete;

  // Replaces every entry of `agreement_id` with `entries` in one transaction and returns how many
  // were written. On error nothing changes. Errors: an empty agreement id, an entry of another
  // agreement, an unknown kind, an empty id, two entries with the same kind, id and language, or
  // any SQLite failure.
  Result<size_t> ReplaceAgreement(const std::string& agreement_id,
                                  const std::vector<SearchEntry>& entries);

  // The entries matching `query`: those with every word as written first, then by score, then in
  // the order they were indexed. Errors: a query without words ("the query has no words"), an
  // unknown kind, a zero limit, or any SQLite failure.
  Result<std::vector<SearchHit>> Search(const SearchQuery& query) const;

  // Ids of the agreements with entries, in ascending byte order.
  Result<std::vector<std::string>> Agreements() const;
  // Codes of the languages with entries of `agreement` (of every agreement when empty), in
  // ascending byte order.
  Result<std::vector<std::string>> Languages(const std::string& agreement) const;

  const std::string& path() const { return path_; }

 private:
  SearchIndex(std::string path, DatabaseHandle db);

  std::string path_;
  DatabaseHandle db_;
};

}  // namespace treaty::store
