#include "views/http/review_submission.h"

#include <algorithm>

#include <fmt/format.h>

#include "commitments/review.h"
#include "commitments/review_fields.h"
#include "views/http/http_message.h"

namespace treaty::http {
namespace {

ReviewOutcome Refused(int status, std::string field, std::string message) {
  ReviewOutcome outcome;
  outcome.status = status;
  outcome.field = std::move(field);
  outcome.message = std::move(message);
  return outcome;
}

}  // namespace

ReviewOutcome SubmitReview(Site& site, const User& reviewer,
                           const commitments::Commitment& commitment, nlohmann::json body) {
  if (!body.is_object()) return Refused(422, "", "the body must be a JSON object");
  if (body.contains("id")) {
    return Refused(422, "id", "the commitment is named by the path, not the body");
  }
  // A decision of another type reads as "": CheckReviewEntry names it.
  const std::string decision = StringMember(body, "decision");
  if (body.contains("note") && !body["note"].is_string()) {
    return Refused(422, "note", "note must be a string");
  }
  if (decision == "correct") {
    const nlohmann::json field = body.value("field", nlohmann::json());
    // An unknown field gets a null "from", so the check below names the field as what is wrong.
    const nlohmann::json current =
        field.is_string() && commitments::IsReviewField(field.get<std::string>())
            ? commitments::ReviewFieldValue(commitment, field.get<std::string>())
            : nlohmann::json();
    if (!body.contains("from")) {
      body["from"] = current;
    } else if (!current.is_null() && body["from"] != current) {
      return Refused(409, "from",
                     "the field is now " + current.dump() + ", not what the review corrects");
    }
  }
  if (decision == "merge") {
    // As the review file is applied (commitments::ApplyReview): into a sentence of the text.
    const std::string into = StringMember(body, "into");
    const std::vector<commitments::Commitment>& sentences = site.agreement().proposed;
    const bool known = std::any_of(sentences.begin(), sentences.end(),
                                   [&](const commitments::Commitment& c) { return c.id == into; });
    // Into itself is CheckReviewEntry's to refuse.
    if (!into.empty() && !known) {
      return Refused(422, "into", "merges into " + into + ", which no sentence has");
    }
  }
  body["id"] = commitment.id;
  commitments::ReviewEntry entry;
  if (std::optional<commitments::ReviewProblem> problem =
          commitments::CheckReviewEntry(body, entry)) {
    return Refused(422, problem->path, problem->message);
  }
  if (decision != "accept" &&
      StringMember(body, "note").find_first_not_of(" \t\r\n") == std::string::npos) {
    return Refused(422, "note", "say why: every decision but accept needs a note");
  }
  // As the review file will hold them, after its own entries: a decision that contradicts one of
  // those or one submitted before (the same correction twice, accept after reject) is refused,
  // not stored for the file to reject.
  Result<std::vector<StoredReview>> earlier = site.reviews().List(commitment.id);
  if (!earlier.ok()) {
    ReviewOutcome failed = Refused(500, "", "the review store failed");
    failed.log_detail = earlier.error().ToString();
    return failed;
  }
  const std::vector<StoredReview>& earlier_reviews = earlier.value();
  std::vector<commitments::ReviewEntry> entries;
  for (const StoredReview& review : earlier_reviews) {
    commitments::ReviewEntry& stored_entry = entries.emplace_back();
    commitments::CheckReviewEntry(review.entry, stored_entry);
    stored_entry.file = "review";
    stored_entry.line = static_cast<int>(review.number);
  }
  entry.file = "review";
  entry.line = entries.empty() ? 1 : entries.back().line + 1;
  const std::vector<commitments::ReviewEntry> in_file = site.FileReviews(commitment.id);
  std::vector<const commitments::ReviewEntry*> all;
  for (const commitments::ReviewEntry& file_entry : in_file) all.push_back(&file_entry);
  for (const commitments::ReviewEntry& stored_entry : entries) all.push_back(&stored_entry);
  all.push_back(&entry);
  for (const commitments::ReviewConflict& conflict : commitments::ReviewConflicts(all)) {
    if (conflict.later != &entry) continue;
    // The earlier decision as a reader of the commitment's page sees it.
    const auto stored_earlier =
        std::find_if(entries.begin(), entries.end(),
                     [&](const commitments::ReviewEntry& e) { return &e == conflict.earlier; });
    const std::string before =
        stored_earlier == entries.end()
            ? fmt::format("the agreement's review file, line {}", conflict.earlier->line)
            : fmt::format("the review by {} at {}",
                          earlier_reviews[stored_earlier - entries.begin()].reviewer,
                          earlier_reviews[stored_earlier - entries.begin()].reviewed_at);
    return Refused(409, entry.decision == "correct" ? "field" : "decision",
                   fmt::format("contradicts a review made before: {} {}, with {}", entry.id,
                               conflict.what, before));
  }
  Result<StoredReview> stored = site.reviews().Add(commitment.id, body, reviewer.name);
  if (!stored.ok()) {
    ReviewOutcome failed = Refused(500, "", "the review store failed");
    failed.log_detail = stored.error().ToString();
    return failed;
  }
  ReviewOutcome outcome;
  outcome.status = 201;
  outcome.review = std::move(stored).value();
  return outcome;
}

nlohmann::json ReviewOutcomeJson(const ReviewOutcome& outcome) {
  if (outcome.status == 201) return {{"review", StoredReviewJson(outcome.review)}};
  nlohmann::json error = {{"status", outcome.status}, {"message", outcome.message}};
  // The shape of an invalid event's fields (recording.cc).
  if (!outcome.field.empty()) {
    error["fields"] = nlohmann::json::array(
        {nlohmann::json{{"path", outcome.field}, {"message", outcome.message}}});
  }
  return {{"error", error}};
}

}  // namespace treaty::http
