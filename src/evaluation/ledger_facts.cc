#include "evaluation/ledger_facts.h"

#include <algorithm>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "ledger/event_parser.h"

namespace treaty::evaluation {
namespace {

using ledger::EventType;

// Events read per store call while catching up.
constexpr int64_t kChunk = 10000;

bool IsFactType(EventType type) {
  return type == EventType::kNotice || type == EventType::kMeeting ||
         type == EventType::kConsultationRequest || type == EventType::kConsultationHeld ||
         type == EventType::kTechnicalAgreement;
}

bool IsDecisionType(EventType type) {
  return type == EventType::kPledge || type == EventType::kAllocation;
}

Result<ledger::Event> EventFromStored(const ledger::StoredEvent& stored) {
  ledger::ValidationContext context;
  context.default_agreement = stored.agreement;
  ledger::ParsedEvent parsed =
      ledger::ParseEventText(stored.canonical, ledger::EventForm::kRecorded, context);
  if (!parsed.ok()) {
    return Error{fmt::format("stored event does not read: {}", parsed.errors.front().ToString()),
                 fmt::format("event {} (leaf {})", stored.id, stored.leaf_index)};
  }
  return parsed.event;
}

}  // namespace

const char* AudienceName(Audience audience) {
  return audience == Audience::kPublic ? "public" : "all";
}

std::string CommitmentScope(const std::string& commitment_id) {
  return "commitment:" + commitment_id;
}

std::string CategoryScope(const std::string& category) { return "category:" + category; }

LedgerFacts::LedgerFacts(std::string agreement, Audience audience,
                         std::map<std::string, std::string> categories)
    : agreement_(std::move(agreement)), audience_(audience), categories_(std::move(categories)) {}

void LedgerFacts::Apply(const std::string& id, const ledger::EventContent& content, int sign) {
  std::set<std::string> scopes;
  for (const std::string& commitment : content.commitments) {
    scopes.insert(CommitmentScope(commitment));
    if (auto category = categories_.find(commitment); category != categories_.end()) {
      scopes.insert(CategoryScope(category->second));
    }
  }
  if (scopes.empty()) return;
  // Dates were validated when the event was appended; a date outside evaluation's years is not
  // counted rather than failing every status.
  Result<Date> date = ParseDate(content.date);
  if (!date.ok()) return;
  int year = date.value().year();
  if (content.period) {
    Result<Date> from = ParseDate(content.period->from);
    if (from.ok()) year = from.value().year();
  }
  for (const std::string& scope : scopes) {
    FlowKey key{scope,
                content.type,
                content.amount ? content.amount->currency : std::string(),
                content.quantity ? content.unit : std::string(),
                date.value(),
                year};
    FlowTotal& total = flows_[key];
    if (content.amount) total.minor_units += sign * content.amount->minor_units;
    if (content.quantity) total.quantity += sign * *content.quantity;
    total.events += sign;
    if (sign > 0) {
      total.latest.push_back(id);
      if (total.latest.size() > kLatestKept) total.latest.erase(total.latest.begin());
    } else {
      total.latest.erase(std::remove(total.latest.begin(), total.latest.end(), id),
                         total.latest.end());
    }
    if (total.events == 0) flows_.erase(key);
  }
}

Result<bool> LedgerFacts::Insert(const std::string& id, const ledger::EventContent& content,
                                 const std::vector<std::string>& corrected_by) {
  Result<Date> date = ParseDate(content.date, fmt::format("event {}: date", id));
  if (IsFactType(content.type)) {
    if (!date.ok()) return date.error();
    EventFact fact;
    fact.id = id;
    fact.type = content.type;
    fact.subtype = content.subtype;
    fact.participant = content.participant;
    fact.date = date.value();
    fact.occurred_at = content.occurred_at;
    if (!content.effective_date.empty()) {
      Result<Date> effective =
          ParseDate(content.effective_date, fmt::format("event {}: effective_date", id));
      if (!effective.ok()) return effective.error();
      fact.effective_date = effective.value();
    }
    fact.responds_to = content.responds_to;
    fact.named_institution = content.named_institution;
    fact.commitments = content.commitments;
    fact.corrected_by = corrected_by;
    facts_[id] = std::move(fact);
  }
  if (IsDecisionType(content.type) && date.ok()) decisions_[id] = date.value();
  Apply(id, content, +1);
  return true;
}

void LedgerFacts::Remove(const std::string& id, const ledger::EventContent& content) {
  facts_.erase(id);
  decisions_.erase(id);
  Apply(id, content, -1);
}

Result<bool> LedgerFacts::Add(const ledger::Event& event, const EventLookup& lookup) {
  if (event.agreement != agreement_) {
    return Error{fmt::format("belongs to agreement '{}', not '{}'", event.agreement, agreement_),
                 fmt::format("event {}", event.id)};
  }
  ++tree_size_;
  if (audience_ == Audience::kPublic && event.classification != "public") return true;
  if (event.content.type != EventType::kCorrection) {
    return Insert(event.id, event.content, {});
  }
  const std::string& original = event.corrects;
  std::optional<ledger::EventContent> current;
  if (auto known = corrected_.find(original); known != corrected_.end()) {
    current = known->second;
  } else {
    Result<std::optional<ledger::Event>> found = lookup(original);
    if (!found.ok()) return found.error();
    if (!found.value()) {
      return Error{fmt::format("corrects {}, which is not in the ledger", original),
                   fmt::format("event {}", event.id)};
    }
    current = found.value()->content;
  }
  if (current) Remove(original, *current);
  std::vector<std::string>& corrections = corrections_[original];
  corrections.push_back(event.id);
  if (event.action == "amend" && event.replacement) {
    corrected_[original] = *event.replacement;
    return Insert(original, *event.replacement, corrections);
  }
  corrected_[original] = std::nullopt;
  return true;
}

Result<bool> LedgerFacts::CatchUp(ledger::LedgerStore& store) {
  Result<std::optional<ledger::LedgerState>> state = store.State(agreement_);
  if (!state.ok()) return state.error();
  const int64_t size = state.value() ? state.value()->tree_size : 0;
  EventLookup lookup = [&store](const std::string& id) -> Result<std::optional<ledger::Event>> {
    Result<std::optional<ledger::StoredEvent>> stored = store.EventById(id);
    if (!stored.ok()) return stored.error();
    if (!stored.value()) return std::optional<ledger::Event>();
    Result<ledger::Event> event = EventFromStored(*stored.value());
    if (!event.ok()) return event.error();
    return std::optional<ledger::Event>(event.value());
  };
  while (tree_size_ < size) {
    Result<std::vector<ledger::StoredEvent>> events =
        store.ReadEvents(agreement_, tree_size_, std::min(size, tree_size_ + kChunk));
    if (!events.ok()) return events.error();
    if (events.value().empty()) break;
    for (const ledger::StoredEvent& stored : events.value()) {
      Result<ledger::Event> event = EventFromStored(stored);
      if (!event.ok()) return event.error();
      Result<bool> added = Add(event.value(), lookup);
      if (!added.ok()) return added.error();
    }
  }
  return true;
}

}  // namespace treaty::evaluation
