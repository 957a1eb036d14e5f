// The HTML pages: overview, text, commitments, one commitment, ledger, and the forms to record an
// event and to review a commitment.
// Values reach templates only through dictionaries (auto-escaped); nothing here writes markup.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <mutex>
#include <ranges>
#include <set>

#include "document/alignment.h"
#include "evaluation/amount_text.h"
#include "evaluation/ledger_facts.h"
#include "evaluation/period.h"
#include "evaluation/status_words.h"
#include "evaluation/term_words.h"
#include "ledger/event.h"
#include "ledger/hash.h"
#include "ledger/import_reader.h"
#include "store/sqlite/search_index.h"
#include "text/language.h"
#include "text/utf8.h"
#include "views/export/corrections_seen.h"
#include "views/export/ledger_entries.h"
#include "views/http/commitment_filter.h"
#include "views/http/page.h"
#include "views/http/recording.h"
#include "views/http/review_submission.h"
#include "views/http/review_view.h"
#include "views/http/routes.h"
#include "views/http/status_view.h"

namespace treaty::http {
namespace {

using ctemplate::TemplateDictionary;
using StoreLease = Pool<ledger::LedgerStore>::Lease;

constexpr int64_t kLedgerPageLeaves = 100;

std::string Join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

std::string PrevailingCode(const Site& site) {
  const auto& prevailing = site.agreement().package.prevailing_language;
  return prevailing ? std::string(text::LanguageCode(*prevailing)) : "";
}

// The agreement's party codes, then "both": what an obligor or a participant may be.
std::vector<std::pair<std::string, std::string>> PartyOptions(const Site& site) {
  std::vector<std::pair<std::string, std::string>> options;
  for (const std::string& code : site.participants()) options.emplace_back(code, code);
  options.emplace_back("both", "both");
  return options;
}

// ID, and ID_PART sections of TEXT that the page joins with <wbr>: an id may wrap after each
// "__" of its path, not inside a part ("sec_2__", "para_3__").
void AddIdParts(const std::string& id, TemplateDictionary& dict) {
  dict.SetValue("ID", id);
  for (size_t begin = 0; begin < id.size();) {
    const size_t found = id.find("__", begin);
    const size_t end = found == std::string::npos ? id.size() : found + 2;
    dict.AddSectionDictionary("ID_PART")->SetValue("TEXT", id.substr(begin, end - begin));
    begin = end;
  }
}

// What an event counts in words: its amount as the status pages write money ("EUR 2,500,000"),
// and its quantity with its unit ("5,000 × drone"), either or both.
std::string AmountText(const nlohmann::json& content) {
  std::vector<std::string> parts;
  if (const auto amount = content.find("amount"); amount != content.end() && amount->is_object()) {
    parts.push_back(evaluation::MoneyText(amount->value("minor_units", int64_t{0}),
                                          amount->value("currency", "")));
  }
  if (const auto quantity = content.find("quantity");
      quantity != content.end() && quantity->is_number_integer()) {
    parts.push_back(fmt::format("{} × {}", evaluation::CountText(quantity->get<int64_t>()),
                                content.value("unit", "")));
  }
  return Join(parts, "; ");
}

// The events a page shows: those the caller may see, each as parsed JSON, and, for callers who
// see restricted events, the problems of those whose stored bytes do not read (the ledger page
// lists them; other pages leave such events out, and the ledger page's badge names them).
struct PageEvents {
  std::vector<nlohmann::json> events;
  std::vector<std::pair<int64_t, std::string>> unreadable;  // leaf index, problem
  // What corrections say of the events shown (docs/ledger-format.md §9), by event id: "withdrawn
  // by leaf 12" or "amended by leaf 12" for a corrected event, "of leaf 3" for a correction.
  std::map<std::string, std::string> correction_notes;
};

// The visible events matching `filter` (views::VisibleEventJson for the caller's audience). An
// event that does not read is left out rather than failing the page: the verify badge and
// `treaty verify` say what is wrong. Errors: the store's.
Result<PageEvents> VisibleEvents(Site& site, const RequestContext& context,
                                 ledger::EventFilter filter) {
  filter.agreement = site.agreement_id();
  if (!context.SeesRestricted()) filter.classification = "public";
  Result<StoreLease> store = site.ledgers().Acquire();
  if (!store.ok()) return store.error();
  Result<std::vector<ledger::StoredEvent>> events = store.value()->FindEvents(filter);
  if (!events.ok()) return events.error();
  PageEvents out;
  for (const ledger::StoredEvent& event : events.value()) {
    Result<std::optional<nlohmann::json>> json =
        views::VisibleEventJson(event, AudienceOf(context));
    if (!json.ok()) {
      if (context.SeesRestricted())
        out.unreadable.emplace_back(event.leaf_index, json.error().ToString());
    } else if (json.value()) {
      out.events.push_back(std::move(*json.value()));
    }
  }
  // The corrections the caller sees, which stay events of their own: the events they correct are
  // marked, so that a withdrawn one is not read as standing. A correction follows what it
  // corrects, so only leaves from the first one shown are read.
  if (events.value().empty()) return out;
  std::set<std::string> shown;
  for (const ledger::StoredEvent& event : events.value()) shown.insert(event.id);
  Result<std::map<std::string, std::vector<views::CorrectionSeen>>> corrections =
      views::CorrectionsOf(*store.value(), filter.agreement, filter.classification,
                           events.value().front().leaf_index, shown, AudienceOf(context));
  if (!corrections.ok()) return corrections.error();
  for (const auto& [id, seen] : corrections.value()) {
    const views::CorrectionSeen& latest = seen.back();
    out.correction_notes[id] = fmt::format(
        "{} by leaf {}", latest.action == "retract" ? "withdrawn" : "amended", latest.leaf_index);
  }
  // A correction shown names the leaf it corrects.
  for (const ledger::StoredEvent& event : events.value()) {
    if (event.corrects.empty()) continue;
    Result<std::optional<ledger::StoredEvent>> original = store.value()->EventById(event.corrects);
    if (original.ok() && original.value()) {
      out.correction_notes[event.id] = fmt::format("of leaf {}", original.value()->leaf_index);
    }
  }
  return out;
}

// One event of a page; `notes` are PageEvents::correction_notes.
void FillEventRow(TemplateDictionary* row, const nlohmann::json& event,
                  const std::map<std::string, std::string>& notes) {
  const nlohmann::json& content = event.contains("replacement") ? event["replacement"] : event;
  row->SetIntValue("LEAF", event.value("leaf_index", 0));
  row->SetValue("EVENT_ID", event.value("id", ""));
  row->SetValue("DATE", content.value("date", ""));
  std::string type =
      event.value("type", "") == "correction"
          ? "correction (" + event.value("action", "") + ")"
          : evaluation::EventTypeWords(event.value("type", ""), event.value("subtype", ""));
  if (const auto note = notes.find(event.value("id", "")); note != notes.end()) {
    type += ", " + note->second;
    if (!note->second.starts_with("of ")) row->SetValue("CORRECTED", "corrected");
  }
  row->SetValue("TYPE", type);
  row->SetValue("PARTICIPANT", content.value("participant", ""));
  row->SetValue("AMOUNT", AmountText(content));
  row->SetValue("DESCRIPTION", event.value("description", ""));
  row->SetValue("CLASSIFICATION", event.value("classification", ""));
  row->SetValue("INSTITUTION", event["recorded_by"].value("institution", ""));
  for (const auto& id : content.value("commitments", nlohmann::json::array())) {
    AddIdParts(id.get<std::string>(), *row->AddSectionDictionary("COMMITMENT"));
  }
}

HttpResponse Overview(Site& site, RequestContext& context) {
  const document::AgreementPackage& package = site.agreement().package;
  TemplateDictionary body("overview");
  body.SetValue("AGREEMENT_TITLE", package.title);
  for (const document::Party& party : package.parties) {
    TemplateDictionary* row = body.AddSectionDictionary("PARTY");
    row->SetValue("PARTY_NAME", party.name);
    row->SetValue("PARTY_CODE", party.code);
  }
  body.SetValue("SIGNED_DATE", package.signed_date);
  body.SetValue("SIGNED_PLACE", package.signed_place);
  body.SetValue("ENTRY_INTO_FORCE", package.entry_into_force);
  body.SetValue("TERM", evaluation::PeriodInWords(package.term));
  // The authentic texts as the agreement names them, each said to be missing here when the
  // package has no copy of it (sec_6__para_9: "all texts being equally authentic").
  std::set<text::Language> bundled;
  for (const grammar::ExtractedText& version : site.agreement().versions) {
    bundled.insert(version.doc.language);
  }
  for (const text::Language language : package.authentic_languages) {
    TemplateDictionary* row = body.AddSectionDictionary("LANGUAGE");
    row->SetValue("LANGUAGE_NAME", LanguageName(std::string(text::LanguageCode(language))));
    if (!bundled.contains(language)) row->ShowSection("NOT_INCLUDED");
  }
  body.SetValue("PREVAILING", LanguageName(PrevailingCode(site)));
  int count = 0;
  std::set<std::string> sections;
  for (const commitments::Commitment& commitment : site.agreement().reviewed) {
    if (!CommitmentFilter{}.Matches(commitment)) continue;
    ++count;
    sections.insert(commitment.area.section);
  }
  Result<std::shared_ptr<const EvaluatedStatus>> status =
      StatusFor(site, context, context.request.Query()["at"]);
  if (!status.ok()) return StatusErrorPage(status.error(), context);
  FillLifecycle(status.value()->status, body);
  for (const evaluation::CommitmentStatus& entry : status.value()->status.commitments) {
    if (!entry.progress.contains("periods")) continue;
    TemplateDictionary* row = body.AddSectionDictionary("TARGET");
    row->SetValue("ID", entry.id);
    FillCommitmentTitle(site.FindCommitment(entry.id), entry.id, *row);
    FillCommitmentStatus(status.value()->status, entry.id, *row);
  }
  body.SetIntValue("COMMITMENT_COUNT", count);
  body.SetIntValue("SECTION_COUNT", static_cast<long>(sections.size()));
  body.SetIntValue("EVENT_COUNT", static_cast<long>(status.value()->status.ledger_size));
  body.SetValue("EVENT_WORD", context.SeesRestricted() ? "events" : "public events");
  Result<StoreLease> store = site.ledgers().Acquire();
  if (!store.ok()) return LedgerUnavailablePage(store.error());
  Result<std::optional<ledger::SignedTreeHead>> head =
      store.value()->LatestTreeHead(site.agreement_id());
  if (head.ok() && head.value()) {
    TemplateDictionary* row = body.AddSectionDictionary("HEAD");
    row->SetIntValue("HEAD_SIZE", static_cast<long>(head.value()->head.tree_size));
    row->SetValue("HEAD_SIGNER", head.value()->head.signer);
    row->SetValue("HEAD_TIME", head.value()->head.timestamp);
  }
  CarryAt(context, body);
  return RenderPage(context, "overview", DisplayTitle(package), "overview.tpl", body);
}

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
    row->SetValue("OBLIGORS", Join(commitment.obligors, ", "));
    row->SetValue("STRENGTH", std::string(commitments::StrengthName(commitment.strength)));
    row->SetValue("CATEGORY", std::string(commitments::CategoryName(commitment.area.category)));
    row->SetValue("ACTION", commitment.action.Phrase());
    if (!commitment.source.quotes.empty()) {
      row->SetValue("QUOTE", commitment.source.quotes.front().text);
    }
  }
  body.SetIntValue("COUNT", count);
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
  const std::string title = CommitmentTitle(*commitment);
  body.SetValue("TITLE", title);
  body.SetValue("ID", commitment->id);
  body.SetValue("CLASS", std::string(commitments::SentenceClassName(commitment->sentence_class)));
  body.SetValue("STRENGTH", std::string(commitments::StrengthName(commitment->strength)));
  body.SetValue("CATEGORY", std::string(commitments::CategoryName(commitment->area.category)));
  body.SetValue("OBLIGORS", Join(commitment->obligors, ", "));
  if (!commitment->beneficiary.empty()) {
    body.SetValueAndShowSection("NAME", commitment->beneficiary, "BENEFICIARY");
  }
  body.SetValue("EID", commitment->source.eid);
  body.SetValue("HEADINGS", Join(commitment->area.headings, " › "));
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
  if (commitment->targets.empty()) body.ShowSection("NO_TARGETS");
  for (const commitments::Target& target : commitment->targets) {
    TemplateDictionary* row = body.AddSectionDictionary("TARGET");
    row->SetValue("KIND", target.kind);
    row->SetValue("TEXT", commitments::SurfaceIn(target.text, prevailing));
  }
  for (const commitments::Condition& condition : commitment->conditions) {
    body.ShowSection("HAS_CONDITIONS");
    TemplateDictionary* row = body.AddSectionDictionary("CONDITION");
    row->SetValue("KIND", evaluation::TermWords(condition.kind));
    row->SetValue("TEXT", commitments::SurfaceIn(condition.text, prevailing));
  }
  for (const std::string& flag : commitment->flags) {
    body.ShowSection("HAS_FLAGS");
    body.AddSectionDictionary("FLAG")->SetValue("TEXT", flag);
  }
  Result<std::shared_ptr<const EvaluatedStatus>> status =
      StatusFor(site, context, context.request.Query()["at"]);
  if (!status.ok()) return StatusErrorPage(status.error(), context);
  if (FillCommitmentStatus(status.value()->status, commitment->id, body)) {
    body.ShowSection("HAS_STATUS");
    body.SetValue("AT", status.value()->status.at.LocalDate().ToString());
  }
  ledger::EventFilter filter;
  filter.commitment = commitment->id;
  Result<PageEvents> events = VisibleEvents(site, context, filter);
  if (!events.ok()) return LedgerReadFailurePage(503, events.error(), context);
  body.ShowSection(events.value().events.empty() ? "NO_EVENTS" : "HAS_EVENTS");
  for (const nlohmann::json& event : events.value().events) {
    FillEventRow(body.AddSectionDictionary("EVENT"), event, events.value().correction_notes);
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
  const ReviewOutcome outcome =
      SubmitReview(site, *context.user, *commitment, ReviewBodyFromForm(form.sent));
  if (outcome.status == 201) return Redirect("/commitments/" + commitment->id + "#reviews");
  form.error = outcome.field.empty() ? outcome.message : outcome.field + ": " + outcome.message;
  HttpResponse page = CommitmentPage(site, context, form, outcome.status);
  page.log_detail = outcome.log_detail;
  return page;
}

// The text page's body does not depend on who asks: it is built once.
class TextPage {
 public:
  const TemplateDictionary& Body(const Site& site) {
    std::call_once(once_, [&] { Build(site); });
    return *body_;
  }

 private:
  void Build(const Site& site);

  std::once_flag once_;
  std::unique_ptr<TemplateDictionary> body_;
};

// Splits `text` into plain pieces and the surfaces of `expressions` found in it, in order.
void AddPieces(TemplateDictionary* sentence, const std::string& text,
               const std::vector<const grammar::Expression*>& expressions) {
  std::vector<MarkedRange> marks;
  size_t at = 0;
  for (const grammar::Expression* expression : expressions) {
    const size_t found = text.find(expression->text, at);
    if (expression->text.empty() || found == std::string::npos) continue;
    at = found + expression->text.size();
    marks.push_back({found, at, grammar::ExpressionJson(*expression).value("kind", "")});
  }
  AddMarkedPieces(*sentence, text, marks);
}

void TextPage::Build(const Site& site) {
  body_ = std::make_unique<TemplateDictionary>("text");
  TemplateDictionary& body = *body_;
  const std::string prevailing = PrevailingCode(site);
  if (!prevailing.empty()) {
    body.SetValueAndShowSection("LANGUAGE", LanguageName(prevailing), "PREVAILING_NOTE");
  }
  // Column order: Latvian, then English, then any other text.
  std::vector<const grammar::ExtractedText*> columns;
  for (const char* code : {"lv", "en", "uk"}) {
    for (const grammar::ExtractedText& version : site.agreement().versions) {
      if (text::LanguageCode(version.doc.language) == code) columns.push_back(&version);
    }
  }
  // Commitment sentences by language and eId.
  std::map<std::pair<std::string, std::string>, std::string> commitment_of;
  for (const commitments::Commitment& commitment : site.agreement().reviewed) {
    if (!CommitmentFilter{}.Matches(commitment)) continue;
    for (const commitments::Quote& quote : commitment.source.quotes) {
      commitment_of[{quote.language, quote.eid}] = commitment.id;
    }
  }
  // Rows follow the prevailing text (else the first column). Another text's cell holds the nodes
  // the alignment pairs with the row's (`treaty align`), so that a paragraph split or merged in
  // one language still sits beside its counterpart; a node that corresponds to nothing there gets
  // a row of its own after the row of its text's node before it.
  const grammar::ExtractedText* base = columns.front();
  for (const grammar::ExtractedText* version : columns) {
    const std::string language(text::LanguageCode(version->doc.language));
    TemplateDictionary* head = body.AddSectionDictionary("HEAD");
    head->SetValue("LANGUAGE", language);
    head->SetValue("LANGUAGE_NAME", LanguageName(language));
    if (language == prevailing) {
      head->ShowSection("IS_PREVAILING");
      base = version;
    }
  }
  const std::string base_language(text::LanguageCode(base->doc.language));
  struct Row {
    std::string eid;
    std::vector<std::string> headings;
    std::map<std::string, std::vector<const document::Node*>> cells;  // by language
    std::vector<std::string> also;  // the eIds of the rows shown within this one
  };
  std::vector<Row> rows;
  std::map<std::string, std::map<std::string, size_t>> row_of;  // language → eId → row
  for (const store::SearchEntry& entry : store::ProvisionEntries(site.agreement_id(), base->doc)) {
    row_of[base_language][entry.eid] = rows.size();
    rows.push_back(
        {entry.eid, entry.heading_path, {{base_language, {base->doc.Find(entry.eid)}}}, {}});
  }
  std::vector<std::vector<Row>> inserted(rows.size() + 1);  // [i]: rows to show before row i
  std::vector<size_t> shown_in(rows.size());                // [i]: the row that shows row i
  for (size_t i = 0; i < rows.size(); ++i) shown_in[i] = i;
  // Row i joins the row shown before it: its cells, the rows it shows, and the places of the
  // nodes in them.
  auto merge_into_previous = [&](size_t i) {
    const size_t into = shown_in[i - 1];
    for (auto& [language, nodes] : rows[i].cells) {
      std::vector<const document::Node*>& cell = rows[into].cells[language];
      cell.insert(cell.end(), nodes.begin(), nodes.end());
    }
    for (auto& [language, placed] : row_of) {
      for (auto& [eid, row] : placed) {
        if (row == i) row = into;
      }
    }
    rows[i].cells.clear();
    rows[into].also.push_back(rows[i].eid);
    rows[into].also.insert(rows[into].also.end(), rows[i].also.begin(), rows[i].also.end());
    rows[i].also.clear();
    for (size_t& shown : shown_in) {
      if (shown == i) shown = into;
    }
  };
  for (const grammar::ExtractedText* version : columns) {
    if (version == base) continue;
    const std::string language(text::LanguageCode(version->doc.language));
    const document::Alignment alignment = document::AlignDocuments(version->doc, base->doc);
    std::map<std::string, size_t>& placed = row_of[language];
    for (size_t i = 0; i < rows.size(); ++i) {
      std::vector<std::string> ids = alignment.Resolve(rows[i].eid, base_language);
      const document::Node* same = version->doc.Find(rows[i].eid);
      // Heading containers are matched by type and number: the same eId.
      if (ids.empty() && same != nullptr && document::IsHeadingContainer(same->type)) {
        ids.push_back(rows[i].eid);
      }
      bool placed_here = false;
      bool placed_before = false;  // in the row shown just before this one
      for (const std::string& id : ids) {
        const document::Node* node = version->doc.Find(id);
        if (node == nullptr) continue;
        const auto [at, added] = placed.emplace(id, shown_in[i]);
        if (added) {
          rows[shown_in[i]].cells[language].push_back(node);
          placed_here = true;
        } else if (i > 0 && at->second == shown_in[i - 1]) {
          placed_before = true;
        }
      }
      // One paragraph of this text for this row and the one before (lv para_4 ↔ en para_4 +
      // para_5): the two rows become one, so that it sits beside both; within one heading only.
      if (placed_before && !placed_here && shown_in[i] == i &&
          rows[i].headings == rows[shown_in[i - 1]].headings) {
        merge_into_previous(i);
      }
    }
    size_t after = 0;  // the row of this text's node before the next one
    for (const store::SearchEntry& entry :
         store::ProvisionEntries(site.agreement_id(), version->doc)) {
      if (const auto found = placed.find(entry.eid); found != placed.end()) {
        after = found->second + 1;
        continue;
      }
      const bool taken = row_of[base_language].contains(entry.eid);
      inserted[after].push_back({taken ? language + "-" + entry.eid : entry.eid,
                                 entry.heading_path,
                                 {{language, {version->doc.Find(entry.eid)}}},
                                 {}});
    }
  }
  auto add_row = [&](const Row& row) {
    TemplateDictionary* section = body.AddSectionDictionary("ROW");
    section->SetValue("EID", row.eid);
    for (const std::string& eid : row.also) {
      section->AddSectionDictionary("ALSO")->SetValue("EID", eid);
    }
    section->SetIntValue("COLUMNS", static_cast<long>(columns.size()));
    section->AddSectionDictionary("HEADING_TEXT")->SetValue("TEXT", Join(row.headings, " › "));
    for (const grammar::ExtractedText* version : columns) {
      const std::string language(text::LanguageCode(version->doc.language));
      TemplateDictionary* cell = section->AddSectionDictionary("CELL");
      cell->SetValue("LANGUAGE", language);
      const auto nodes = row.cells.find(language);
      if (nodes == row.cells.end()) continue;
      for (const document::Node* node : nodes->second) {
        TemplateDictionary* paragraph = cell->AddSectionDictionary("PARAGRAPH");
        paragraph->SetValue("PARAGRAPH_ID", TextParagraphId(language, node->eid));
        std::vector<const grammar::Expression*> own;
        for (const grammar::Expression& expression : version->expressions.found) {
          if (expression.eid == node->eid) own.push_back(&expression);
        }
        for (const document::Node& child : node->children) {
          if (child.type != document::NodeType::kSentence) continue;
          TemplateDictionary* sentence = paragraph->AddSectionDictionary("SENTENCE");
          const auto commitment = commitment_of.find({language, child.eid});
          if (commitment != commitment_of.end()) {
            TemplateDictionary* link = sentence->AddSectionDictionary("COMMITMENT");
            link->SetValue("ID", commitment->second);
            const commitments::Commitment* found = site.FindCommitment(commitment->second);
            link->SetValue("TITLE",
                           found != nullptr ? CommitmentTitle(*found) : commitment->second);
          }
          AddPieces(sentence, child.text, own);
        }
      }
    }
  };
  for (size_t i = 0; i <= rows.size(); ++i) {
    for (const Row& row : inserted[i]) add_row(row);
    // A row shown within another is not shown on its own.
    if (i < rows.size() && shown_in[i] == i) add_row(rows[i]);
  }
}

// The badge: the latest finished verification and how much of the ledger it covered. What went
// wrong is named (an event id, a column's value) only to a caller who sees restricted events: a
// mismatch may be in one of them.
void FillVerifyBadge(const std::optional<VerifiedLedger>& verified, int64_t size,
                     const RequestContext& context, TemplateDictionary& row) {
  std::string text;
  std::string css = "bad";
  if (!verified) {
    css = "pending";
    text = "verification running";
  } else if (!verified->ran) {
    text = "verification could not run: " +
           (context.SeesRestricted() ? verified->problem : "the ledger cannot be read");
  } else if (!verified->ok) {
    text = "verification failed: " +
           (context.SeesRestricted()
                ? verified->problem
                : "the ledger does not match its signed tree heads (treaty verify names the "
                  "first mismatch)");
  } else {
    css = "ok";
    text = "verified: every event, hash and signature recomputed";
    if (verified->head_size != size) {
      text += fmt::format(" up to tree size {} (the newer events are being checked)",
                          verified->head_size);
    }
  }
  row.SetValue("VERIFY_CLASS", css);
  row.SetValue("VERIFY_TEXT", text);
}

HttpResponse LedgerPage(Site& site, RequestContext& context) {
  TemplateDictionary body("ledger");
  auto query = context.request.Query();
  if (!query["begin"].empty() && !IsCount(query["begin"])) {
    return ProblemPage(400, "begin: a leaf index");
  }
  if (!query["end"].empty() && !IsCount(query["end"])) {
    return ProblemPage(400, "end: a leaf index");
  }
  Result<StoreLease> store = site.ledgers().Acquire();
  if (!store.ok()) return LedgerUnavailablePage(store.error());
  // The notice after the recording form: only for an event of this ledger the caller sees, so
  // that a link cannot make the page say what did not happen. An event the form sent again was
  // recorded before (`already`): the page is the one that holds its leaf.
  struct Notice {
    const char* section;
    std::string id;
    int64_t leaf;
  };
  std::vector<Notice> notices;
  // The page shown holds this leaf: an event the form sent again, or one a link names (`event`,
  // from the reasons of a status).
  std::optional<int64_t> held_leaf;
  for (const char* notice : {"recorded", "already", "event"}) {
    const auto id = query.find(notice);
    if (id == query.end()) continue;
    Result<std::optional<ledger::StoredEvent>> event = store.value()->EventById(id->second);
    if (!event.ok() || !event.value() || event.value()->agreement != site.agreement_id() ||
        !evaluation::Sees(AudienceOf(context), event.value()->classification)) {
      continue;
    }
    const std::string_view kind = notice;
    if (kind != "recorded") held_leaf = event.value()->leaf_index;
    if (kind == "event") continue;
    notices.push_back({kind == "recorded" ? "RECORDED" : "ALREADY", event.value()->id,
                       event.value()->leaf_index});
  }
  Result<std::optional<ledger::SignedTreeHead>> head =
      store.value()->LatestTreeHead(site.agreement_id());
  int64_t size = 0;
  if (head.ok()) {
    size = head.value() ? head.value()->head.tree_size : 0;
  } else {
    // A damaged head still leaves the events to show, and the badge to say what is wrong.
    Result<std::optional<ledger::LedgerState>> state = store.value()->State(site.agreement_id());
    if (!state.ok()) return LedgerReadFailurePage(503, state.error(), context);
    if (!state.value()) return ProblemPage(503, "the ledger cannot be read");
    size = state.value()->tree_size;
  }
  // One page of leaves [begin, end), the latest by default; readers see the public events among
  // them. A page before one that does not start at a multiple of the page size ends where that
  // one begins (`end`), so that going back never shows a leaf twice.
  // An `end` alone ends the page, at most at the ledger's last leaf: it begins up to a page's worth
  // of leaves before.
  int64_t begin = std::max<int64_t>(0, size - kLedgerPageLeaves);
  int64_t end = query["end"].empty() ? 0 : std::stoll(query["end"]);
  if (!query["begin"].empty()) {
    begin = std::stoll(query["begin"]);
  } else if (!query["end"].empty()) {
    end = std::min(end, size);
    if (end < 1) return ProblemPage(400, "end: a leaf index of 1 or more, within the ledger");
    begin = std::max<int64_t>(0, end - kLedgerPageLeaves);
  } else if (held_leaf && *held_leaf < begin) {
    begin = *held_leaf / kLedgerPageLeaves * kLedgerPageLeaves;
  }
  if (query["end"].empty()) end = begin + kLedgerPageLeaves;
  if (end <= begin || end > begin + kLedgerPageLeaves) {
    return ProblemPage(
        400, fmt::format("end: after begin and at most {} leaves after it", kLedgerPageLeaves));
  }
  // A notice's event is on this page, or a link leads to the page that holds it.
  for (const Notice& notice : notices) {
    TemplateDictionary* shown = body.AddSectionDictionary(notice.section);
    shown->SetValue("ID", notice.id);
    shown->SetIntValue("LEAF", static_cast<long>(notice.leaf));
    if (notice.leaf >= begin && notice.leaf < end) {
      shown->ShowSection("SHOWN_BELOW");
    } else {
      shown->SetIntValue("PAGE",
                         static_cast<long>(notice.leaf / kLedgerPageLeaves * kLedgerPageLeaves));
      shown->ShowSection("ON_ITS_PAGE");
    }
  }
  ledger::EventFilter filter;
  filter.begin = begin;
  filter.limit = end - begin;
  Result<PageEvents> events = VisibleEvents(site, context, filter);
  if (!events.ok()) return LedgerReadFailurePage(503, events.error(), context);
  for (const nlohmann::json& event : events.value().events) {
    if (event.value("leaf_index", int64_t{0}) >= end) break;
    FillEventRow(body.AddSectionDictionary("EVENT"), event, events.value().correction_notes);
  }
  for (const auto& [leaf, problem] : events.value().unreadable) {
    TemplateDictionary* row = body.AddSectionDictionary("UNREADABLE");
    row->SetIntValue("LEAF", static_cast<long>(leaf));
    row->SetValue("PROBLEM", problem);
  }
  if (begin < size) {
    TemplateDictionary* range = body.AddSectionDictionary("RANGE");
    range->SetIntValue("FIRST", static_cast<long>(begin));
    range->SetIntValue("LAST", static_cast<long>(std::min(end, size) - 1));
    range->SetIntValue("SIZE", static_cast<long>(size));
    if (begin > 0) {
      TemplateDictionary* earlier = range->AddSectionDictionary("HAS_EARLIER");
      earlier->SetIntValue("EARLIER",
                           static_cast<long>(std::max<int64_t>(0, begin - kLedgerPageLeaves)));
      if (begin < kLedgerPageLeaves) {
        earlier->SetValueAndShowSection("END", std::to_string(begin), "EARLIER_END");
      }
    }
    if (end < size) {
      range->SetIntValue("LATER", static_cast<long>(end));
      range->ShowSection("HAS_LATER");
    }
    if (!context.SeesRestricted()) range->ShowSection("PUBLIC_ONLY");
  } else if (size > 0) {
    TemplateDictionary* past = body.AddSectionDictionary("PAST_END");
    past->SetIntValue("BEGIN", static_cast<long>(begin));
    past->SetIntValue("SIZE", static_cast<long>(size));
  }
  if (!head.ok()) {
    TemplateDictionary* row = body.AddSectionDictionary("HEAD_UNREADABLE");
    row->SetValue("PROBLEM", head.error().message);
    FillVerifyBadge(site.verification().Latest(size), size, context, *row);
    return RenderPage(context, "ledger", "Ledger", "ledger.tpl", body);
  }
  if (!head.value()) {
    body.ShowSection("NO_HEAD");
    return RenderPage(context, "ledger", "Ledger", "ledger.tpl", body);
  }
  TemplateDictionary* row = body.AddSectionDictionary("HEAD");
  row->SetIntValue("SIZE", static_cast<long>(size));
  row->SetValue("ROOT", ledger::ToHex(head.value()->head.root_hash));
  row->SetValue("SIGNER", head.value()->head.signer);
  row->SetValue("TIME", head.value()->head.timestamp);
  FillVerifyBadge(site.verification().Latest(size), size, context, *row);
  return RenderPage(context, "ledger", "Ledger", "ledger.tpl", body);
}

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

void AddPageRoutes(Router& router, Site& site) {
  SetTemplateRoot(site.options().web_root);
  auto text_page = std::make_shared<TextPage>();
  router.Add({"GET", "/", Access::kPublic,
              [&site](RequestContext& context) { return Overview(site, context); }, false});
  router.Add({"GET", "/text", Access::kPublic,
              [&site, text_page](RequestContext& context) {
                return RenderPage(context, "text", "Text", "text.tpl", text_page->Body(site));
              },
              false});
  router.Add({"GET", "/commitments", Access::kPublic,
              [&site](RequestContext& context) { return CommitmentsPage(site, context); }, false});
  router.Add({"GET", "/commitments/{id}", Access::kPublic,
              [&site](RequestContext& context) { return CommitmentPage(site, context); }, false});
  router.Add({"POST", "/commitments/{id}/reviews", Access::kReviewer,
              [&site](RequestContext& context) { return ReviewSubmit(site, context); }, false});
  router.Add({"GET", "/ledger", Access::kPublic,
              [&site](RequestContext& context) { return LedgerPage(site, context); }, false});
  router.Add({"GET", "/record", Access::kRecorder,
              [&site](RequestContext& context) { return RecordForm(site, context, {}, {}, 200); },
              false});
  router.Add({"POST", "/record", Access::kRecorder,
              [&site](RequestContext& context) { return RecordSubmit(site, context); }, false});
}

}  // namespace treaty::http
