// The life cycle's parameters written by hand as JSON, as the tests state them (the program
// builds them from an agreement's rules, agreement_rules.h):
//   {"parties": ["LV", "UA"], "signature": CITED, "entry_into_force": CITATION, "term": CITED,
//    "extension_notice": CITED, "termination_notice": CITED, "nato_membership": CITATION,
//    "amendment": CITATION, "ongoing_activities": CITATION}
// CITATION is {"commitment", "eId", "quote"}; CITED adds "value" (a date or ISO 8601 period).
// Errors have `where` "field NAME"; unknown members are errors.
#pragma once

#include <string>
#include <type_traits>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "evaluation/json_object_reader.h"
#include "evaluation/lifecycle.h"

namespace treaty::evaluation {

inline Result<Citation> CitationFromJson(const ObjectReader& parent, const std::string& name,
                                         bool with_value) {
  if (!parent.Has(name)) return Error{"missing", parent.Where(name)};
  ObjectReader reader(parent.Get(name), parent.Path(name));
  Result<bool> check = with_value ? reader.Check({"value", "commitment", "eId", "quote"})
                                  : reader.Check({"commitment", "eId", "quote"});
  if (!check.ok()) return check.error();
  Citation citation;
  for (auto [member, target] :
       {std::pair{"commitment", &citation.commitment_id}, std::pair{"eId", &citation.eid},
        std::pair{"quote", &citation.quote}}) {
    Result<std::string> text = reader.String(member);
    if (!text.ok()) return text.error();
    if (text.value().empty()) return Error{"empty", reader.Where(member)};
    *target = text.value();
  }
  return citation;
}

template <typename T>
Result<Cited<T>> CitedFromJson(const ObjectReader& parent, const std::string& name) {
  Result<Citation> citation = CitationFromJson(parent, name, true);
  if (!citation.ok()) return citation.error();
  ObjectReader reader(parent.Get(name), parent.Path(name));
  Result<T> value = [&]() -> Result<T> {
    if constexpr (std::is_same_v<T, Date>) {
      return reader.DateValue("value");
    } else {
      return reader.PeriodValue("value");
    }
  }();
  if (!value.ok()) return value.error();
  return Cited<T>{value.value(), citation.value()};
}

inline Result<LifecycleParameters> LifecycleParametersFromJson(const nlohmann::json& value) {
  ObjectReader reader(value, "");
  if (Result<bool> check = reader.Check({"parties", "signature", "entry_into_force", "term",
                                         "extension_notice", "termination_notice",
                                         "nato_membership", "amendment", "ongoing_activities"});
      !check.ok()) {
    return check.error();
  }
  LifecycleParameters parameters;
  if (!reader.Has("parties") || !reader.Get("parties").is_array()) {
    return Error{"should be an array of party codes", reader.Where("parties")};
  }
  for (const nlohmann::json& party : reader.Get("parties")) {
    if (!party.is_string()) return Error{"should hold strings", reader.Where("parties")};
    parameters.parties.push_back(party.get<std::string>());
  }
  Result<Cited<Date>> signature = CitedFromJson<Date>(reader, "signature");
  if (!signature.ok()) return signature.error();
  parameters.signature = signature.value();
  for (auto [name, target] : {std::pair{"term", &parameters.term},
                              std::pair{"extension_notice", &parameters.extension_notice},
                              std::pair{"termination_notice", &parameters.termination_notice}}) {
    Result<Cited<Period>> period = CitedFromJson<Period>(reader, name);
    if (!period.ok()) return period.error();
    *target = period.value();
  }
  for (auto [name, target] : {std::pair{"entry_into_force", &parameters.entry_into_force},
                              std::pair{"nato_membership", &parameters.nato_membership},
                              std::pair{"amendment", &parameters.amendment},
                              std::pair{"ongoing_activities", &parameters.ongoing_activities}}) {
    Result<Citation> citation = CitationFromJson(reader, name, false);
    if (!citation.ok()) return citation.error();
    *target = citation.value();
  }
  return parameters;
}

}  // namespace treaty::evaluation
