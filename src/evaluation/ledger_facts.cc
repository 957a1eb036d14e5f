#include "evaluation/ledger_facts.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "ledger/stored_records.h"

namespace treaty::evaluation {
namespace {

using ledger::EventType;

// Events read per store call while catching up.
constexpr int64_t kChunk = 10000;

bool IsFactType(EventType type) {
  return type == EventType::kNotice || type == EventType::kConsultationRequest ||
         type == EventType::kConsultationHeld || type == EventType::kTechnicalAgreement;
}

bool IsDecisionType(EventType type) {
  return type == EventType::kPledge || type == EventType::kAllocation;
}

}  // namespace

void FlowSeries::Apply(Date day, const std::string& id, const FlowTotal& amounts, int sign) {
  Day& entry = by_day_[day];
  entry.total.minor_units += sign * amounts.minor_units;
  entry.total.quantity += sign * amounts.quantity;
  entry.total.events += sign;
  if (sign > 0) {
    entry.latest.push_back(id);
    if (entry.latest.size() > kLatestKept) entry.latest.erase(entry.latest.begin());
  } else {
    entry.latest.erase(std::remove(entry.latest.begin(), entry.latest.end(), id),
                       entry.latest.end());
  }
  if (entry.total.events == 0) by_day_.erase(day);
  fresh_ = false;
}

void FlowSeries::Refresh() {
  if (fresh_) return;
  days_.clear();
  running_.clear();
  FlowTotal sum;
  for (const auto& [day, entry] : by_day_) {
    sum.minor_units += entry.total.minor_units;
    sum.quantity += entry.total.quantity;
    sum.events += entry.total.events;
    days_.push_back(day);
    running_.push_back(sum);
  }
  fresh_ = true;
}

FlowTotal FlowSeries::Through(Date through) const {
  if (fresh_) {
    const auto end = std::upper_bound(days_.begin(), days_.end(), through);
    return end == days_.begin() ? FlowTotal{} : running_[end - days_.begin() - 1];
  }
  FlowTotal sum;
  for (auto it = by_day_.begin(); it != by_day_.end() && it->first <= through; ++it) {
    sum.minor_units += it->second.total.minor_units;
    sum.quantity += it->second.total.quantity;
    sum.events += it->second.total.events;
  }
  return sum;
}

std::optional<Date> FlowSeries::LastDayThrough(Date through) const {
  auto it = by_day_.upper_bound(through);
  if (it == by_day_.begin()) return std::nullopt;
  return std::prev(it)->first;
}

void FlowSeries::LatestThrough(Date through, size_t count,
                               std::vector<std::pair<Date, const std::string*>>& out) const {
  size_t taken = 0;
  for (auto it = by_day_.upper_bound(through); it != by_day_.begin() && taken < count;) {
    --it;
    const std::vector<std::string>& ids = it->second.latest;
    for (auto id = ids.rbegin(); id != ids.rend() && taken < count; ++id, ++taken) {
      out.emplace_back(it->first, &*id);
    }
  }
}

const std::map<std::string, EventFact>& LedgerFacts::facts(ledger::EventType type) const {
  static const std::map<std::string, EventFact> kNone;
  auto found = facts_.find(type);
  return found == facts_.end() ? kNone : found->second;
}

const std::map<Date, DayMeetings>& LedgerFacts::meetings(const std::string& subtype) const {
  static const std::map<Date, DayMeetings> kNone;
  auto found = meetings_.find(subtype);
  return found == meetings_.end() ? kNone : found->second;
}

void LedgerFacts::Refresh() {
  for (auto& [key, series] : series_) series.Refresh();
}

const char* AudienceName(Audience audience) {
  return audience == Audience::kPublic ? "public" : "all";
}

bool Sees(Audience audience, std::string_view classification) {
  return audience == Audience::kAll || classification == "public";
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
  // Dates were validated when the event was appended.
  Result<Date> date = ParseLedgerDate(content.date);
  if (!date.ok()) return;
  int year = date.value().year();
  if (content.period) {
    Result<Date> from = ParseLedgerDate(content.period->from);
    if (from.ok()) year = from.value().year();
  }
  FlowTotal amounts;
  if (content.amount) amounts.minor_units = content.amount->minor_units;
  if (content.quantity) amounts.quantity = *content.quantity;
  for (const std::string& scope : scopes) {
    SeriesKey key{scope,
                  content.participant,
                  content.type,
                  content.amount ? content.amount->currency : std::string(),
                  content.quantity ? content.unit : std::string(),
                  year};
    series_[key].Apply(date.value(), id, amounts, sign);
  }
}

Result<bool> LedgerFacts::Insert(const std::string& id, const ledger::EventContent& content,
                                 const std::vector<std::string>& corrected_by) {
  Result<Date> date = ParseLedgerDate(content.date, fmt::format("event {}: date", id));
  if (date.ok()) ++standing_by_day_[date.value()];
  if (date.ok() && (IsFactType(content.type) || content.type == EventType::kMeeting)) {
    ++versions_by_day_[date.value()];
    if (Result<Instant> moment = ParseInstant(content.occurred_at); moment.ok()) {
      ++versions_by_moment_[moment.value()];
    }
  }
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
          ParseLedgerDate(content.effective_date, fmt::format("event {}: effective_date", id));
      if (!effective.ok()) return effective.error();
      fact.effective_date = effective.value();
    }
    fact.responds_to = content.responds_to;
    fact.named_institution = content.named_institution;
    fact.commitments = content.commitments;
    fact.corrected_by = corrected_by;
    // A fact back in another subtype (a termination notice amended into an extension) set other
    // deadlines: the one taken away stays superseded.
    if (auto before = superseded_.find({content.type, id});
        before != superseded_.end() && before->second.subtype == content.subtype) {
      superseded_.erase(before);
    }
    facts_[content.type][id] = std::move(fact);
  }
  if (IsDecisionType(content.type) && date.ok()) decisions_[id] = date.value();
  if (content.type == EventType::kMeeting && date.ok()) {
    DayMeetings& day = meetings_[content.subtype][date.value()];
    ++day.count;
    if (day.ids.size() < kLatestKept) day.ids.push_back(id);
  }
  Apply(id, content, +1);
  return true;
}

void LedgerFacts::Remove(const std::string& id, const ledger::EventContent& content) {
  if (auto of_type = facts_.find(content.type); of_type != facts_.end()) {
    if (auto fact = of_type->second.find(id); fact != of_type->second.end()) {
      superseded_[{content.type, id}] = std::move(fact->second);
      of_type->second.erase(fact);
    }
  }
  decisions_.erase(id);
  if (Result<Date> date = ParseLedgerDate(content.date); date.ok()) {
    if (auto day = standing_by_day_.find(date.value());
        day != standing_by_day_.end() && --day->second == 0) {
      standing_by_day_.erase(day);
    }
  }
  if (content.type == EventType::kMeeting) {
    Result<Date> date = ParseLedgerDate(content.date);
    auto subtype = meetings_.find(content.subtype);
    if (date.ok() && subtype != meetings_.end()) {
      auto day = subtype->second.find(date.value());
      if (day != subtype->second.end()) {
        day->second.ids.erase(std::remove(day->second.ids.begin(), day->second.ids.end(), id),
                              day->second.ids.end());
        if (--day->second.count == 0) subtype->second.erase(day);
      }
    }
  }
  Apply(id, content, -1);
}

int64_t LedgerFacts::StandingThrough(Date day) const {
  int64_t count = 0;
  for (auto it = standing_by_day_.begin(); it != standing_by_day_.end() && it->first <= day; ++it) {
    count += it->second;
  }
  return count;
}

int64_t LedgerFacts::Standing() const {
  int64_t count = 0;
  for (const auto& [day, standing] : standing_by_day_) count += standing;
  return count;
}

int64_t LedgerFacts::Revision(Instant at) const {
  int64_t revision = corrections_folded_;
  const Date day = at.LocalDate();
  for (auto it = versions_by_day_.begin(); it != versions_by_day_.end() && it->first <= day; ++it) {
    revision += it->second;
  }
  for (auto it = versions_by_moment_.begin(); it != versions_by_moment_.end() && it->first <= at;
       ++it) {
    revision += it->second;
  }
  return revision;
}

LedgerFacts LedgerFacts::FactsOnly(const std::function<bool(const EventFact&)>& keep) const {
  LedgerFacts view(agreement_, audience_, categories_);
  view.tree_size_ = tree_size_;
  view.events_ = events_;
  view.standing_by_day_ = standing_by_day_;
  for (const auto& [type, of_type] : facts_) {
    for (const auto& [id, fact] : of_type) {
      if (keep(fact)) view.facts_[type][id] = fact;
    }
  }
  view.decisions_ = decisions_;
  view.meetings_ = meetings_;
  return view;
}

LedgerFacts LedgerFacts::FactsBeforeCorrections() const {
  LedgerFacts view = FactsOnly([](const EventFact&) { return true; });
  for (const auto& [key, fact] : superseded_) view.facts_[key.first][key.second] = fact;
  return view;
}

Result<bool> LedgerFacts::Add(const ledger::Event& event, const EventLookup& lookup) {
  if (event.agreement != agreement_) {
    return Error{fmt::format("belongs to agreement '{}', not '{}'", event.agreement, agreement_),
                 fmt::format("event {}", event.id)};
  }
  if (!Sees(audience_, event.classification)) {
    ++tree_size_;
    return true;
  }
  Result<bool> folded = Fold(event, lookup);
  if (!folded.ok()) return folded;
  ++tree_size_;
  ++events_;
  return true;
}

Result<bool> LedgerFacts::Fold(const ledger::Event& event, const EventLookup& lookup) {
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
  ++corrections_folded_;
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
    Result<ledger::Event> event = ledger::ReadStoredEvent(*stored.value());
    if (!event.ok()) return event.error();
    return std::optional<ledger::Event>(event.value());
  };
  while (tree_size_ < size) {
    Result<std::vector<ledger::StoredEvent>> events =
        store.ReadEvents(agreement_, tree_size_, std::min(size, tree_size_ + kChunk));
    if (!events.ok()) return events.error();
    if (events.value().empty()) break;
    for (const ledger::StoredEvent& stored : events.value()) {
      // A reader's facts never read a restricted event (Add holds the event's own bytes to the
      // same), so a damaged one cannot fail them.
      if (!Sees(audience_, stored.classification)) {
        ++tree_size_;
        continue;
      }
      Result<ledger::Event> event = ledger::ReadStoredEvent(stored);
      if (!event.ok()) return event.error();
      Result<bool> added = Add(event.value(), lookup);
      if (!added.ok()) return added.error();
    }
  }
  Refresh();
  return true;
}

}  // namespace treaty::evaluation
