// Reviews of commitments: list them (signed-in users), make one (reviewers), and all of them as
// lines of the review file (review_store.h).
#include "views/http/review_submission.h"
#include "views/http/routes.h"

namespace treaty::http {
namespace {

HttpResponse ReviewList(Site& site, const std::string& commitment, bool jsonl) {
  Result<std::vector<StoredReview>> reviews = site.reviews().List(commitment);
  if (!reviews.ok()) return ServerFailure(503, "the reviews cannot be read", reviews.error());
  if (jsonl) {
    HttpResponse response;
    response.content_type = "application/x-ndjson";
    for (const StoredReview& review : reviews.value()) response.body += review.entry.dump() + "\n";
    return response;
  }
  nlohmann::json list = nlohmann::json::array();
  for (const StoredReview& review : reviews.value()) list.push_back(StoredReviewJson(review));
  return JsonResponse({{"reviews", list}});
}

}  // namespace

void AddReviewRoutes(Router& router, Site& site) {
  router.Add({"GET", "/api/v1/commitments/{id}/reviews", Access::kSignedIn,
              [&site](RequestContext& context) {
                if (site.FindCommitment(context.Param("id")) == nullptr) {
                  return ErrorResponse(404, "no such commitment");
                }
                return ReviewList(site, context.Param("id"), false);
              }});
  router.Add({"POST", "/api/v1/commitments/{id}/reviews", Access::kReviewer,
              [&site](RequestContext& context) {
                const commitments::Commitment* commitment =
                    site.FindCommitment(context.Param("id"));
                if (commitment == nullptr) return ErrorResponse(404, "no such commitment");
                Result<nlohmann::json> body = JsonObjectBody(context.request);
                if (!body.ok()) return BodyErrorResponse(body.error());
                const ReviewOutcome outcome =
                    SubmitReview(site, *context.user, *commitment, std::move(body).value());
                HttpResponse response = JsonResponse(ReviewOutcomeJson(outcome), outcome.status);
                response.log_detail = outcome.log_detail;
                if (outcome.status == 201) {
                  response.headers.emplace_back(
                      "Location", "/api/v1/commitments/" + commitment->id + "/reviews");
                }
                return response;
              }});
  router.Add({"GET", "/api/v1/reviews", Access::kSignedIn, [&site](RequestContext& context) {
                const std::string format = context.request.Query()["format"];
                if (!format.empty() && format != "json" && format != "jsonl") {
                  return ErrorResponse(400, "format: json or jsonl");
                }
                return ReviewList(site, "", format == "jsonl");
              }});
}

}  // namespace treaty::http
