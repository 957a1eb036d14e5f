// GET /search: the words of the agreement's texts and commitments, found as GET /api/v1/search
// finds them, with the matched words marked.
#include <string>
#include <vector>

#include <ctemplate/template.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "evaluation/amount_text.h"
#include "text/language.h"
#include "views/http/page.h"
#include "views/http/routes.h"
#include "views/http/search_request.h"

namespace treaty::http {
namespace {

using ctemplate::TemplateDictionary;

HttpResponse SearchPage(Site& site, RequestContext& context) {
  auto query = context.request.Query();
  TemplateDictionary body("search");
  body.SetValue("Q", query["q"]);
  std::vector<std::pair<std::string, std::string>> languages = {{"", "any"}};
  for (const std::string& code : commitments::LanguageCodes(site.agreement())) {
    languages.emplace_back(code, LanguageName(code));
  }
  AddOptions(body, "LANGUAGE_OPTION", languages, query["lang"]);
  AddOptions(body, "KIND_OPTION",
             {{"", "provisions and commitments"},
              {std::string(store::kProvisionKind), "provisions"},
              {std::string(store::kCommitmentKind), "commitments"}},
             query["kind"]);
  // The page without words is the form alone.
  if (query["q"].empty()) return RenderPage(context, "search", "Search", "search.tpl", body);
  SearchOutcome searched = RunSearch(site, query);
  if (searched.status != 200) {
    body.SetValueAndShowSection("MESSAGE", searched.message, "SEARCH_ERROR");
    HttpResponse page =
        RenderPage(context, "search", "Search", "search.tpl", body, searched.status);
    if (searched.logged) page.log_detail = searched.logged->ToString();
    return page;
  }
  TemplateDictionary* results = body.AddSectionDictionary("RESULTS");
  results->SetValue("COUNT_TEXT",
                    evaluation::CountOf(static_cast<int64_t>(searched.hits.size()), "hit", "hits"));
  // A page of as many hits as it may hold has more behind it, most likely: it offers them all
  // (the most a search gives), with the same words, language and kind.
  if (!searched.hits.empty() && searched.hits.size() == searched.limit &&
      searched.limit < kMostSearchHits) {
    TemplateDictionary* limited = results->AddSectionDictionary("LIMITED");
    std::string all = "/search?q=" + PercentEncode(query["q"]);
    for (const char* name : {"lang", "kind"}) {
      if (!query[name].empty()) all += fmt::format("&{}={}", name, PercentEncode(query[name]));
    }
    limited->SetValue("ALL_HREF", fmt::format("{}&limit={}", all, kMostSearchHits));
    if (query["lang"].empty()) limited->ShowSection("NO_LANGUAGE");
  }
  for (const store::SearchHit& hit : searched.hits) {
    TemplateDictionary* row = results->AddSectionDictionary("HIT");
    const std::string language(text::LanguageCode(hit.entry.language));
    const bool commitment = hit.entry.kind == store::kCommitmentKind;
    row->SetValue("KIND", commitment ? "commitment" : "provision");
    row->SetValue("ID", hit.entry.id);
    row->SetValue("HREF", commitment ? "/commitments/" + hit.entry.id
                                     : "/text#" + TextParagraphId(language, hit.entry.eid));
    row->SetValue("LANGUAGE", language);
    row->SetValue("LANGUAGE_NAME", LanguageName(language));
    if (!hit.entry.heading_path.empty()) {
      row->SetValueAndShowSection(
          "TEXT", fmt::format("{}", fmt::join(hit.entry.heading_path, " › ")), "HEADINGS");
    }
    std::vector<MarkedRange> marks;
    for (const store::TextRange& match : hit.matches) marks.push_back({match.begin, match.end, ""});
    AddMarkedPieces(*row, hit.entry.text, marks);
  }
  return RenderPage(context, "search", "Search", "search.tpl", body);
}

}  // namespace

void AddSearchPage(Router& router, Site& site) {
  router.Add({"GET", "/search", Access::kPublic,
              [&site](RequestContext& context) { return SearchPage(site, context); }, false});
}

}  // namespace treaty::http
