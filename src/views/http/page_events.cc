#include "views/http/page_events.h"

#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "evaluation/amount_text.h"
#include "evaluation/term_words.h"
#include "views/export/corrections_seen.h"
#include "views/export/ledger_entries.h"
#include "views/http/page.h"
#include "views/http/routes.h"

namespace treaty::http {
namespace {

using ctemplate::TemplateDictionary;
using StoreLease = Pool<ledger::LedgerStore>::Lease;

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
  return fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace

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

void FillEventRow(const Site& site, TemplateDictionary* row, const nlohmann::json& event,
                  const std::map<std::string, std::string>& notes, const std::string& counted_to) {
  const nlohmann::json& content = event.contains("replacement") ? event["replacement"] : event;
  row->SetIntValue("LEAF", event.value("leaf_index", 0));
  row->SetValue("EVENT_ID", event.value("id", ""));
  const std::string date = content.value("date", "");
  row->SetValue("DATE", date);
  if (!counted_to.empty() && date > counted_to) {
    row->SetValueAndShowSection("DAY", counted_to, "LATER");
  }
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
    TemplateDictionary* commitment = row->AddSectionDictionary("COMMITMENT");
    AddIdParts(id.get<std::string>(), *commitment);
    commitment->SetValue("TITLE", site.TitleOf(id.get<std::string>()));
  }
}

}  // namespace treaty::http
