// The ledger: events (raw view, docs/ledger-format.md §9.2), recording and correcting, inclusion
// and consistency proofs, signed tree heads. A reader never receives a restricted event: lists
// are filtered in the query and again by each event's own bytes (views::VisibleEventJson), and a
// restricted event asked for by id is "not found".
#include <set>
#include <variant>

#include <fmt/format.h>

#include "evaluation/date.h"
#include "ledger/event.h"
#include "ledger/hash.h"
#include "ledger/proof_file.h"
#include "ledger/stored_records.h"
#include "ledger/uuid.h"
#include "views/export/corrections_seen.h"
#include "views/export/ledger_entries.h"
#include "views/http/recording.h"
#include "views/http/routes.h"

namespace treaty::http {
namespace {

using StoreLease = Pool<ledger::LedgerStore>::Lease;

// The head's members and its signature, in one object.
nlohmann::json HeadJson(const ledger::SignedTreeHead& signed_head) {
  nlohmann::json head = ledger::TreeHeadJson(signed_head.head);
  head["signature"] = ledger::SignatureToHex(signed_head.signature);
  return head;
}

// An event the caller may see: its row and its raw view.
struct VisibleEvent {
  ledger::StoredEvent stored;
  nlohmann::json json;
};

// Adds to each of `events` (JSON of the API) that a correction the caller sees names the ids of
// those corrections, in leaf order: `corrected_by`. Errors: the store's.
std::optional<Error> AddCorrectedBy(ledger::LedgerStore& store, const Site& site,
                                    const RequestContext& context, int64_t first_leaf,
                                    std::vector<nlohmann::json*> events) {
  std::set<std::string> ids;
  for (const nlohmann::json* event : events) ids.insert(event->value("id", ""));
  Result<std::map<std::string, std::vector<views::CorrectionSeen>>> corrections =
      views::CorrectionsOf(store, site.agreement_id(), context.SeesRestricted() ? "" : "public",
                           first_leaf, ids, AudienceOf(context));
  if (!corrections.ok()) return corrections.error();
  for (nlohmann::json* event : events) {
    std::vector<std::string> ids =
        views::CorrectionIds(corrections.value(), event->value("id", ""));
    if (!ids.empty()) (*event)["corrected_by"] = std::move(ids);
  }
  return std::nullopt;
}

// Event ids given as input are read in any case (docs/ledger-format.md §1.4).
std::string PathEventId(const RequestContext& context) {
  return ledger::ToLowerAscii(context.Param("id"));
}

// The event of the path's {id} when the caller may see it, else the response that says why not:
// 500 when the ledger cannot be read (the event's bytes included), 404 when there is no such
// event or the caller may not see it (a restricted event is indistinguishable from a missing one).
std::variant<VisibleEvent, HttpResponse> RequestedEvent(ledger::LedgerStore& store,
                                                        const Site& site,
                                                        const RequestContext& context) {
  Result<std::optional<ledger::StoredEvent>> event = store.EventById(PathEventId(context));
  if (!event.ok()) return LedgerReadFailure(500, event.error(), context);
  if (!event.value() || event.value()->agreement != site.agreement_id()) {
    return ErrorResponse(404, "no such event");
  }
  Result<std::optional<nlohmann::json>> json =
      views::VisibleEventJson(*event.value(), AudienceOf(context));
  if (!json.ok()) return LedgerReadFailure(500, json.error(), context);
  if (!json.value()) return ErrorResponse(404, "no such event");
  return VisibleEvent{std::move(*event.value()), std::move(*json.value())};
}

// A correction's body may repeat what its path says, never contradict it: a `type` other than
// "correction", or a `corrects` naming another event, is refused (422) rather than overwritten.
std::optional<RecordOutcome> ContradictsPath(const nlohmann::json& body, const std::string& id) {
  RecordOutcome refused;
  refused.status = 422;
  if (const auto type = body.find("type"); type != body.end() && *type != "correction") {
    refused.errors.push_back({"type", "a correction's type is \"correction\""});
  }
  if (const auto corrects = body.find("corrects");
      corrects != body.end() &&
      (!corrects->is_string() || ledger::ToLowerAscii(corrects->get<std::string>()) != id)) {
    refused.errors.push_back({"corrects", "the path names the event corrected: " + id});
  }
  if (refused.errors.empty()) return std::nullopt;
  return refused;
}

HttpResponse Recorded(const RecordOutcome& outcome) {
  HttpResponse response = JsonResponse(RecordOutcomeJson(outcome), outcome.status);
  response.log_detail = outcome.log_detail;
  if (outcome.status == 201) {
    response.headers.emplace_back("Location", "/api/v1/events/" + outcome.id);
  }
  return response;
}

// A commitment or institution filter that no event has and that is no reviewed commitment's id
// or no institution of the keys file: a mistyped id, refused with 400 rather than answered with an
// empty list. An id that a later review or keys file dropped still lists the events that name it.
std::optional<HttpResponse> RefusedIdFilter(Site& site, ledger::LedgerStore& store,
                                            const ledger::EventFilter& filter,
                                            RequestContext& context) {
  // Only the ids the agreement does not know are looked for among the events; any event the
  // caller may see counts, whatever classification the listing asks for.
  ledger::EventFilter unknown = filter;
  if (site.IsCommitmentId(filter.commitment)) unknown.commitment.clear();
  if (site.keys().FindInstitution(filter.institution) != nullptr) unknown.institution.clear();
  Result<std::vector<std::string>> unmatched =
      ledger::IdFiltersMatchingNoEvent(store, unknown, context.SeesRestricted() ? "" : "public");
  if (!unmatched.ok()) return LedgerReadFailure(500, unmatched.error(), context);
  if (unmatched.value().empty()) return std::nullopt;
  return ErrorResponse(
      400, unmatched.value().front() == "commitment"
               ? fmt::format("commitment: no event serves \"{}\", and it is no commitment of {}",
                             filter.commitment, filter.agreement)
               : fmt::format("institution: no event is recorded by \"{}\", and it is no "
                             "institution of {}",
                             filter.institution, filter.agreement));
}

// GET /api/v1/events: a page of events in leaf order, filtered (docs/http-api.md).
HttpResponse ListEvents(Site& site, RequestContext& context) {
  auto query = context.request.Query();
  ledger::EventFilter given;
  given.agreement = site.agreement_id();
  given.type = query["type"];
  given.commitment = query["commitment"];
  given.date_from = query["from"];
  given.date_to = query["to"];
  given.institution = query["institution"];
  given.classification = query["classification"];
  Result<ledger::EventFilter> checked = ledger::CheckedEventFilter(std::move(given));
  if (!checked.ok()) return ErrorResponse(400, checked.error().ToString());
  ledger::EventFilter filter = std::move(checked).value();
  filter.limit = 100;
  if (!query["limit"].empty()) {
    // Not 0: a page of none would lead to itself (next_begin = begin).
    if (!IsCount(query["limit"]) || std::stoll(query["limit"]) < 1 ||
        std::stoll(query["limit"]) > 10000) {
      return ErrorResponse(400, "limit: 1 to 10000");
    }
    filter.limit = std::stoll(query["limit"]);
  }
  if (!query["begin"].empty()) {
    if (!IsCount(query["begin"])) return ErrorResponse(400, "begin: a leaf index");
    filter.begin = std::stoll(query["begin"]);
  }
  nlohmann::json list = nlohmann::json::array();
  if (!context.SeesRestricted()) {
    if (filter.classification == "restricted") {
      return JsonResponse({{"events", list}, {"next_begin", nullptr}});
    }
    filter.classification = "public";
  }
  Result<StoreLease> store = site.ledgers().Acquire();
  if (!store.ok()) return LedgerUnavailable(store.error());
  if (std::optional<HttpResponse> refused =
          RefusedIdFilter(site, *store.value(), filter, context)) {
    return *refused;
  }
  // One row beyond the page says whether another page follows, and where.
  const int64_t page_size = filter.limit;
  ++filter.limit;
  Result<std::vector<ledger::StoredEvent>> events = store.value()->FindEvents(filter);
  if (!events.ok()) return LedgerReadFailure(500, events.error(), context);
  nlohmann::json next_begin = nullptr;
  if (static_cast<int64_t>(events.value().size()) > page_size) {
    next_begin = events.value()[static_cast<size_t>(page_size)].leaf_index;
    events.value().erase(events.value().begin() + page_size, events.value().end());
  }
  for (const ledger::StoredEvent& event : events.value()) {
    Result<std::optional<nlohmann::json>> json =
        views::VisibleEventJson(event, AudienceOf(context));
    if (!json.ok()) {
      return LedgerReadFailure(500, json.error(), context);
    }
    if (json.value()) list.push_back(std::move(*json.value()));
  }
  if (!events.value().empty()) {
    std::vector<nlohmann::json*> listed;
    for (nlohmann::json& event : list) listed.push_back(&event);
    if (std::optional<Error> error = AddCorrectedBy(*store.value(), site, context,
                                                    events.value().front().leaf_index, listed)) {
      return LedgerReadFailure(500, *error, context);
    }
  }
  return JsonResponse({{"events", list}, {"next_begin", next_begin}});
}

}  // namespace

void AddLedgerRoutes(Router& router, Site& site) {
  router.Add({"GET", "/api/v1/events", Access::kPublic,
              [&site](RequestContext& context) { return ListEvents(site, context); }});
  router.Add({"GET", "/api/v1/events/{id}", Access::kPublic, [&site](RequestContext& context) {
                Result<StoreLease> store = site.ledgers().Acquire();
                if (!store.ok()) return LedgerUnavailable(store.error());
                auto event = RequestedEvent(*store.value(), site, context);
                if (auto* refused = std::get_if<HttpResponse>(&event)) return *refused;
                VisibleEvent& visible = std::get<VisibleEvent>(event);
                if (std::optional<Error> error =
                        AddCorrectedBy(*store.value(), site, context, visible.stored.leaf_index,
                                       {&visible.json})) {
                  return LedgerReadFailure(500, *error, context);
                }
                return JsonResponse(visible.json);
              }});
  router.Add({"POST", "/api/v1/events", Access::kRecorder, [&site](RequestContext& context) {
                Result<nlohmann::json> body = JsonObjectBody(context.request);
                if (!body.ok()) return BodyErrorResponse(body.error());
                return Recorded(RecordEvent(site, *context.user, std::move(body).value()));
              }});
  router.Add({"POST", "/api/v1/events/{id}/corrections", Access::kRecorder,
              [&site](RequestContext& context) {
                Result<nlohmann::json> body = JsonObjectBody(context.request);
                if (!body.ok()) return BodyErrorResponse(body.error());
                nlohmann::json correction = std::move(body).value();
                const std::string id = PathEventId(context);
                {
                  Result<StoreLease> store = site.ledgers().Acquire();
                  if (!store.ok()) return LedgerUnavailable(store.error());
                  auto original = RequestedEvent(*store.value(), site, context);
                  if (auto* refused = std::get_if<HttpResponse>(&original)) return *refused;
                  if (!correction.contains("classification")) {
                    correction["classification"] =
                        std::get<VisibleEvent>(original).json.value("classification", "");
                  }
                }
                if (std::optional<RecordOutcome> refused = ContradictsPath(correction, id)) {
                  return Recorded(*refused);
                }
                correction["type"] = "correction";
                correction["corrects"] = id;
                return Recorded(RecordEvent(site, *context.user, std::move(correction)));
              }});
  router.Add(
      {"GET", "/api/v1/events/{id}/proof", Access::kPublic, [&site](RequestContext& context) {
         auto query = context.request.Query();
         Result<StoreLease> store = site.ledgers().Acquire();
         if (!store.ok()) return LedgerUnavailable(store.error());
         auto requested = RequestedEvent(*store.value(), site, context);
         if (auto* refused = std::get_if<HttpResponse>(&requested)) return *refused;
         const ledger::StoredEvent& event = std::get<VisibleEvent>(requested).stored;
         Result<std::optional<ledger::SignedTreeHead>> head =
             std::optional<ledger::SignedTreeHead>();
         if (query["size"].empty()) {
           head = store.value()->LatestTreeHead(site.agreement_id());
         } else if (IsCount(query["size"]) && std::stoll(query["size"]) >= 1) {
           head = store.value()->TreeHeadAt(site.agreement_id(), std::stoll(query["size"]));
         } else {
           return ErrorResponse(400, "size: a tree size, a whole number of at least 1");
         }
         if (!head.ok()) return LedgerReadFailure(500, head.error(), context);
         if (!head.value() || head.value()->head.tree_size <= event.leaf_index) {
           return ErrorResponse(404, "no signed tree head of that size covers the event");
         }
         Result<std::vector<ledger::Hash>> path = store.value()->InclusionPath(
             site.agreement_id(), event.leaf_index, head.value()->head.tree_size);
         if (!path.ok()) return LedgerReadFailure(500, path.error(), context);
         HttpResponse response;
         response.content_type = "application/json";
         response.body = ledger::InclusionProofFile(event, path.value(), *head.value());
         return response;
       }});
  router.Add({"GET", "/api/v1/tree-heads", Access::kPublic, [&site](RequestContext& context) {
                Result<StoreLease> store = site.ledgers().Acquire();
                if (!store.ok()) return LedgerUnavailable(store.error());
                Result<std::vector<ledger::SignedTreeHead>> heads =
                    store.value()->TreeHeads(site.agreement_id());
                if (!heads.ok()) return LedgerReadFailure(500, heads.error(), context);
                nlohmann::json list = nlohmann::json::array();
                for (const ledger::SignedTreeHead& head : heads.value()) {
                  // A root or signature of the wrong size would be served as zeros.
                  if (std::optional<Error> wrong = ledger::WrongSizeHeadError(head, "")) {
                    return ServerFailure(500, "the ledger cannot be read: " + wrong->message,
                                         *wrong);
                  }
                  list.push_back(HeadJson(head));
                }
                return JsonResponse({{"tree_heads", list}});
              }});
  router.Add(
      {"GET", "/api/v1/tree-heads/latest", Access::kPublic, [&site](RequestContext& context) {
         Result<StoreLease> store = site.ledgers().Acquire();
         if (!store.ok()) return LedgerUnavailable(store.error());
         Result<std::optional<ledger::SignedTreeHead>> head =
             store.value()->LatestTreeHead(site.agreement_id());
         if (!head.ok()) return LedgerReadFailure(500, head.error(), context);
         if (!head.value()) return ErrorResponse(404, "the ledger is empty");
         return JsonResponse(HeadJson(*head.value()));
       }});
  router.Add({"GET", "/api/v1/consistency", Access::kPublic, [&site](RequestContext& context) {
                auto query = context.request.Query();
                // `to` absent: the latest head, as `treaty consistency` takes it.
                const bool to_latest = !query.contains("to");
                if (!IsCount(query["from"]) || (!to_latest && !IsCount(query["to"]))) {
                  return ErrorResponse(
                      400, "from and to: tree sizes of signed heads (to: the latest when absent)");
                }
                // The request is checked here, so that a path the store cannot give is its fault.
                const int64_t from = std::stoll(query["from"]);
                if (from < 1 || (!to_latest && from > std::stoll(query["to"]))) {
                  return ErrorResponse(400, "from and to: 1 ≤ from ≤ to");
                }
                Result<StoreLease> store = site.ledgers().Acquire();
                if (!store.ok()) return LedgerUnavailable(store.error());
                Result<std::optional<ledger::SignedTreeHead>> old_head =
                    store.value()->TreeHeadAt(site.agreement_id(), from);
                Result<std::optional<ledger::SignedTreeHead>> new_head =
                    to_latest
                        ? store.value()->LatestTreeHead(site.agreement_id())
                        : store.value()->TreeHeadAt(site.agreement_id(), std::stoll(query["to"]));
                if (!old_head.ok() || !new_head.ok()) {
                  return LedgerReadFailure(500, old_head.ok() ? new_head.error() : old_head.error(),
                                           context);
                }
                // `from` beyond the latest head is the request's mistake, as from > to is.
                if (new_head.value() && from > new_head.value()->head.tree_size) {
                  return ErrorResponse(
                      400, fmt::format("from and to: 1 ≤ from ≤ to, and to is {}{}",
                                       new_head.value()->head.tree_size,
                                       to_latest ? " (the latest signed tree head)" : ""));
                }
                if (!old_head.value() || !new_head.value()) {
                  return ErrorResponse(404,
                                       "no signed tree head of that size (GET "
                                       "/api/v1/tree-heads lists them)");
                }
                Result<std::vector<ledger::Hash>> path = store.value()->ConsistencyPath(
                    site.agreement_id(), old_head.value()->head.tree_size,
                    new_head.value()->head.tree_size);
                if (!path.ok()) {
                  return LedgerReadFailure(500, path.error(), context);
                }
                HttpResponse response;
                response.content_type = "application/json";
                response.body = ledger::ConsistencyProofFile(*old_head.value(), *new_head.value(),
                                                             path.value());
                return response;
              }});
}

}  // namespace treaty::http
