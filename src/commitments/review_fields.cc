#include "commitments/review_fields.h"

#include <array>

#include "core/party_code.h"

namespace treaty::commitments {

namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 9> kFields = {
    "class",    "strength", "obligors",   "beneficiary", "action",
    "category", "targets",  "conditions", "flags",
};

}  // namespace

std::span<const std::string_view> ReviewFields() { return kFields; }

namespace {

// {"en": "...", "lv": "..."}: language codes to non-empty strings.
std::optional<std::string> ReadSurfaces(const json& value, Surfaces& out) {
  if (!value.is_object() || value.empty())
    return "text must be an object of language codes to words";
  for (const auto& [language, words] : value.items()) {
    if (!words.is_string() || words.get<std::string>().empty())
      return "text." + language + " must be a non-empty string";
    out[language] = words.get<std::string>();
  }
  return std::nullopt;
}

std::optional<std::string> ReadTargets(const json& value, std::vector<Target>& out) {
  if (!value.is_array()) return "must be an array of {kind, value, text}";
  for (size_t i = 0; i < value.size(); ++i) {
    const json& item = value[i];
    std::string where = "[" + std::to_string(i) + "]: ";
    if (!item.is_object() || !item.contains("kind") || !item["kind"].is_string() ||
        !item.contains("text"))
      return where + "must be an object with a string kind, a value and a text";
    for (const auto& [key, unused] : item.items())
      if (key != "kind" && key != "value" && key != "text") return where + "unknown key " + key;
    Target target{item["kind"].get<std::string>(), item.value("value", json()), {}};
    if (auto problem = ReadSurfaces(item["text"], target.text)) return where + *problem;
    out.push_back(std::move(target));
  }
  return std::nullopt;
}

std::optional<std::string> ReadConditions(const json& value, std::vector<Condition>& out) {
  if (!value.is_array()) return "must be an array of {kind, text}";
  for (size_t i = 0; i < value.size(); ++i) {
    const json& item = value[i];
    std::string where = "[" + std::to_string(i) + "]: ";
    if (!item.is_object() || !item.contains("kind") || !item["kind"].is_string() ||
        !item.contains("text"))
      return where + "must be an object with a string kind and a text";
    for (const auto& [key, unused] : item.items())
      if (key != "kind" && key != "text") return where + "unknown key " + key;
    Condition condition{item["kind"].get<std::string>(), {}};
    if (auto problem = ReadSurfaces(item["text"], condition.text)) return where + *problem;
    out.push_back(std::move(condition));
  }
  return std::nullopt;
}

std::optional<std::string> ReadParty(const json& value, std::string& out, bool allow_both) {
  if (!value.is_string()) return "must be a string";
  std::string code = value.get<std::string>();
  if (!IsPartyCode(code) && !(allow_both && (code == "both" || code.empty())))
    return "must be a party code such as LV or UA" + std::string(allow_both ? ", or both" : "");
  out = code;
  return std::nullopt;
}

}  // namespace

bool IsReviewField(std::string_view field) {
  for (std::string_view known : kFields)
    if (known == field) return true;
  return false;
}

json ReviewFieldValue(const Commitment& commitment, std::string_view field) {
  json record = CommitmentJson(commitment);
  return field == "category" ? record["area"]["category"] : record[std::string(field)];
}

std::optional<std::string> SetReviewField(Commitment& commitment, std::string_view field,
                                          const json& value) {
  Commitment changed = commitment;
  if (field == "class" || field == "strength" || field == "category") {
    std::string name = value.is_string() ? value.get<std::string>() : "";
    if (field == "class") {
      std::optional<SentenceClass> parsed = ParseSentenceClass(name);
      if (!parsed) return "must be one of commitment, procedure, statement, context";
      changed.sentence_class = *parsed;
    } else if (field == "strength") {
      std::optional<Strength> parsed = ParseStrength(name);
      if (!parsed)
        return "must be one of commits, will, continues, endeavours, considers, may, none";
      changed.strength = *parsed;
    } else {
      std::optional<Category> parsed = ParseCategory(name);
      if (!parsed)
        return "must be one of military, financial, reconstruction, humanitarian, political, "
               "legal, economic, procedural";
      changed.area.category = *parsed;
    }
  } else if (field == "obligors") {
    if (!value.is_array()) return "must be an array of party codes";
    changed.obligors.clear();
    for (const json& item : value) {
      std::string code;
      if (auto problem = ReadParty(item, code, false)) return "each obligor " + *problem;
      changed.obligors.push_back(code);
    }
  } else if (field == "beneficiary") {
    if (auto problem = ReadParty(value, changed.beneficiary, true)) return problem;
  } else if (field == "action") {
    if (!value.is_object() || !value.contains("lemma") || !value["lemma"].is_string() ||
        (value.contains("object") && !value["object"].is_string()) ||
        (value.contains("negated") && value["negated"] != true) ||
        value.size() != 1u + value.contains("object") + value.contains("negated"))
      return "must be an object with a string lemma and, optionally, a string object and "
             "\"negated\": true, spelled as the records spell it";
    changed.action = {value["lemma"].get<std::string>(), value.value("object", ""),
                      value.value("negated", false)};
  } else if (field == "flags") {
    if (!value.is_array()) return "must be an array of strings";
    changed.flags.clear();
    for (const json& item : value) {
      if (!item.is_string()) return "must be an array of strings";
      changed.flags.push_back(item.get<std::string>());
    }
  } else if (field == "targets") {
    changed.targets.clear();
    if (auto problem = ReadTargets(value, changed.targets)) return problem;
  } else if (field == "conditions") {
    changed.conditions.clear();
    if (auto problem = ReadConditions(value, changed.conditions)) return problem;
  } else {
    return "is not a field a review can correct";
  }
  commitment = std::move(changed);
  return std::nullopt;
}

}  // namespace treaty::commitments
