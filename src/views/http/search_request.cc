#include "views/http/search_request.h"

#include <algorithm>

#include <fmt/format.h>

#include "text/language.h"
#include "text/utf8.h"

namespace treaty::http {
namespace {

SearchOutcome Refused(int status, std::string message, std::optional<Error> logged = {}) {
  return {{}, status, std::move(message), std::move(logged)};
}

}  // namespace

SearchOutcome RunSearch(Site& site, const std::map<std::string, std::string>& query) {
  auto parameter = [&query](const char* name) {
    const auto found = query.find(name);
    return found == query.end() ? std::string() : found->second;
  };
  store::SearchQuery search;
  search.text = parameter("q");
  if (search.text.empty()) return Refused(400, "q: required, the words to find");
  if (std::optional<std::string> problem = text::InvalidUtf8Problem(search.text)) {
    return Refused(400, "q: " + *problem);
  }
  search.agreement_id = site.agreement_id();
  search.kind = parameter("kind");
  if (!search.kind.empty() && search.kind != store::kProvisionKind &&
      search.kind != store::kCommitmentKind) {
    return Refused(400, "kind: provision or commitment");
  }
  if (const std::string language = parameter("lang"); !language.empty()) {
    search.language = text::ParseLanguageCode(language);
    // A code that is no language is refused naming the agreement's texts, as a missing one is.
    if (!search.language) {
      return Refused(
          400, "lang: " + *text::MissingTextProblem(site.agreement_id(), language,
                                                    commitments::LanguageCodes(site.agreement())));
    }
  }
  if (const std::string limit = parameter("limit"); !limit.empty()) {
    if (limit.size() > 3 || limit.find_first_not_of("0123456789") != std::string::npos ||
        std::stoul(limit) < 1 || std::stoul(limit) > kMostSearchHits) {
      return Refused(400, fmt::format("limit: 1 to {}", kMostSearchHits));
    }
    search.limit = std::stoul(limit);
  }
  Result<Pool<store::SearchIndex>::Lease> index = site.search().Acquire();
  if (!index.ok()) return Refused(503, index.error().ToString());
  if (search.language) {
    // A language the agreement has no text in would read as "no such words", as in `treaty search`.
    Result<std::vector<std::string>> languages = index.value()->Languages(site.agreement_id());
    if (!languages.ok()) return Refused(503, "the search index failed", languages.error());
    // None at all: nothing is indexed, which the search says below.
    if (std::optional<std::string> missing = text::MissingTextProblem(
            site.agreement_id(), text::LanguageCode(*search.language), languages.value());
        missing && !languages.value().empty()) {
      return Refused(400, "lang: " + *missing);
    }
  }
  Result<std::vector<store::SearchHit>> hits = index.value()->Search(search);
  if (!hits.ok()) return Refused(400, hits.error().message);
  if (!hits.value().empty()) return {std::move(hits).value(), 200, "", std::nullopt, search.limit};
  // No hits from an index that holds nothing of the agreement would read as "no such words": the
  // caller is told what is missing instead, as `treaty search` does.
  Result<std::vector<std::string>> indexed = index.value()->Agreements();
  if (!indexed.ok()) return Refused(503, "the search index failed", indexed.error());
  if (std::find(indexed.value().begin(), indexed.value().end(), site.agreement_id()) ==
      indexed.value().end()) {
    return Refused(503,
                   "the texts are not indexed for search: run treaty load on the server's "
                   "database");
  }
  return {{}, 200, "", std::nullopt, search.limit};
}

}  // namespace treaty::http
