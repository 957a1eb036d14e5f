#include "views/http/review_view.h"

#include <algorithm>
#include <span>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "commitments/review_fields.h"
#include "views/http/review_store.h"

namespace treaty::http {
namespace {

nlohmann::json JsonOrString(const std::string& text) {
  nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
  return value.is_discarded() ? nlohmann::json(text) : value;
}

// A reviewed value of `field` as a reader reads it: a word as it is, a list of words joined, an
// action as its phrase ("not affect the implementation …"), nothing as "none"; targets, conditions
// and flags, lists of objects, as JSON.
std::string ReviewValueText(const std::string& field, const nlohmann::json& value) {
  if (value.is_string())
    return value.get<std::string>().empty() ? "none" : value.get<std::string>();
  if (value.is_null() || (value.is_array() && value.empty())) return "none";
  if (commitments::Commitment read;
      field == "action" && !commitments::SetReviewField(read, field, value)) {
    return read.action.Phrase();
  }
  if (value.is_array() &&
      std::all_of(value.begin(), value.end(), [](const auto& item) { return item.is_string(); })) {
    return fmt::format("{}", fmt::join(value.get<std::vector<std::string>>(), ", "));
  }
  return value.dump();
}

std::string Sent(const ReviewFormState& form, const std::string& name) {
  const auto found = form.sent.find(name);
  return found == form.sent.end() ? "" : found->second;
}

void AddChoices(ctemplate::TemplateDictionary* dict, const char* section,
                std::span<const std::string_view> values, const std::string& selected) {
  for (std::string_view value : values) {
    ctemplate::TemplateDictionary* option = dict->AddSectionDictionary(section);
    option->SetValue("VALUE", std::string(value));
    if (selected == value) option->SetValue("SELECTED", "selected");
  }
}

}  // namespace

Result<bool> FillReviews(Site& site, const RequestContext& context,
                         const commitments::Commitment& commitment, const ReviewFormState& form,
                         ctemplate::TemplateDictionary& body) {
  if (!context.user) return true;
  Result<std::vector<StoredReview>> reviews = site.reviews().List(commitment.id);
  if (!reviews.ok()) return reviews.error();
  ctemplate::TemplateDictionary* section = body.AddSectionDictionary("REVIEWS");
  // The decision of the package's review file, which the server's reviews come after.
  if (commitment.review.empty()) {
    section->ShowSection("NOT_IN_PACKAGE");
  } else {
    ctemplate::TemplateDictionary* decided = section->AddSectionDictionary("PACKAGE_REVIEW");
    decided->SetValue("DECISION", commitment.review);
    if (!commitment.review_notes.empty()) {
      decided->SetValueAndShowSection("NOTE", commitment.review_notes.back(), "PACKAGE_NOTE");
    }
  }
  section->ShowSection(reviews.value().empty() ? "NO_REVIEWS" : "HAS_REVIEWS");
  for (const StoredReview& review : reviews.value()) {
    ctemplate::TemplateDictionary* row = section->AddSectionDictionary("REVIEW");
    row->SetValue("AT", review.reviewed_at);
    row->SetValue("REVIEWER", review.reviewer);
    row->SetValue("DECISION", review.entry.value("decision", ""));
    if (review.entry.contains("field")) {
      ctemplate::TemplateDictionary* change = row->AddSectionDictionary("CHANGE");
      const std::string field = review.entry.value("field", "");
      change->SetValue("FIELD", field);
      change->SetValue("FROM",
                       ReviewValueText(field, review.entry.value("from", nlohmann::json())));
      change->SetValue("TO", ReviewValueText(field, review.entry.value("to", nlohmann::json())));
    }
    row->SetValue("NOTE", review.entry.value("note", ""));
  }
  if (context.user->role != Role::kReviewer) return true;
  ctemplate::TemplateDictionary* editor = section->AddSectionDictionary("REVIEW_FORM");
  editor->SetValue("ID", commitment.id);
  editor->SetValue("CSRF", context.csrf);
  // No decision is chosen for the reviewer; the template offers "choose…" and an empty field
  // first (a decision about the whole commitment).
  AddChoices(editor, "DECISION_OPTION", kFormDecisions, Sent(form, "decision"));
  AddChoices(editor, "FIELD_OPTION", commitments::ReviewFields(), Sent(form, "field"));
  editor->SetValue("TO", Sent(form, "to"));
  editor->SetValue("NOTE", Sent(form, "note"));
  if (!form.error.empty()) editor->SetValueAndShowSection("TEXT", form.error, "REVIEW_ERROR");
  return true;
}

std::string NoDecisionMessage() {
  const std::span<const std::string_view> choices = kFormDecisions;
  return fmt::format("choose a decision: {} or {}",
                     fmt::join(choices.first(choices.size() - 1), ", "), choices.back());
}

nlohmann::json ReviewBodyFromForm(const std::map<std::string, std::string>& form) {
  nlohmann::json body = nlohmann::json::object();
  for (const char* name : {"decision", "field", "note"}) {
    const auto found = form.find(name);
    if (found != form.end() && !found->second.empty()) body[name] = found->second;
  }
  for (const char* name : {"to", "from"}) {
    const auto found = form.find(name);
    if (found != form.end() && !found->second.empty()) body[name] = JsonOrString(found->second);
  }
  return body;
}

}  // namespace treaty::http
