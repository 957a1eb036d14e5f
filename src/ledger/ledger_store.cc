#include "ledger/ledger_store.h"

#include <utility>

#include <fmt/format.h>

#include "ledger/event_parser.h"
#include "ledger/keys.h"
#include "ledger/timestamp.h"
#include "text/utf8.h"

namespace treaty::ledger {
namespace {

// Error unless `tree_size` is within the committed tree of `agreement`.
std::optional<Error> CheckCommitted(LedgerStore& store, const std::string& agreement,
                                    int64_t tree_size) {
  Result<std::optional<LedgerState>> state = store.State(agreement);
  if (!state.ok()) return state.error();
  const int64_t size = state.value() ? state.value()->tree_size : 0;
  if (tree_size > size) {
    return Error{fmt::format("tree size {} is beyond the ledger of {} ({} events)", tree_size,
                             agreement, size),
                 ""};
  }
  return std::nullopt;
}

}  // namespace

Result<EventFilter> CheckedEventFilter(EventFilter filter) {
  for (const auto& [value, where] :
       {std::pair{&filter.type, "type"}, std::pair{&filter.commitment, "commitment"},
        std::pair{&filter.date_from, "from"}, std::pair{&filter.date_to, "to"},
        std::pair{&filter.institution, "institution"},
        std::pair{&filter.classification, "classification"}}) {
    if (std::optional<std::string> problem = text::InvalidUtf8Problem(*value)) {
      return Error{*problem, where};
    }
    *value = TrimSpace(*value);
  }
  if (!filter.type.empty() && !EventTypeFromName(filter.type)) {
    return Error{fmt::format("not an event type: \"{}\"", filter.type), "type"};
  }
  for (const auto& [bound, where] :
       {std::pair{&filter.date_from, "from"}, std::pair{&filter.date_to, "to"}}) {
    if (bound->empty()) continue;
    if (std::string problem = DateProblem(*bound); !problem.empty()) return Error{problem, where};
  }
  if (!filter.date_from.empty() && !filter.date_to.empty() && filter.date_from > filter.date_to) {
    return Error{fmt::format("{} is before from ({}): no date is in between", filter.date_to,
                             filter.date_from),
                 "to"};
  }
  if (!filter.institution.empty() && !IsInstitutionId(filter.institution)) {
    return Error{
        fmt::format("not an institution id (lower case, as lv-mod): \"{}\"", filter.institution),
        "institution"};
  }
  if (!filter.classification.empty() && filter.classification != "public" &&
      filter.classification != "restricted") {
    return Error{"public or restricted", "classification"};
  }
  return filter;
}

Result<std::vector<std::string>> IdFiltersMatchingNoEvent(LedgerStore& store,
                                                          const EventFilter& filter,
                                                          const std::string& classification) {
  std::vector<std::string> unmatched;
  for (const auto& [name, field] : {std::pair{"commitment", &EventFilter::commitment},
                                    std::pair{"institution", &EventFilter::institution}}) {
    if ((filter.*field).empty()) continue;
    EventFilter probe;
    probe.agreement = filter.agreement;
    probe.classification = classification;
    probe.*field = filter.*field;
    probe.limit = 1;
    Result<std::vector<StoredEvent>> found = store.FindEvents(probe);
    if (!found.ok()) return found.error();
    if (found.value().empty()) unmatched.push_back(name);
  }
  return unmatched;
}

Result<std::vector<StoredEvent>> LedgerStore::ReadEvents(const std::string& agreement,
                                                         int64_t begin, int64_t end) {
  std::vector<StoredEvent> rows;
  if (std::optional<Error> error = ReadEventsInto(agreement, begin, end, rows)) return *error;
  return rows;
}

Result<Hash> LedgerStore::Root(const std::string& agreement, int64_t tree_size) {
  if (tree_size < 0) return Error{fmt::format("tree size {} is negative", tree_size), ""};
  if (auto error = CheckCommitted(*this, agreement, tree_size)) return *error;
  BlockTreeReader reader(*this, tree_size, &blocks_);
  return TreeRoot(reader, agreement, tree_size);
}

Result<std::vector<Hash>> LedgerStore::InclusionPath(const std::string& agreement,
                                                     int64_t leaf_index, int64_t tree_size) {
  if (leaf_index < 0 || leaf_index >= tree_size) {
    return Error{fmt::format("leaf_index {} is not below tree size {}", leaf_index, tree_size), ""};
  }
  if (auto error = CheckCommitted(*this, agreement, tree_size)) return *error;
  BlockTreeReader reader(*this, tree_size, &blocks_);
  return TreeInclusionPath(reader, agreement, leaf_index, tree_size);
}

Result<std::vector<Hash>> LedgerStore::ConsistencyPath(const std::string& agreement,
                                                       int64_t old_size, int64_t new_size) {
  if (old_size < 1) return Error{fmt::format("old size {} is below 1", old_size), ""};
  if (old_size > new_size) {
    return Error{fmt::format("old size {} is larger than new size {}", old_size, new_size), ""};
  }
  if (auto error = CheckCommitted(*this, agreement, new_size)) return *error;
  BlockTreeReader reader(*this, new_size, &blocks_);
  return TreeConsistencyPath(reader, agreement, old_size, new_size);
}

}  // namespace treaty::ledger
