// The agreement as the text and commitments stages give it: metadata, provisions by eId and
// language, commitments with filters, search, and the Akoma Ntoso export.
#include <algorithm>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "document/alignment.h"
#include "store/sqlite/search_hit_json.h"
#include "store/sqlite/search_index.h"
#include "text/language.h"
#include "views/export/akn_writer.h"
#include "views/http/commitment_filter.h"
#include "views/http/routes.h"
#include "views/http/search_request.h"

namespace treaty::http {
namespace {

nlohmann::json AgreementJson(const Site& site) {
  const document::AgreementPackage& package = site.agreement().package;
  nlohmann::json parties = nlohmann::json::array();
  for (const document::Party& party : package.parties) {
    parties.push_back({{"code", party.code}, {"name", party.name}});
  }
  const nlohmann::json languages = commitments::LanguageCodes(site.agreement());
  nlohmann::json json = {
      {"id", package.id},
      {"title", package.title},
      {"short_title", package.short_title},
      {"parties", parties},
      {"signed", {{"date", package.signed_date}, {"place", package.signed_place}}},
      {"entry_into_force", package.entry_into_force},
      {"term", package.term},
      {"languages", languages},
      // What /api/v1/commitments lists: commitments and procedures, not statements or context.
      {"commitments",
       std::count_if(
           site.agreement().reviewed.begin(), site.agreement().reviewed.end(),
           [](const commitments::Commitment& c) { return CommitmentFilter{}.Matches(c); })}};
  if (package.prevailing_language) {
    json["prevailing_language"] = text::LanguageCode(*package.prevailing_language);
  }
  // The languages it is authentic in, which may be more than `languages`, those it has a text in.
  nlohmann::json authentic = nlohmann::json::array();
  for (const text::Language language : package.authentic_languages) {
    authentic.push_back(text::LanguageCode(language));
  }
  json["authentic_languages"] = authentic;
  if (!package.entry_into_force_date.empty()) {
    json["entry_into_force_date"] = package.entry_into_force_date;
  }
  return json;
}

// The language asked for with ?lang=, or the prevailing text's. Error: one the agreement has no
// text in, naming those it has.
Result<std::string> LanguageOf(const Site& site, const std::map<std::string, std::string>& query) {
  const std::vector<std::string> codes = commitments::LanguageCodes(site.agreement());
  const auto found = query.find("lang");
  if (found == query.end()) return codes.front();
  if (std::optional<std::string> missing =
          text::MissingTextProblem(site.agreement_id(), found->second, codes)) {
    return Error{"lang: " + *missing, "lang"};
  }
  return found->second;
}

nlohmann::json ProvisionJson(const store::SearchEntry& entry) {
  return {{"eId", entry.eid},
          {"language", text::LanguageCode(entry.language)},
          {"headings", entry.heading_path},
          {"text", entry.text}};
}

// The eIds of `version` that stand for the prevailing text's `eid`: Alignment::Counterparts, the
// paragraphs the Text page sets side by side (a paragraph split or merged in one language has
// two) and a heading container's own. A point the alignment does not pair (one of a paragraph
// not paired one to one) keeps its eId here, where it is asked for by itself; the Text page shows
// it within its paragraph.
std::vector<std::string> CounterpartIds(const grammar::ExtractedText& version,
                                        const grammar::ExtractedText& prevailing,
                                        const std::string& eid) {
  if (&version == &prevailing) return {eid};
  std::vector<std::string> ids =
      document::AlignDocuments(version.doc, prevailing.doc)
          .Counterparts(eid, text::LanguageCode(prevailing.doc.language), version.doc);
  const document::Node* same = version.doc.Find(eid);
  if (ids.empty() && same != nullptr && same->type == document::NodeType::kPoint) ids = {eid};
  return ids;
}

// One text's provisions `ids`, as one Provision: the first's eId and headings, every text; with
// several, their eIds in `eIds`. Null when the text has none of them.
nlohmann::json CounterpartJson(const std::string& agreement_id,
                               const grammar::ExtractedText& version,
                               const std::vector<std::string>& ids) {
  nlohmann::json json;
  std::vector<std::string> found_ids;
  std::vector<std::string> texts;
  for (const store::SearchEntry& entry : store::ProvisionEntries(agreement_id, version.doc)) {
    if (std::find(ids.begin(), ids.end(), entry.eid) == ids.end()) continue;
    if (json.is_null()) json = ProvisionJson(entry);
    found_ids.push_back(entry.eid);
    texts.push_back(entry.text);
  }
  if (found_ids.size() > 1) {
    json["eIds"] = found_ids;
    json["text"] = fmt::format("{}", fmt::join(texts, "\n\n"));
  }
  return json;
}

}  // namespace

void AddAgreementRoutes(Router& router, Site& site) {
  router.Add({"GET", "/api/v1/agreements", Access::kPublic, [&site](RequestContext&) {
                return JsonResponse({{"agreements", nlohmann::json::array({AgreementJson(site)})}});
              }});
  router.Add({"GET", "/api/v1/agreements/{id}", Access::kPublic, [&site](RequestContext& context) {
                if (context.Param("id") != site.agreement_id()) {
                  return ErrorResponse(404, "no such agreement");
                }
                return JsonResponse(AgreementJson(site));
              }});
  router.Add({"GET", "/api/v1/provisions", Access::kPublic, [&site](RequestContext& context) {
                const Result<std::string> asked = LanguageOf(site, context.request.Query());
                if (!asked.ok()) return ErrorResponse(400, asked.error().message);
                const std::string& language = asked.value();
                nlohmann::json list = nlohmann::json::array();
                for (const store::SearchEntry& entry :
                     store::ProvisionEntries(site.agreement_id(), *site.FindDocument(language))) {
                  list.push_back(ProvisionJson(entry));
                }
                return JsonResponse({{"language", language}, {"provisions", list}});
              }});
  router.Add({"GET", "/api/v1/provisions/{eid}", Access::kPublic, [&site](RequestContext& context) {
                const auto query = context.request.Query();
                // As the list of provisions: a language without a text is the request's mistake.
                if (const Result<std::string> asked = LanguageOf(site, query); !asked.ok()) {
                  return ErrorResponse(400, asked.error().message);
                }
                // The eId is the prevailing text's, and each other text gives its counterpart; an
                // eId the prevailing text lacks is looked up in the others as their own.
                const std::string eid(context.Param("eid"));
                const grammar::ExtractedText& prevailing = site.agreement().versions.front();
                const bool in_prevailing = prevailing.doc.Find(eid) != nullptr;
                nlohmann::json texts = nlohmann::json::object();
                for (const grammar::ExtractedText& version : site.agreement().versions) {
                  const std::string language(text::LanguageCode(version.doc.language));
                  if (query.contains("lang") && query.at("lang") != language) continue;
                  const std::vector<std::string> ids =
                      in_prevailing ? CounterpartIds(version, prevailing, eid)
                                    : std::vector<std::string>{eid};
                  nlohmann::json counterpart = CounterpartJson(site.agreement_id(), version, ids);
                  if (!counterpart.is_null()) texts[language] = std::move(counterpart);
                }
                if (texts.empty()) return ErrorResponse(404, "no such provision");
                return JsonResponse({{"eId", context.Param("eid")}, {"texts", texts}});
              }});
  router.Add({"GET", "/api/v1/commitments", Access::kPublic, [&site](RequestContext& context) {
                auto query = context.request.Query();
                Result<CommitmentFilter> filter = ParseCommitmentFilter(
                    query, site.participants(), site.agreement().reviewed, site.agreement_id());
                if (!filter.ok()) return ErrorResponse(400, filter.error().ToString());
                // With ?status= or ?at=, each entry carries its status at that date.
                std::shared_ptr<const EvaluatedStatus> evaluated;
                if (!filter.value().status.empty() || query.contains("at")) {
                  Result<std::shared_ptr<const EvaluatedStatus>> status =
                      StatusFor(site, context, query["at"]);
                  if (!status.ok()) return StatusError(status.error(), context);
                  evaluated = std::move(status).value();
                }
                nlohmann::json list = nlohmann::json::array();
                for (const commitments::Commitment& commitment : site.agreement().reviewed) {
                  if (!filter.value().Matches(commitment)) continue;
                  nlohmann::json entry = commitments::CommitmentJson(commitment);
                  if (evaluated) {
                    const auto found = evaluated->status_by_id.find(commitment.id);
                    const std::string word =
                        found == evaluated->status_by_id.end() ? "" : found->second;
                    if (!filter.value().MatchesStatus(word)) continue;
                    // null: a provision no rule evaluates (the final provisions' procedures).
                    entry["status"] = word.empty() ? nlohmann::json() : nlohmann::json(word);
                  }
                  list.push_back(std::move(entry));
                }
                nlohmann::json body = {{"commitments", std::move(list)}};
                if (evaluated) body["at"] = evaluated->status.at.ToString();
                return JsonResponse(body);
              }});
  router.Add({"GET", "/api/v1/commitments/{id}", Access::kPublic, [&site](RequestContext& context) {
                const commitments::Commitment* commitment =
                    site.FindCommitment(context.Param("id"));
                if (commitment == nullptr) return ErrorResponse(404, "no such commitment");
                nlohmann::json body = commitments::CommitmentJson(*commitment);
                // With ?at=, its evaluation at that moment, as /api/v1/status has it, so that one
                // commitment's status needs no whole status document; null when no rule
                // evaluates it.
                auto query = context.request.Query();
                if (query.contains("at")) {
                  Result<std::shared_ptr<const EvaluatedStatus>> status =
                      StatusFor(site, context, query["at"]);
                  if (!status.ok()) return StatusError(status.error(), context);
                  body["at"] = status.value()->status.at.ToString();
                  const evaluation::CommitmentStatus* entry = evaluation::FindCommitmentStatus(
                      status.value()->status.commitments, commitment->id);
                  body["evaluation"] = entry != nullptr ? evaluation::CommitmentStatusJson(*entry)
                                                        : nlohmann::json();
                }
                return JsonResponse(body);
              }});
  router.Add({"GET", "/api/v1/search", Access::kPublic, [&site](RequestContext& context) {
                const auto query = context.request.Query();
                SearchOutcome searched = RunSearch(site, query);
                if (searched.logged) {
                  return ServerFailure(searched.status, searched.message, *searched.logged);
                }
                if (searched.status != 200) {
                  return ErrorResponse(searched.status, searched.message);
                }
                nlohmann::json list = nlohmann::json::array();
                for (const store::SearchHit& hit : searched.hits) {
                  list.push_back(store::SearchHitJson(hit));
                }
                return JsonResponse({{"query", query.at("q")}, {"hits", list}});
              }});
  router.Add({"GET", "/api/v1/export/akn", Access::kPublic, [&site](RequestContext& context) {
                const Result<std::string> asked = LanguageOf(site, context.request.Query());
                if (!asked.ok()) return ErrorResponse(400, asked.error().message);
                const std::string& language = asked.value();
                HttpResponse response;
                response.content_type = "application/akn+xml";
                response.body = views::WriteAkomaNtoso(
                    *site.FindDocument(language), views::AknOptionsOf(site.agreement().package));
                response.headers.emplace_back("Content-Disposition",
                                              fmt::format("attachment; filename=\"{}-{}.akn.xml\"",
                                                          site.agreement_id(), language));
                return response;
              }});
}

}  // namespace treaty::http
