#include "views/export/iati_writer.h"

#include <pugixml.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "evaluation/amount_text.h"
#include "evaluation/flow_sums.h"
#include "text/language.h"
#include "views/export/major_units.h"
#include "views/export/xml_text.h"

namespace treaty::views {
namespace {

using commitments::Commitment;

// Codes of the IATI 2.03 codelists used here.
constexpr char kGovernment[] = "10";          // OrganisationType
constexpr char kFunding[] = "1";              // OrganisationRole
constexpr char kInternalIdentifier[] = "A1";  // OtherIdentifierType: reporting org's own id
constexpr char kGeneralDescription[] = "1";   // DescriptionType
constexpr char kPlannedStart[] = "1";         // ActivityDateType
constexpr char kActualStart[] = "2";
constexpr char kPlannedEnd[] = "3";
constexpr char kPipeline[] = "1";  // ActivityStatus
constexpr char kImplementation[] = "2";
constexpr char kFinalisation[] = "3";
constexpr char kCancelled[] = "5";
constexpr char kReportingOrganisationVocabulary[] = "99";  // SectorVocabulary
constexpr char kOriginalBudget[] = "1";                    // BudgetType
constexpr char kIndicative[] = "1";                        // BudgetStatus

// The TransactionType of a ledger event that carries an amount, or nullptr for one that does
// not become a transaction (README.md, "IATI").
const char* TransactionType(ledger::EventType type) {
  switch (type) {
    case ledger::EventType::kPledge:
      return "12";  // Outgoing Pledge
    case ledger::EventType::kAllocation:
      return "2";  // Outgoing Commitment
    case ledger::EventType::kDisbursement:
      return "3";  // Disbursement
    case ledger::EventType::kDelivery:
    case ledger::EventType::kTraining:
      return "4";  // Expenditure
    default:
      return nullptr;
  }
}

// A year, month or date of an expression as the first (`end` false) or last day it covers;
// empty when `text` is none of them.
std::string Bound(const std::string& text, bool end) {
  if (text.size() == 4) return text + (end ? "-12-31" : "-01-01");
  if (text.size() == 10) return text;
  if (text.size() != 7) return "";
  if (!end) return text + "-01";
  const std::chrono::year year{std::stoi(text.substr(0, 4))};
  const std::chrono::month month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))};
  const unsigned last = static_cast<unsigned>(
      std::chrono::year_month_day_last(year, std::chrono::month_day_last(month)).day());
  return fmt::format("{}-{:02}", text, last);
}

struct PlannedPeriod {
  std::string start;  // YYYY-MM-DD, or empty when the text gives none
  std::string end;
  bool cancelled = false;  // planned to start after a termination ends the Agreement
};

// The years and periods among the commitment's targets, from the earliest to the latest.
PlannedPeriod PeriodOf(const Commitment& commitment) {
  PlannedPeriod period;
  auto widen = [&period](const std::string& from, const std::string& to) {
    const std::string start = Bound(from, false), end = Bound(to, true);
    if (!start.empty() && (period.start.empty() || start < period.start)) period.start = start;
    if (!end.empty() && (period.end.empty() || end > period.end)) period.end = end;
  };
  for (const commitments::Target& target : commitment.targets) {
    const nlohmann::json& value = target.value;
    if (target.kind == "year" && value.is_number_integer()) {
      widen(std::to_string(value.get<int>()), std::to_string(value.get<int>()));
    } else if (target.kind == "years" && value.is_array()) {
      for (const nlohmann::json& year : value) {
        if (year.is_number_integer()) {
          widen(std::to_string(year.get<int>()), std::to_string(year.get<int>()));
        }
      }
    } else if (target.kind == "period" && value.is_object()) {
      widen(value.value("from", ""), value.value("to", ""));
    }
  }
  return period;
}

// ActivityStatus on `today`: cancelled, not yet started, under way, or past its planned end.
// Closing an activity is a decision the ledger does not record, so "closed" is never given.
const char* ActivityStatus(const PlannedPeriod& period, const std::string& today) {
  if (period.cancelled) return kCancelled;
  if (!period.start.empty() && today < period.start) return kPipeline;
  if (!period.end.empty() && today > period.end) return kFinalisation;
  return kImplementation;
}

std::string MoneyCurrency(const Commitment& commitment) {
  for (const commitments::Target& target : commitment.targets) {
    if (target.kind == "money" && target.value.is_object()) {
      return target.value.value("currency", "");
    }
  }
  return "";
}

pugi::xml_node AppendNarrative(pugi::xml_node parent, const std::string& text,
                               const std::string& language = "") {
  pugi::xml_node narrative = parent.append_child("narrative");
  if (!language.empty()) narrative.append_attribute("xml:lang") = language.c_str();
  narrative.append_child(pugi::node_pcdata).set_value(XmlSafe(text).c_str());
  return narrative;
}

void AppendCoded(pugi::xml_node parent, const char* name, const char* code) {
  parent.append_child(name).append_attribute("code") = code;
}

void AppendDate(pugi::xml_node activity, const char* type, const std::string& date) {
  pugi::xml_node element = activity.append_child("activity-date");
  element.append_attribute("type") = type;
  element.append_attribute("iso-date") = date.c_str();
}

// What every activity of the file shares.
struct Context {
  const commitments::AgreementCommitments& agreement;
  const ledger::KeysFile& keys;
  const std::vector<LedgerEntry>& entries;
  const evaluation::AgreementStatus& status;
  std::string today;
};

// The planned period as a termination leaves it. sec_6__para_7__sent_1: "The Agreement may be
// terminated by either Participant by giving a written notice ... at least 6 (six) months in
// advance": a plan ends by the last day in force, as the status owes nothing after it, and one
// that was to start after it is cancelled. sec_6__para_8__sent_1: "The termination will not
// affect the implementation of ongoing activities or projects, which have been decided prior to
// the date of its termination": an activity with such a decision among its transactions is not
// cancelled, and its transactions go on being reported after its planned end.
PlannedPeriod AfterTermination(PlannedPeriod period, const evaluation::Lifecycle& lifecycle,
                               const std::vector<std::string>& transaction_events) {
  if (!lifecycle.termination_effective) return period;
  const std::string last_day = lifecycle.last_day_in_force.ToString();
  if (!period.end.empty() && period.end <= last_day) return period;
  if (!period.start.empty() && period.start > last_day) {
    const std::vector<std::string>& continuing = lifecycle.continuing_activities;
    period.cancelled = std::none_of(
        transaction_events.begin(), transaction_events.end(), [&](const std::string& event) {
          return std::find(continuing.begin(), continuing.end(), event) != continuing.end();
        });
    return period;
  }
  period.end = last_day;
  return period;
}

const ledger::Institution* FirstInstitution(const ledger::KeysFile& keys,
                                            const std::string& participant) {
  for (const ledger::Institution& institution : keys.institutions) {
    if (institution.participant == participant) return &institution;
  }
  return nullptr;
}

// The party that receives: the beneficiary the text names, else the only other party.
const document::Party* Recipient(const document::AgreementPackage& package,
                                 const Commitment& commitment) {
  const document::Party* other = nullptr;
  for (const document::Party& party : package.parties) {
    if (party.code == commitment.beneficiary) return &party;
    if (std::find(commitment.obligors.begin(), commitment.obligors.end(), party.code) ==
        commitment.obligors.end()) {
      other = &party;
    }
  }
  return other;
}

std::string Title(const document::AgreementPackage& package, const Commitment& commitment) {
  const std::string& agreement = DisplayTitle(package);
  const std::string& area =
      commitment.area.headings.empty() ? commitment.area.section : commitment.area.headings.back();
  return fmt::format("{}: {} ({})", agreement, area, commitment.id);
}

// The quotes of the commitment, those of one language joined, in the order of the package.
std::vector<std::pair<std::string, std::string>> Descriptions(const Commitment& commitment) {
  std::vector<std::pair<std::string, std::string>> texts;
  for (const commitments::Quote& quote : commitment.source.quotes) {
    auto same = std::find_if(texts.begin(), texts.end(),
                             [&quote](const auto& text) { return text.first == quote.language; });
    if (same == texts.end()) {
      texts.emplace_back(quote.language, quote.text);
    } else {
      same->second += " " + quote.text;
    }
  }
  return texts;
}

void AppendTransaction(pugi::xml_node activity, const LedgerEntry& entry, const char* type,
                       const Context& context, const document::Party* recipient) {
  const ledger::EventContent& content = entry.event.content;
  pugi::xml_node transaction = activity.append_child("transaction");
  transaction.append_attribute("ref") = entry.event.id.c_str();
  AppendCoded(transaction, "transaction-type", type);
  transaction.append_child("transaction-date").append_attribute("iso-date") = content.date.c_str();
  pugi::xml_node value = transaction.append_child("value");
  value.append_attribute("currency") = content.amount->currency.c_str();
  value.append_attribute("value-date") = content.date.c_str();
  value.append_child(pugi::node_pcdata)
      .set_value(MajorUnits(content.amount->minor_units, content.amount->currency).c_str());
  AppendNarrative(transaction.append_child("description"), content.description);
  pugi::xml_node provider = transaction.append_child("provider-org");
  const std::string& institution = entry.event.recorded_by.institution;
  provider.append_attribute("ref") = institution.c_str();
  provider.append_attribute("type") = kGovernment;
  if (const ledger::Institution* found = context.keys.FindInstitution(institution)) {
    AppendNarrative(provider, found->name);
  }
  if (recipient != nullptr)
    AppendNarrative(transaction.append_child("receiver-org"), recipient->name);
}

// The commitment's target for each single year its status measures, as an indicative budget of
// that year in the target's currency.
void AppendBudgets(pugi::xml_node activity, const Commitment& commitment, const Context& context) {
  const evaluation::CommitmentStatus* status =
      evaluation::FindCommitmentStatus(context.status.commitments, commitment.id);
  if (status == nullptr || !status->progress.contains("periods")) return;
  const std::string currency = status->progress.value("currency", "");
  for (const nlohmann::json& period : status->progress["periods"]) {
    // A target for no year (its period "all years") has none.
    const nlohmann::json years = period.value("years", nlohmann::json::array());
    const nlohmann::json target = period.value("target_minor_units", nlohmann::json());
    if (currency.empty() || !target.is_number_integer() || years.size() != 2 ||
        years[0] != years[1]) {
      continue;
    }
    const int year = years[0].get<int>();
    const std::string start = fmt::format("{}-01-01", year);
    pugi::xml_node budget = activity.append_child("budget");
    budget.append_attribute("type") = kOriginalBudget;
    budget.append_attribute("status") = kIndicative;
    budget.append_child("period-start").append_attribute("iso-date") = start.c_str();
    budget.append_child("period-end").append_attribute("iso-date") =
        fmt::format("{}-12-31", year).c_str();
    pugi::xml_node value = budget.append_child("value");
    value.append_attribute("currency") = currency.c_str();
    value.append_attribute("value-date") = start.c_str();
    value.append_child(pugi::node_pcdata)
        .set_value(MajorUnits(target.get<int64_t>(), currency).c_str());
  }
}

Result<bool> AppendActivity(pugi::xml_node root, const Commitment& commitment,
                            const Context& context) {
  const document::AgreementPackage& package = context.agreement.package;
  const ledger::Institution* reporting =
      FirstInstitution(context.keys, commitment.obligors.front());
  if (reporting == nullptr) {
    return Error{fmt::format("no institution of {}, the obligor of {}, in the keys file",
                             commitment.obligors.front(), commitment.id),
                 "keys file"};
  }
  pugi::xml_node activity = root.append_child("iati-activity");
  if (package.prevailing_language) {
    activity.append_attribute("xml:lang") =
        std::string(text::LanguageCode(*package.prevailing_language)).c_str();
  }
  activity.append_child("iati-identifier")
      .append_child(pugi::node_pcdata)
      .set_value(fmt::format("{}-{}-{}", reporting->id, package.id, commitment.id).c_str());
  pugi::xml_node reporting_org = activity.append_child("reporting-org");
  reporting_org.append_attribute("ref") = reporting->id.c_str();
  reporting_org.append_attribute("type") = kGovernment;
  AppendNarrative(reporting_org, reporting->name);
  AppendNarrative(activity.append_child("title"), Title(package, commitment));
  pugi::xml_node description = activity.append_child("description");
  description.append_attribute("type") = kGeneralDescription;
  for (const auto& [language, text] : Descriptions(commitment)) {
    AppendNarrative(description, text, language);
  }
  pugi::xml_node funding = activity.append_child("participating-org");
  funding.append_attribute("ref") = reporting->id.c_str();
  funding.append_attribute("type") = kGovernment;
  funding.append_attribute("role") = kFunding;
  AppendNarrative(funding, reporting->name);
  pugi::xml_node other_identifier = activity.append_child("other-identifier");
  other_identifier.append_attribute("ref") = commitment.id.c_str();
  other_identifier.append_attribute("type") = kInternalIdentifier;

  // What the other Participant did is not this activity's, whose funder is the obligor: the rule
  // of the status (evaluation::IsProvider); what both did together is.
  std::vector<std::pair<const LedgerEntry*, const char*>> transactions;
  std::vector<std::string> transaction_events;
  for (const LedgerEntry& entry : context.entries) {
    const ledger::EventContent& content = entry.event.content;
    const char* type = TransactionType(content.type);
    if (type != nullptr && content.amount &&
        evaluation::IsProvider(commitment.obligors, content.participant) &&
        std::find(content.commitments.begin(), content.commitments.end(), commitment.id) !=
            content.commitments.end()) {
      transactions.emplace_back(&entry, type);
      transaction_events.push_back(entry.event.id);
    }
  }
  // The target's currency; for a target without one (a share of GDP), the one its transactions
  // share, if they share one.
  std::string currency = MoneyCurrency(commitment);
  if (currency.empty() && !transactions.empty()) {
    const std::string& first = transactions.front().first->event.content.amount->currency;
    if (std::all_of(transactions.begin(), transactions.end(), [&first](const auto& transaction) {
          return transaction.first->event.content.amount->currency == first;
        })) {
      currency = first;
    }
  }
  if (!currency.empty()) activity.append_attribute("default-currency") = currency.c_str();
  const PlannedPeriod period =
      AfterTermination(PeriodOf(commitment), context.status.lifecycle, transaction_events);
  AppendCoded(activity, "activity-status", ActivityStatus(period, context.today));
  const std::string& in_force =
      package.entry_into_force_date.empty() ? package.signed_date : package.entry_into_force_date;
  AppendDate(activity, kPlannedStart, period.start.empty() ? in_force : period.start);
  if (!transactions.empty()) {
    std::string first = transactions.front().first->event.content.date;
    for (const auto& [entry, type] : transactions)
      first = std::min(first, entry->event.content.date);
    AppendDate(activity, kActualStart, first);
  }
  if (!period.end.empty()) AppendDate(activity, kPlannedEnd, period.end);

  const document::Party* recipient = Recipient(package, commitment);
  if (recipient != nullptr) {
    activity.append_child("recipient-country").append_attribute("code") = recipient->code.c_str();
  }
  pugi::xml_node sector = activity.append_child("sector");
  sector.append_attribute("vocabulary") = kReportingOrganisationVocabulary;
  sector.append_attribute("code") =
      std::string(commitments::CategoryName(commitment.area.category)).c_str();
  AppendBudgets(activity, commitment, context);
  for (const auto& [entry, type] : transactions) {
    AppendTransaction(activity, *entry, type, context, recipient);
  }
  return true;
}

}  // namespace

bool IsFinancialCommitment(const Commitment& commitment) {
  if (commitment.sentence_class != commitments::SentenceClass::kCommitment) return false;
  return std::any_of(
      commitment.targets.begin(), commitment.targets.end(), [](const commitments::Target& t) {
        return t.kind == "money" ||
               (t.kind == "percent" && t.value.is_object() && t.value.value("of", "") == "GDP");
      });
}

Result<IatiFile> WriteIatiActivities(const commitments::AgreementCommitments& agreement,
                                     const ledger::KeysFile& keys,
                                     const std::vector<LedgerEntry>& entries,
                                     const evaluation::AgreementStatus& status) {
  pugi::xml_document xml;
  pugi::xml_node declaration = xml.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  pugi::xml_node root = xml.append_child("iati-activities");
  root.append_attribute("version") = "2.03";
  root.append_attribute("generated-datetime") = status.at.ToUtcString().c_str();
  const Context context{agreement, keys, entries, status, status.at.UtcDate().ToString()};
  for (const Commitment& commitment : agreement.reviewed) {
    if (!IsFinancialCommitment(commitment) || commitment.obligors.empty()) continue;
    Result<bool> appended = AppendActivity(root, commitment, context);
    if (!appended.ok()) return appended.error();
  }
  if (root.child("iati-activity").empty()) {
    return Error{
        fmt::format("agreement {} has no financial commitment to report", agreement.package.id),
        "iati"};
  }
  IatiFile file;
  for (const pugi::xml_node activity : root.children("iati-activity")) {
    ++file.activities;
    const auto transactions = activity.children("transaction");
    file.transactions +=
        static_cast<size_t>(std::distance(transactions.begin(), transactions.end()));
  }
  std::ostringstream out;
  xml.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  file.xml = out.str();
  return file;
}

std::string IatiFile::Contents() const {
  return evaluation::CountOf(static_cast<int64_t>(activities), "activity", "activities") + ", " +
         evaluation::CountOf(static_cast<int64_t>(transactions), "transaction", "transactions");
}

}  // namespace treaty::views
