#include "evaluation/rule_bindings.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "evaluation/json_object_reader.h"
#include "ledger/canonical_json.h"
#include "text/json_place.h"

namespace treaty::evaluation {
namespace {

Result<Binding> ReadBinding(const ObjectReader& parent, const std::string& name,
                            std::initializer_list<std::string_view> extra = {}) {
  if (!parent.Has(name)) return Error{"missing", parent.Where(name)};
  ObjectReader reader = parent.Child(name);
  std::vector<std::string_view> allowed = {"commitment", "target"};
  allowed.insert(allowed.end(), extra.begin(), extra.end());
  if (Result<bool> checked = reader.Check(allowed); !checked.ok()) return checked.error();
  Binding binding;
  Result<std::string> commitment = reader.String("commitment");
  if (!commitment.ok()) return commitment.error();
  if (commitment.value().empty()) return Error{"empty", reader.Where("commitment")};
  binding.commitment = commitment.value();
  Result<std::string> target = reader.String("target", false);
  if (!target.ok()) return target.error();
  binding.target = target.value();
  if (!binding.target.empty() && binding.target != "date" && binding.target != "duration" &&
      binding.target != "recurrence") {
    return Error{fmt::format("'{}' is not date, duration or recurrence", binding.target),
                 reader.Where("target")};
  }
  return binding;
}

Result<TargetOptions> ReadTargetOptions(const ObjectReader& reader) {
  if (Result<bool> check = reader.Check({"measure", "because", "scope", "beside", "goal_of"});
      !check.ok()) {
    return check.error();
  }
  TargetOptions options;
  for (auto [member, target] :
       {std::pair{"measure", &options.measure}, std::pair{"because", &options.because},
        std::pair{"scope", &options.scope}, std::pair{"beside", &options.beside},
        std::pair{"goal_of", &options.goal_of}}) {
    if (!reader.Has(member)) continue;
    Result<std::string> text = reader.String(member);
    if (!text.ok()) return text.error();
    *target = text.value();
  }
  if (options.measure != "provided" && options.measure != "allocated" &&
      options.measure != "pledged") {
    return Error{fmt::format("'{}' is not provided, allocated or pledged", options.measure),
                 reader.Where("measure")};
  }
  if (options.scope != "commitment" && options.scope != "category") {
    return Error{fmt::format("'{}' is not commitment or category", options.scope),
                 reader.Where("scope")};
  }
  return options;
}

Result<RuleBindings> ReadBindings(const nlohmann::json& root, const std::string& file) {
  ObjectReader reader(root, "");
  if (Result<bool> check = reader.Check({"lifecycle", "consultations", "annual_meeting",
                                         "authorised_institutions", "reference_series", "targets"});
      !check.ok()) {
    return check.error();
  }
  RuleBindings bindings;
  bindings.file = file;
  if (!reader.Has("lifecycle")) return Error{"missing", reader.Where("lifecycle")};
  ObjectReader lifecycle = reader.Child("lifecycle");
  if (Result<bool> check = lifecycle.Check(std::vector<std::string_view>(
          std::begin(kLifecycleParameters), std::end(kLifecycleParameters)));
      !check.ok()) {
    return check.error();
  }
  for (const char* name : kLifecycleParameters) {
    Result<Binding> binding = ReadBinding(lifecycle, name);
    if (!binding.ok()) return binding.error();
    bindings.lifecycle[name] = binding.value();
  }
  Result<Binding> consultations = ReadBinding(reader, "consultations", {"request_subtype"});
  if (!consultations.ok()) return consultations.error();
  bindings.consultations = consultations.value();
  Result<std::string> request_subtype = reader.Child("consultations").String("request_subtype");
  if (!request_subtype.ok()) return request_subtype.error();
  bindings.consultation_request_subtype = request_subtype.value();
  Result<Binding> annual_meeting = ReadBinding(reader, "annual_meeting", {"meeting_subtype"});
  if (!annual_meeting.ok()) return annual_meeting.error();
  bindings.annual_meeting = annual_meeting.value();
  Result<std::string> meeting_subtype = reader.Child("annual_meeting").String("meeting_subtype");
  if (!meeting_subtype.ok()) return meeting_subtype.error();
  bindings.meeting_subtype = meeting_subtype.value();
  Result<Binding> institutions = ReadBinding(reader, "authorised_institutions");
  if (!institutions.ok()) return institutions.error();
  bindings.authorised_institutions = institutions.value();

  if (reader.Has("reference_series")) {
    ObjectReader series = reader.Child("reference_series");
    if (!series.object().is_object()) return Error{"should be an object", series.Where()};
    for (const auto& [measure, by_party] : series.object().items()) {
      ObjectReader parties = series.Child(measure);
      if (!by_party.is_object()) return Error{"should be an object", parties.Where()};
      for (const auto& [party, path] : by_party.items()) {
        Result<std::string> text = parties.String(party);
        if (!text.ok()) return text.error();
        bindings.reference_series[measure][party] = text.value();
      }
    }
  }
  if (reader.Has("targets")) {
    ObjectReader targets = reader.Child("targets");
    if (!targets.object().is_object()) return Error{"should be an object", targets.Where()};
    for (const auto& [id, value] : targets.object().items()) {
      Result<TargetOptions> options = ReadTargetOptions(targets.Child(id));
      if (!options.ok()) return options.error();
      bindings.targets[id] = options.value();
    }
  }
  return bindings;
}

}  // namespace

Result<RuleBindings> LoadRuleBindings(const std::string& package_folder) {
  const std::string file = package_folder + "/rules.json";
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error{"cannot read the rule bindings (missing or unreadable)", file};
  std::stringstream contents;
  contents << in.rdbuf();
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(contents.str());
  } catch (const nlohmann::json::exception& e) {
    const ledger::JsonReadingError error = ledger::DescribeJsonError(contents.str(), e);
    return Error{"malformed JSON: " + error.detail,
                 file + ": " + text::PlaceOfByte(contents.str(), error.byte)};
  }
  Result<RuleBindings> bindings = ReadBindings(root, file);
  if (!bindings.ok()) {
    return Error{bindings.error().message,
                 text::WhereInJsonFile(file, contents.str(), bindings.error().where)};
  }
  bindings.value().text = contents.str();
  return bindings;
}

}  // namespace treaty::evaluation
