// GET and POST /record: the form to record an event of the types it has fields for.
#include <array>
#include <ranges>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "evaluation/term_words.h"
#include "ledger/event.h"
#include "ledger/import_reader.h"
#include "text/utf8.h"
#include "views/http/commitment_filter.h"
#include "views/http/page.h"
#include "views/http/recording.h"
#include "views/http/routes.h"

namespace treaty::http {
namespace {

using ctemplate::TemplateDictionary;

// The types whose fields the record form has; deliveries (item, quantity, unit), meetings,
// notices and consultations need more and are recorded with `treaty record` or the API.
constexpr std::array<const char*, 5> kFormTypes = {"disbursement", "allocation", "pledge",
                                                   "training", "technical_agreement"};

// kFormTypes and their words, as the form offers them.
std::vector<std::pair<std::string, std::string>> FormTypeOptions() {
  std::vector<std::pair<std::string, std::string>> types;
  for (const char* type : kFormTypes) types.emplace_back(type, evaluation::TermWords(type));
  return types;
}

HttpResponse RecordForm(Site& site, RequestContext& context,
                        const std::map<std::string, std::string>& form,
                        const std::vector<std::string>& errors, int status) {
  TemplateDictionary body("record");
  body.SetValue("INSTITUTION", context.user->institution);
  body.SetValue("USER", context.user->name);
  body.SetValue("CSRF", context.csrf);
  auto get = [&form](const char* name, const std::string& fallback = "") {
    const auto found = form.find(name);
    return found == form.end() ? fallback : found->second;
  };
  AddOptions(body, "TYPE_OPTION", FormTypeOptions(), get("type", "disbursement"));
  const ledger::Institution* institution = site.keys().FindInstitution(context.user->institution);
  AddOptions(body, "PARTICIPANT_OPTION", PartyOptions(site),
             get("participant", institution ? institution->participant : ""));
  body.SetValue("DATE", get("date"));
  // No default: an event linked to a commitment nobody chose would count toward it. Several may
  // be chosen; the form keeps them joined by ";", as the import's commitments cell.
  std::vector<std::pair<std::string, std::string>> commitments;
  for (const commitments::Commitment& commitment : site.agreement().reviewed) {
    if (!CommitmentFilter{}.Matches(commitment)) continue;
    commitments.emplace_back(commitment.id,
                             commitment.id + " — " + text::Shorten(commitment.action.Phrase(), 60));
  }
  std::set<std::string> chosen;
  const std::string chosen_list = get("commitment");
  for (const auto part : std::views::split(chosen_list, ';')) {
    chosen.emplace(part.begin(), part.end());
  }
  AddOptions(body, "COMMITMENT_OPTION", commitments, chosen);
  body.SetValue("AMOUNT", get("amount"));
  body.SetValue("CURRENCY", get("currency"));
  body.SetValue("DESCRIPTION", get("description"));
  body.SetValue("EVIDENCE", get("evidence"));
  // No default: the recorder must say (docs/ledger-format.md §1.1).
  AddOptions(body, "CLASSIFICATION_OPTION",
             {{"", "choose…"}, {"public", "public"}, {"restricted", "restricted"}},
             get("classification"));
  if (!errors.empty()) {
    body.ShowSection("FAILED");
    for (const std::string& error : errors)
      body.AddSectionDictionary("ERROR")->SetValue("TEXT", error);
  }
  return RenderPage(context, "record", "Record an event", "record.tpl", body, status);
}

// The record form's label of an import column that an error names: the form says "Evidence",
// not "evidence_sha256".
std::string FormLabel(const std::string& column) {
  static const std::map<std::string, std::string> kLabels = {{"type", "Type"},
                                                             {"participant", "Participant"},
                                                             {"date", "Date"},
                                                             {"commitments", "Commitments"},
                                                             {"amount", "Amount"},
                                                             {"currency", "Currency"},
                                                             {"description", "Description"},
                                                             {"evidence_reference", "Evidence"},
                                                             {"evidence", "Evidence"},
                                                             {"classification", "Classification"}};
  const auto label = kLabels.find(column);
  return label == kLabels.end() ? column : label->second;
}

HttpResponse RecordSubmit(Site& site, RequestContext& context) {
  std::map<std::string, std::string> form = context.request.Form();
  // A currency code typed in lower case ("eur") is the code.
  for (char& c : form["currency"]) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  // None chosen is no commitment ([]), which only a technical agreement may serve (§1.3).
  std::string chosen;
  for (const std::string& id : context.request.FormValues("commitment")) {
    if (!id.empty()) chosen += (chosen.empty() ? "" : ";") + id;
  }
  form["commitment"] = chosen;
  // Every other field is one value.
  std::vector<std::string> errors;
  for (const std::string& name : RepeatedNames(context.request.body, {"commitment"})) {
    errors.push_back(FormLabel(name) + ": given more than once");
  }
  if (!form["type"].empty() &&
      std::find(kFormTypes.begin(), kFormTypes.end(), form["type"]) == kFormTypes.end()) {
    std::vector<std::string> form_types;
    for (const auto& [type, words] : FormTypeOptions()) form_types.push_back(words);
    errors.push_back(
        ledger::EventTypeFromName(form["type"])
            ? fmt::format("Type: this form records {}; record a {} (`{}`) with `treaty record` or "
                          "the API",
                          fmt::join(form_types, ", "), evaluation::TermWords(form["type"]),
                          form["type"])
            : fmt::format("Type: no event type \"{}\"; this form records {}", form["type"],
                          fmt::join(form_types, ", ")));
  }
  if (!errors.empty()) return RecordForm(site, context, form, errors, 422);
  std::map<std::string, std::string> columns;
  for (const char* name :
       {"type", "participant", "date", "amount", "currency", "description", "classification"}) {
    if (!form[name].empty()) columns[name] = form[name];
  }
  columns["commitments"] = chosen;
  if (!form["evidence"].empty()) columns["evidence_reference"] = form["evidence"];
  const ledger::ValidationContext validation = site.EventContext(*context.user);
  ledger::FlatEvent flat = ledger::ParseFlatEvent(columns, validation);
  for (const ledger::FlatError& error : flat.errors) {
    // The form has no field for a hash: say what it can take instead of the column's rule.
    errors.push_back(error.column == "evidence_sha256"
                         ? "Evidence: a reference that is not an http(s) URL needs the "
                           "document's SHA-256, which this form does not take: give the "
                           "document's URL, or record it with `treaty record --evidence-file`"
                         : FormLabel(error.column) + ": " + error.message);
  }
  if (!errors.empty()) return RecordForm(site, context, form, errors, 422);
  // The flat reader derives the idempotency key; the recording derives it again from the input.
  nlohmann::json event = ledger::EventToJson(flat.event);
  if (event.value("idempotency_key", "").starts_with(ledger::kDerivedKeyPrefix)) {
    event.erase("idempotency_key");
  }
  RecordOutcome outcome = RecordEvent(site, *context.user, std::move(event));
  if (outcome.status == 201) return Redirect("/ledger?recorded=" + outcome.id);
  if (outcome.status == 200) return Redirect("/ledger?already=" + outcome.id);
  for (const ledger::FieldError& error : outcome.errors) errors.push_back(error.ToString());
  HttpResponse response = RecordForm(site, context, form, errors, outcome.status);
  response.log_detail = outcome.log_detail;
  return response;
}

}  // namespace

void AddRecordPages(Router& router, Site& site) {
  router.Add({"GET", "/record", Access::kRecorder,
              [&site](RequestContext& context) { return RecordForm(site, context, {}, {}, 200); },
              false});
  router.Add({"POST", "/record", Access::kRecorder,
              [&site](RequestContext& context) { return RecordSubmit(site, context); }, false});
}

}  // namespace treaty::http
