// The ledger: events (raw view, docs/ledger-format.md §9.2), recording and correcting, inclusion
// and consistency proofs, signed tree heads. A reader never receives a restricted event: lists
// are filtered in the query, and a restricted event asked for by id is "not found".
#include <variant>

#include <fmt/format.h>

#include "ledger/hash.h"
#include "ledger/proof_file.h"
#include "ledger/stored_records.h"
#include "views/http/recording.h"
#include "views/http/routes.h"

namespace treaty::http {
namespace {

using StoreLease = Pool<ledger::LedgerStore>::Lease;

nlohmann::json EventJson(const ledger::StoredEvent& event) {
  nlohmann::json json = nlohmann::json::parse(event.canonical, nullptr, false);
  json["leaf_index"] = event.leaf_index;
  return json;
}

nlohmann::json HeadJson(const ledger::SignedTreeHead& signed_head) {
  const ledger::TreeHead& head = signed_head.head;
  return {{"agreement", head.agreement},
          {"tree_size", head.tree_size},
          {"root_hash", ledger::ToHex(head.root_hash)},
          {"timestamp", head.timestamp},
          {"signer", head.signer},
          {"key_id", head.key_id},
          {"signature",
           ledger::BytesToHex(signed_head.signature.data(), signed_head.signature.size())}};
}

// The event of the path's {id} when the caller may see it, else the response that says why not:
// 500 when the ledger cannot be read, 404 when there is no such event or the caller may not see
// it (a restricted event is indistinguishable from a missing one).
std::variant<ledger::StoredEvent, HttpResponse> RequestedEvent(ledger::LedgerStore& store,
                                                               const Site& site,
                                                               const RequestContext& context) {
  Result<std::optional<ledger::StoredEvent>> event = store.EventById(context.Param("id"));
  if (!event.ok()) return ErrorResponse(500, "the ledger cannot be read");
  if (!event.value() || event.value()->agreement != site.agreement_id() ||
      (event.value()->classification != "public" && !context.SeesRestricted())) {
    return ErrorResponse(404, "no such event");
  }
  return *event.value();
}

HttpResponse Recorded(const RecordOutcome& outcome) {
  HttpResponse response = JsonResponse(RecordOutcomeJson(outcome), outcome.status);
  if (outcome.status == 201) {
    response.headers.emplace_back("Location", "/api/v1/events/" + outcome.id);
  }
  return response;
}

}  // namespace

void AddLedgerRoutes(Router& router, Site& site) {
  router.Add({"GET", "/api/v1/events", Access::kPublic, [&site](RequestContext& context) {
                auto query = context.request.Query();
                ledger::EventFilter filter;
                filter.agreement = site.agreement_id();
                filter.type = query["type"];
                filter.commitment = query["commitment"];
                filter.date_from = query["from"];
                filter.date_to = query["to"];
                filter.institution = query["institution"];
                filter.classification = query["classification"];
                if (!filter.classification.empty() && filter.classification != "public" &&
                    filter.classification != "restricted") {
                  return ErrorResponse(400, "classification: public or restricted");
                }
                filter.limit = 100;
                if (!query["limit"].empty()) {
                  if (!IsCount(query["limit"]) || std::stoll(query["limit"]) > 10000) {
                    return ErrorResponse(400, "limit: 0 to 10000");
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
                    return JsonResponse({{"events", list}});
                  }
                  filter.classification = "public";
                }
                Result<StoreLease> store = site.ledgers().Acquire();
                if (!store.ok()) return ErrorResponse(503, "the ledger cannot be opened");
                Result<std::vector<ledger::StoredEvent>> events = store.value()->FindEvents(filter);
                if (!events.ok()) return ErrorResponse(500, "the ledger cannot be read");
                for (const ledger::StoredEvent& event : events.value()) {
                  list.push_back(EventJson(event));
                }
                return JsonResponse({{"events", list}});
              }});
  router.Add({"GET", "/api/v1/events/{id}", Access::kPublic, [&site](RequestContext& context) {
                Result<StoreLease> store = site.ledgers().Acquire();
                if (!store.ok()) return ErrorResponse(503, "the ledger cannot be opened");
                auto event = RequestedEvent(*store.value(), site, context);
                if (auto* refused = std::get_if<HttpResponse>(&event)) return *refused;
                return JsonResponse(EventJson(std::get<ledger::StoredEvent>(event)));
              }});
  router.Add({"POST", "/api/v1/events", Access::kRecorder, [&site](RequestContext& context) {
                Result<nlohmann::json> body = JsonObjectBody(context.request);
                if (!body.ok()) return ErrorResponse(400, body.error().ToString());
                return Recorded(RecordEvent(site, *context.user, std::move(body).value()));
              }});
  router.Add({"POST", "/api/v1/events/{id}/corrections", Access::kRecorder,
              [&site](RequestContext& context) {
                Result<nlohmann::json> body = JsonObjectBody(context.request);
                if (!body.ok()) return ErrorResponse(400, body.error().ToString());
                nlohmann::json correction = std::move(body).value();
                {
                  Result<StoreLease> store = site.ledgers().Acquire();
                  if (!store.ok()) return ErrorResponse(503, "the ledger cannot be opened");
                  auto original = RequestedEvent(*store.value(), site, context);
                  if (auto* refused = std::get_if<HttpResponse>(&original)) return *refused;
                  if (!correction.contains("classification")) {
                    correction["classification"] =
                        std::get<ledger::StoredEvent>(original).classification;
                  }
                }
                correction["type"] = "correction";
                correction["corrects"] = context.Param("id");
                return Recorded(RecordEvent(site, *context.user, std::move(correction)));
              }});
  router.Add(
      {"GET", "/api/v1/events/{id}/proof", Access::kPublic, [&site](RequestContext& context) {
         auto query = context.request.Query();
         Result<StoreLease> store = site.ledgers().Acquire();
         if (!store.ok()) return ErrorResponse(503, "the ledger cannot be opened");
         auto requested = RequestedEvent(*store.value(), site, context);
         if (auto* refused = std::get_if<HttpResponse>(&requested)) return *refused;
         const ledger::StoredEvent& event = std::get<ledger::StoredEvent>(requested);
         Result<std::optional<ledger::SignedTreeHead>> head =
             std::optional<ledger::SignedTreeHead>();
         if (query["size"].empty()) {
           head = store.value()->LatestTreeHead(site.agreement_id());
         } else if (IsCount(query["size"])) {
           head = store.value()->TreeHeadAt(site.agreement_id(), std::stoll(query["size"]));
         } else {
           return ErrorResponse(400, "size: a tree size");
         }
         if (!head.ok()) return ErrorResponse(500, "the ledger cannot be read");
         if (!head.value() || head.value()->head.tree_size <= event.leaf_index) {
           return ErrorResponse(404, "no signed tree head of that size covers the event");
         }
         Result<std::vector<ledger::Hash>> path = store.value()->InclusionPath(
             site.agreement_id(), event.leaf_index, head.value()->head.tree_size);
         if (!path.ok()) return ErrorResponse(500, path.error().message);
         HttpResponse response;
         response.content_type = "application/json";
         response.body = ledger::InclusionProofFile(event, path.value(), *head.value());
         return response;
       }});
  router.Add({"GET", "/api/v1/tree-heads", Access::kPublic, [&site](RequestContext&) {
                Result<StoreLease> store = site.ledgers().Acquire();
                if (!store.ok()) return ErrorResponse(503, "the ledger cannot be opened");
                Result<std::vector<ledger::SignedTreeHead>> heads =
                    store.value()->TreeHeads(site.agreement_id());
                if (!heads.ok()) return ErrorResponse(500, "the ledger cannot be read");
                nlohmann::json list = nlohmann::json::array();
                for (const ledger::SignedTreeHead& head : heads.value()) {
                  // A root or signature of the wrong size would be served as zeros.
                  if (std::optional<Error> wrong = ledger::WrongSizeHeadError(head, "")) {
                    return ErrorResponse(500, "the ledger cannot be read: " + wrong->message);
                  }
                  list.push_back(HeadJson(head));
                }
                return JsonResponse({{"tree_heads", list}});
              }});
  router.Add({"GET", "/api/v1/tree-heads/latest", Access::kPublic, [&site](RequestContext&) {
                Result<StoreLease> store = site.ledgers().Acquire();
                if (!store.ok()) return ErrorResponse(503, "the ledger cannot be opened");
                Result<std::optional<ledger::SignedTreeHead>> head =
                    store.value()->LatestTreeHead(site.agreement_id());
                if (!head.ok()) return ErrorResponse(500, "the ledger cannot be read");
                if (!head.value()) return ErrorResponse(404, "the ledger is empty");
                return JsonResponse(HeadJson(*head.value()));
              }});
  router.Add({"GET", "/api/v1/consistency", Access::kPublic, [&site](RequestContext& context) {
                auto query = context.request.Query();
                if (!IsCount(query["from"]) || !IsCount(query["to"])) {
                  return ErrorResponse(400, "from and to: tree sizes of signed heads");
                }
                Result<StoreLease> store = site.ledgers().Acquire();
                if (!store.ok()) return ErrorResponse(503, "the ledger cannot be opened");
                Result<std::optional<ledger::SignedTreeHead>> old_head =
                    store.value()->TreeHeadAt(site.agreement_id(), std::stoll(query["from"]));
                Result<std::optional<ledger::SignedTreeHead>> new_head =
                    store.value()->TreeHeadAt(site.agreement_id(), std::stoll(query["to"]));
                if (!old_head.ok() || !new_head.ok()) {
                  return ErrorResponse(500, "the ledger cannot be read");
                }
                if (!old_head.value() || !new_head.value()) {
                  return ErrorResponse(404, "no signed tree head of that size");
                }
                Result<std::vector<ledger::Hash>> path = store.value()->ConsistencyPath(
                    site.agreement_id(), old_head.value()->head.tree_size,
                    new_head.value()->head.tree_size);
                if (!path.ok()) return ErrorResponse(400, path.error().message);
                HttpResponse response;
                response.content_type = "application/json";
                response.body = ledger::ConsistencyProofFile(*old_head.value(), *new_head.value(),
                                                             path.value());
                return response;
              }});
}

}  // namespace treaty::http
