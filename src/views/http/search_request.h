// The search of a request (`?q=`, `?kind=`, `?lang=`, `?limit=`) in the site's agreement, as
// GET /api/v1/search and the /search page run it: the same parameters, the same errors.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/sqlite/search_index.h"
#include "views/http/site.h"

namespace treaty::http {

inline constexpr size_t kMostSearchHits = 999;  // the largest `limit` a search takes

// The hits of a search, or why there are none: `status` 400 for the request's parameters, 503 for
// an index that cannot be read or holds no text of the agreement; `message` says what to the
// caller, and `logged` is a store's failure, for the request log alone.

struct SearchOutcome {
  std::vector<store::SearchHit> hits;
  int status = 200;
  std::string message;
  std::optional<Error> logged;
  size_t limit = 0;  // the most hits the search was asked for
};

SearchOutcome RunSearch(Site& site, const std::map<std::string, std::string>& query);

}  // namespace treaty::http
