#include "evaluation/lifecycle_json.h"

#include <initializer_list>
#include <string_view>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "evaluation/json_object_reader.h"

namespace treaty::evaluation {

namespace {

using nlohmann::json;

Result<Notice> NoticeFromJson(const json& value, const std::string& path) {
  ObjectReader reader(value, path);
  if (Result<bool> check = reader.Check(
          {"event", "kind", "from", "to", "date", "effective_date", "amendment", "extension_term"});
      !check.ok()) {
    return check.error();
  }
  Notice notice;
  Result<std::string> event = reader.String("event");
  if (!event.ok()) return event.error();
  notice.event_id = event.value();
  Result<std::string> kind = reader.String("kind");
  if (!kind.ok()) return kind.error();
  bool known_kind = false;
  for (NoticeKind candidate :
       {NoticeKind::kExtension, NoticeKind::kTermination, NoticeKind::kAmendmentAcceptance}) {
    if (kind.value() == NoticeKindName(candidate)) {
      notice.kind = candidate;
      known_kind = true;
    }
  }
  if (!known_kind) {
    return Error{
        fmt::format("'{}' is not extension, termination or amendment_acceptance", kind.value()),
        reader.Where("kind")};
  }
  // "to" may be absent here: EvaluateLifecycle reports a notice without a counterparty.
  for (auto [member, target, required] :
       {std::tuple{"from", &notice.from, true}, std::tuple{"to", &notice.to, false},
        std::tuple{"amendment", &notice.amendment, false}}) {
    Result<std::string> text = reader.String(member, required);
    if (!text.ok()) return text.error();
    *target = text.value();
  }
  Result<Date> date = reader.DateValue("date");
  if (!date.ok()) return date.error();
  notice.date = date.value();
  if (reader.Has("effective_date")) {
    Result<Date> effective = reader.DateValue("effective_date");
    if (!effective.ok()) return effective.error();
    notice.effective_date = effective.value();
  }
  if (reader.Has("extension_term")) {
    Result<Period> term = reader.PeriodValue("extension_term");
    if (!term.ok()) return term.error();
    notice.extension_term = term.value();
  }
  return notice;
}

}  // namespace

Result<LifecycleFacts> LifecycleFactsFromJson(const json& value) {
  ObjectReader reader(value, "");
  if (Result<bool> check = reader.Check({"notices", "ukraine_nato_membership", "activities"});
      !check.ok()) {
    return check.error();
  }
  LifecycleFacts facts;
  for (std::string name : {"notices", "activities"}) {
    if (reader.Has(name) && !reader.Get(name).is_array()) {
      return Error{"should be an array", reader.Where(name)};
    }
  }
  if (reader.Has("notices")) {
    const json& notices = reader.Get("notices");
    for (size_t i = 0; i < notices.size(); ++i) {
      Result<Notice> notice = NoticeFromJson(notices[i], fmt::format("notices[{}]", i));
      if (!notice.ok()) return notice.error();
      facts.notices.push_back(notice.value());
    }
  }
  if (reader.Has("ukraine_nato_membership")) {
    ObjectReader membership(reader.Get("ukraine_nato_membership"), "ukraine_nato_membership");
    if (Result<bool> check = membership.Check({"date", "source"}); !check.ok()) {
      return check.error();
    }
    Result<Date> date = membership.DateValue("date");
    if (!date.ok()) return date.error();
    Result<std::string> source = membership.String("source");
    if (!source.ok()) return source.error();
    facts.ukraine_nato_membership = date.value();
    facts.ukraine_nato_membership_source = source.value();
  }
  if (reader.Has("activities")) {
    const json& activities = reader.Get("activities");
    for (size_t i = 0; i < activities.size(); ++i) {
      ObjectReader activity(activities[i], fmt::format("activities[{}]", i));
      if (Result<bool> check = activity.Check({"id", "decided"}); !check.ok()) {
        return check.error();
      }
      Result<std::string> id = activity.String("id");
      if (!id.ok()) return id.error();
      Result<Date> decided = activity.DateValue("decided");
      if (!decided.ok()) return decided.error();
      facts.activities.push_back(Activity{id.value(), decided.value()});
    }
  }
  return facts;
}

json LifecycleJson(const Lifecycle& lifecycle) {
  json amendments = json::array();
  for (const AmendmentStatus& amendment : lifecycle.amendments) {
    json entry = {
        {"id", amendment.id},
        {"accepted_by", amendment.accepted_by},
        {"in_effect", amendment.in_effect_from && *amendment.in_effect_from <= lifecycle.at},
        {"events", amendment.events}};
    if (amendment.in_effect_from) entry["in_effect_from"] = amendment.in_effect_from->ToString();
    amendments.push_back(std::move(entry));
  }
  json reasons = json::array();
  for (const Reason& reason : lifecycle.reasons) {
    reasons.push_back({{"provision", reason.provision.eid},
                       {"commitment", reason.provision.commitment_id},
                       {"quote", reason.provision.quote},
                       {"finding", reason.finding},
                       {"events", reason.events}});
  }
  json out = {{"at", lifecycle.at.ToString()},
              {"state", LifecycleStateName(lifecycle.state)},
              {"in_force_from", lifecycle.in_force_from.ToString()},
              {"term_number", lifecycle.term_number},
              {"term_last_day", lifecycle.term_last_day.ToString()},
              {"last_day_in_force", lifecycle.last_day_in_force.ToString()},
              {"extension_deadline", lifecycle.extension_deadline.ToString()},
              {"extension_possible", lifecycle.extension_possible},
              {"future_status_pending", lifecycle.future_status_pending},
              {"amendments", std::move(amendments)},
              {"continuing_activities", lifecycle.continuing_activities},
              {"reasons", std::move(reasons)}};
  if (lifecycle.termination_effective) {
    out["termination_effective"] = lifecycle.termination_effective->ToString();
  }
  return out;
}

}  // namespace treaty::evaluation
