// GET /commitments (the table, filtered), GET /commitments/{id} (one commitment: its words,
// targets, status, events and reviews) and POST /commitments/{id}/reviews (the review form).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "evaluation/status_words.h"
#include "evaluation/term_words.h"
#include "views/http/commitment_filter.h"
#include "views/http/page.h"
#include "views/http/page_events.h"
#include "views/http/review_submission.h"
#include "views/http/review_view.h"
#include "views/http/routes.h"
#include "views/http/status_view.h"

namespace treaty::http {
namespace {

using ctemplate::TemplateDictionary;

HttpResponse CommitmentsPage(Site& site, RequestContext& context) {
  const auto query = context.request.Query();
  TemplateDictionary body("commitments");
  Result<CommitmentFilter> filter = ParseCommitmentFilter(
      query, site.participants(), site.agreement().reviewed, site.agreement_id());
  // A refused filter is shown again as sent, to be mended, with no rows: none match a mistake.
  const CommitmentFilter chosen = filter.ok() ? filter.value() : CommitmentFilterAsSent(query);
  if (!filter.ok())
    body.SetValueAndShowSection("MESSAGE", filter.error().ToString(), "FILTER_ERROR");
  body.SetValue("AREA", chosen.area);
  // The agreement's own parties, as the filter takes them.
  std::vector<std::pair<std::string, std::string>> obligors = {{"", "any"}};
  for (auto& party : PartyOptions(site)) obligors.push_back(std::move(party));
  AddOptions(body, "OBLIGOR_OPTION", obligors, chosen.obligor);
  std::vector<std::pair<std::string, std::string>> strengths = {{"", "any"}};
  for (const std::string& name : commitments::StrengthNames()) strengths.emplace_back(name, name);
  AddOptions(body, "STRENGTH_OPTION", strengths, chosen.strength);
  std::vector<std::pair<std::string, std::string>> categories = {{"", "any"}};
  for (const std::string& name : commitments::CategoryNames()) {
    categories.emplace_back(name, name);
  }
  AddOptions(body, "CATEGORY_OPTION", categories, chosen.category);
  std::vector<std::pair<std::string, std::string>> status_words = {{"", "any"}};
  for (std::string_view word : evaluation::CommitmentStatusNames()) {
    status_words.emplace_back(word, evaluation::StatusWords(word));
  }
  AddOptions(body, "STATUS_OPTION", status_words, chosen.status);
  Result<std::shared_ptr<const EvaluatedStatus>> status =
      StatusFor(site, context, context.request.Query()["at"]);
  if (!status.ok()) return StatusErrorPage(status.error(), context);
  body.SetValue("AT", status.value()->status.at.LocalDate().ToString());
  // The status counts only what the caller may see: one who sees no restricted event is told.
  if (!context.SeesRestricted()) body.ShowSection("PUBLIC_ONLY");
  const std::map<std::string, std::string>& statuses = status.value()->status_by_id;
  int count = 0;
  for (const commitments::Commitment& commitment : site.agreement().reviewed) {
    if (!filter.ok() || !chosen.Matches(commitment)) continue;
    const auto found = statuses.find(commitment.id);
    const std::string word = found == statuses.end() ? "" : found->second;
    if (!chosen.MatchesStatus(word)) continue;
    ++count;
    TemplateDictionary* row = body.AddSectionDictionary("ROW");
    AddIdParts(commitment.id, *row);
    // A provision no rule evaluates (the final provisions' rules of procedure) has no status.
    if (word.empty()) {
      row->ShowSection("NO_STATUS");
    } else {
      TemplateDictionary* shown = row->AddSectionDictionary("HAS_STATUS");
      shown->SetValue("STATUS", word);
      shown->SetValue("STATUS_WORDS", evaluation::StatusWords(word));
    }
    row->SetValue("OBLIGORS", fmt::format("{}", fmt::join(commitment.obligors, ", ")));
    row->SetValue("STRENGTH", std::string(commitments::StrengthName(commitment.strength)));
    row->SetValue("CATEGORY", std::string(commitments::CategoryName(commitment.area.category)));
    row->SetValue("ACTION", commitment.action.Phrase());
    if (!commitment.source.quotes.empty()) {
      row->SetValue("QUOTE", commitment.source.quotes.front().text);
      row->SetValue("QUOTE_LANGUAGE", commitment.source.quotes.front().language);
    }
  }
  body.SetIntValue("COUNT", count);
  if (const std::string prevailing = PrevailingCode(site); !prevailing.empty()) {
    body.SetValueAndShowSection("LANGUAGE", LanguageName(prevailing), "QUOTE_LANGUAGE_NAMED");
  }
  CarryAt(context, body);
  return RenderPage(context, "commitments", "Commitments", "commitments.tpl", body,
                    filter.ok() ? 200 : 400);
}

HttpResponse CommitmentPage(Site& site, RequestContext& context,
                            const ReviewFormState& review_form = {}, int page_status = 200) {
  const commitments::Commitment* commitment = site.FindCommitment(context.Param("id"));
  if (commitment == nullptr) {
    TemplateDictionary body("missing");
    return RenderPage(context, "commitments", "No such commitment", "missing.tpl", body, 404);
  }
  TemplateDictionary body("commitment");
  const std::string title = commitments::Title(*commitment);
  body.SetValue("TITLE", title);
  body.SetValue("ID", commitment->id);
  body.SetValue("CLASS", std::string(commitments::SentenceClassName(commitment->sentence_class)));
  body.SetValue("STRENGTH", std::string(commitments::StrengthName(commitment->strength)));
  body.SetValue("CATEGORY", std::string(commitments::CategoryName(commitment->area.category)));
  body.SetValue("OBLIGORS", fmt::format("{}", fmt::join(commitment->obligors, ", ")));
  if (!commitment->beneficiary.empty()) {
    body.SetValueAndShowSection("NAME", commitment->beneficiary, "BENEFICIARY");
  }
  body.SetValue("EID", commitment->source.eid);
  body.SetValue("HEADINGS", fmt::format("{}", fmt::join(commitment->area.headings, " › ")));
  const std::string prevailing = PrevailingCode(site);
  for (const commitments::Quote& quote : commitment->source.quotes) {
    TemplateDictionary* row = body.AddSectionDictionary("QUOTE");
    row->SetValue("LANGUAGE", quote.language);
    row->SetValue("TEXT", quote.text);
    row->SetValue("QUOTE_EID", quote.eid);
    row->SetIntValue("LINE", quote.line);
    if (quote.language == prevailing) {
      row->SetValue("PREVAILING", "prevailing");
      row->ShowSection("IS_PREVAILING");
    }
  }
  // Targets and conditions in the words of the sentence quoted first, as the status reads them.
  const std::string quoted = commitments::PrevailingLanguage(*commitment);
  if (commitment->targets.empty()) body.ShowSection("NO_TARGETS");
  for (const commitments::Target& target : commitment->targets) {
    TemplateDictionary* row = body.AddSectionDictionary("TARGET");
    row->SetValue("KIND", target.kind);
    row->SetValue("TEXT", commitments::SurfaceIn(target.text, quoted));
  }
  for (const commitments::Condition& condition : commitment->conditions) {
    body.ShowSection("HAS_CONDITIONS");
    TemplateDictionary* row = body.AddSectionDictionary("CONDITION");
    row->SetValue("KIND", evaluation::TermWords(condition.kind));
    row->SetValue("TEXT", commitments::SurfaceIn(condition.text, quoted));
  }
  for (const std::string& flag : commitment->flags) {
    body.ShowSection("HAS_FLAGS");
    body.AddSectionDictionary("FLAG")->SetValue("TEXT", flag);
  }
  Result<std::shared_ptr<const EvaluatedStatus>> status =
      StatusFor(site, context, context.request.Query()["at"]);
  if (!status.ok()) return StatusErrorPage(status.error(), context);
  const bool evaluated = FillCommitmentStatus(status.value()->status, commitment->id, body);
  if (evaluated) {
    body.ShowSection("HAS_STATUS");
    body.SetValue("AT", status.value()->status.at.LocalDate().ToString());
    if (!context.SeesRestricted()) body.ShowSection("PUBLIC_ONLY");
  }
  ledger::EventFilter filter;
  filter.commitment = commitment->id;
  Result<PageEvents> events = VisibleEvents(site, context, filter);
  if (!events.ok()) return LedgerReadFailurePage(503, events.error(), context);
  body.ShowSection(events.value().events.empty() ? "NO_EVENTS" : "HAS_EVENTS");
  // The status counts the events dated up to its day; a later one is listed, marked as such.
  const std::string counted_to =
      evaluated ? status.value()->status.at.LocalDate().ToString() : std::string();
  for (const nlohmann::json& event : events.value().events) {
    FillEventRow(site, body.AddSectionDictionary("EVENT"), event, events.value().correction_notes,
                 counted_to);
  }
  if (Result<bool> reviews = FillReviews(site, context, *commitment, review_form, body);
      !reviews.ok()) {
    return WithLogDetail(ProblemPage(503, "the reviews cannot be read"), reviews.error());
  }
  return RenderPage(context, "commitments", title, "commitment.tpl", body, page_status);
}

HttpResponse ReviewSubmit(Site& site, RequestContext& context) {
  const commitments::Commitment* commitment = site.FindCommitment(context.Param("id"));
  if (commitment == nullptr) return CommitmentPage(site, context);
  ReviewFormState form{context.request.Form(), ""};
  form.sent.erase("csrf");
  if (form.sent["decision"].empty()) {
    form.error = NoDecisionMessage();
    return CommitmentPage(site, context, form, 422);
  }
  const ReviewOutcome outcome =
      SubmitReview(site, *context.user, *commitment, ReviewBodyFromForm(form.sent));
  if (outcome.status == 201) return Redirect("/commitments/" + commitment->id + "#reviews");
  // Each message names the member it is about.
  form.error = outcome.message;
  HttpResponse page = CommitmentPage(site, context, form, outcome.status);
  page.log_detail = outcome.log_detail;
  return page;
}

}  // namespace

void AddCommitmentPages(Router& router, Site& site) {
  router.Add({"GET", "/commitments", Access::kPublic,
              [&site](RequestContext& context) { return CommitmentsPage(site, context); }, false});
  router.Add({"GET", "/commitments/{id}", Access::kPublic,
              [&site](RequestContext& context) { return CommitmentPage(site, context); }, false});
  router.Add({"POST", "/commitments/{id}/reviews", Access::kReviewer,
              [&site](RequestContext& context) { return ReviewSubmit(site, context); }, false});
}

}  // namespace treaty::http
