#include "evaluation/agreement_rules.h"

#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "document/bundled_path.h"
#include "grammar/core/decimal.h"
#include "ledger/currency.h"
#include "text/json_place.h"

namespace treaty::evaluation {
namespace {

using commitments::Commitment;
using nlohmann::json;

Citation CitationOf(const Commitment& commitment) {
  std::string quote =
      commitment.source.quotes.empty() ? std::string() : commitment.source.quotes.front().text;
  return Citation{commitment.id, commitment.source.eid, quote};
}

const commitments::Target* FindTarget(const Commitment& commitment, std::string_view kind) {
  for (const commitments::Target& target : commitment.targets) {
    if (target.kind == kind) return &target;
  }
  return nullptr;
}

// The bound of a money, percent or count target: "at_least", "more_than", "up_to" or "".
std::string BoundOf(const commitments::Target& target) {
  return target.value.is_object() ? target.value.value("bound", "") : "";
}

// A target's words in the commitment's prevailing text, else in any text.
std::string WordsOf(const commitments::Target& target, const Commitment& commitment) {
  return commitments::SurfaceIn(target.text, commitments::PrevailingLanguage(commitment));
}

// The figure a target rule measures, in MakeTargetRule's order: a share of a measure, else an
// amount, else a count; nullptr when there is none.
const commitments::Target* MeasuredFigure(const Commitment& commitment) {
  const commitments::Target* percent = FindTarget(commitment, "percent");
  if (percent != nullptr && percent->value.is_object() && percent->value.contains("of")) {
    return percent;
  }
  if (const commitments::Target* money = FindTarget(commitment, "money")) return money;
  return FindTarget(commitment, "count");
}

// The year of "2024" or "2024-01-01" (a period's bound), or 0.
int YearOf(const json& value) {
  if (value.is_number_integer()) return value.get<int>();
  if (!value.is_string()) return 0;
  const std::string text = value.get<std::string>();
  if (text.size() < 4) return 0;
  int year = 0;
  for (int i = 0; i < 4; ++i) {
    if (text[i] < '0' || text[i] > '9') return 0;
    year = year * 10 + (text[i] - '0');
  }
  return year;
}

// The years a commitment names: "2024, 2025 and 2026", "in 2024", "between 2024 and 2026".
std::vector<int> YearsOf(const Commitment& commitment) {
  std::vector<int> years;
  if (const commitments::Target* target = FindTarget(commitment, "years")) {
    for (const json& year : target->value) years.push_back(YearOf(year));
  } else if (const commitments::Target* target = FindTarget(commitment, "year")) {
    years.push_back(YearOf(target->value));
  } else if (const commitments::Target* target = FindTarget(commitment, "period")) {
    int from = YearOf(target->value.value("from", json()));
    int to = YearOf(target->value.value("to", json()));
    for (int year = from; from > 0 && year <= to; ++year) years.push_back(year);
  }
  return years;
}

class RuleReader {
 public:
  RuleReader(const commitments::AgreementCommitments& agreement, const RuleBindings& bindings)
      : bindings_(bindings) {
    for (const Commitment& commitment : agreement.reviewed) by_id_[commitment.id] = &commitment;
  }

  Result<const Commitment*> Find(const Binding& binding, const std::string& path) const {
    auto found = by_id_.find(binding.commitment);
    if (found == by_id_.end()) {
      return Error{
          fmt::format("commitment '{}' is not among the reviewed commitments", binding.commitment),
          Where(path)};
    }
    return found->second;
  }

  Result<Citation> CitationFor(const Binding& binding, const std::string& path) const {
    Result<const Commitment*> commitment = Find(binding, path);
    if (!commitment.ok()) return commitment.error();
    return CitationOf(*commitment.value());
  }

  // The value of the bound target as text: a date ("2024-04-11") or an ISO 8601 period.
  Result<std::string> TargetText(const Binding& binding, const std::string& path) const {
    Result<const Commitment*> commitment = Find(binding, path);
    if (!commitment.ok()) return commitment.error();
    const commitments::Target* target = FindTarget(*commitment.value(), binding.target);
    if (target == nullptr) {
      return Error{
          fmt::format("commitment '{}' has no {} target", binding.commitment, binding.target),
          Where(path)};
    }
    const json& value =
        target->value.is_object() ? target->value.value("value", json()) : target->value;
    if (!value.is_string()) {
      return Error{fmt::format("the {} target of '{}' is not a date or period", binding.target,
                               binding.commitment),
                   Where(path)};
    }
    return value.get<std::string>();
  }

  template <typename T>
  Result<Cited<T>> Read(const Binding& binding, const std::string& path) const {
    Result<std::string> text = TargetText(binding, path);
    if (!text.ok()) return text.error();
    Result<Citation> citation = CitationFor(binding, path);
    if (!citation.ok()) return citation.error();
    // Placed in the file only when it fails: placing parses the file again.
    Result<T> value = [&]() -> Result<T> {
      if constexpr (std::is_same_v<T, Date>) {
        return ParseDate(text.value(), "");
      } else {
        return ParsePeriod(text.value(), "");
      }
    }();
    if (!value.ok()) return Error{value.error().message, Where(path)};
    return Cited<T>{value.value(), citation.value()};
  }

  std::string Where(const std::string& path) const {
    return text::WhereInJsonFile(bindings_.file, bindings_.text, "field " + path);
  }

 private:
  const RuleBindings& bindings_;
  std::map<std::string, const Commitment*> by_id_;
};

Result<LifecycleParameters> ReadLifecycle(const RuleReader& reader, const RuleBindings& bindings,
                                          const std::vector<std::string>& parties) {
  LifecycleParameters parameters;
  parameters.parties = parties;
  auto binding = [&](const char* name) { return bindings.lifecycle.at(name); };
  auto path = [](const char* name) { return std::string("lifecycle.") + name; };
  Result<Cited<Date>> signature = reader.Read<Date>(binding("signature"), path("signature"));
  if (!signature.ok()) return signature.error();
  parameters.signature = signature.value();
  for (auto [name, target] : {std::pair{"term", &parameters.term},
                              std::pair{"extension_notice", &parameters.extension_notice},
                              std::pair{"termination_notice", &parameters.termination_notice}}) {
    Result<Cited<Period>> period = reader.Read<Period>(binding(name), path(name));
    if (!period.ok()) return period.error();
    *target = period.value();
  }
  for (auto [name, target] : {std::pair{"entry_into_force", &parameters.entry_into_force},
                              std::pair{"nato_membership", &parameters.nato_membership},
                              std::pair{"amendment", &parameters.amendment},
                              std::pair{"ongoing_activities", &parameters.ongoing_activities}}) {
    Result<Citation> citation = reader.CitationFor(binding(name), path(name));
    if (!citation.ok()) return citation.error();
    *target = citation.value();
  }
  return parameters;
}

// A number of the expression stage as the exact decimal it writes ("3300000.5", "0.25"): its
// JSON holds at most 15 significant digits, which a double and its shortest notation keep exact.
std::optional<grammar::Decimal> ExactDecimal(const json& number) {
  if (number.is_number_integer()) {
    return grammar::Decimal::Integer(number.get<int64_t>());
  }
  if (!number.is_number_float()) return std::nullopt;
  const std::string text = number.dump();
  const size_t point = text.find('.');
  if (point == std::string::npos) return grammar::Decimal::Parse(text, "");
  return grammar::Decimal::Parse(std::string_view(text).substr(0, point),
                                 std::string_view(text).substr(point + 1));
}

// `number` × 10^`exponent` as a whole number; nullopt when it is none or does not fit.
std::optional<int64_t> ScaledInteger(const json& number, int exponent) {
  std::optional<grammar::Decimal> scaled = ExactDecimal(number);
  for (int i = 0; i < exponent && scaled; ++i)
    scaled = scaled->Times(grammar::Decimal::Integer(10));
  return scaled ? scaled->ToInteger() : std::nullopt;
}

// A major-unit amount as the expression stage gives it (112000000, 3300000.5) in minor units,
// exactly: money is never a float (DESIGN.md).
Result<int64_t> MinorUnits(const json& amount, const std::string& currency,
                           const std::string& where) {
  std::optional<int> exponent = ledger::CurrencyMinorUnit(currency);
  if (!exponent) return Error{ledger::CurrencyProblem(currency), where};
  if (!amount.is_number()) return Error{"the amount is not a number", where};
  std::optional<int64_t> minor = ScaledInteger(amount, *exponent);
  if (!minor || *minor < 0) {
    return Error{fmt::format("the amount {} is no whole number of {}'s minor units", amount.dump(),
                             currency),
                 where};
  }
  return *minor;
}

Result<TargetRule> MakeTargetRule(const Commitment& commitment, const RuleBindings& bindings) {
  TargetRule rule;
  rule.commitment_id = commitment.id;
  rule.source = CitationOf(commitment);
  rule.sentence_class = std::string(commitments::SentenceClassName(commitment.sentence_class));
  rule.strength = std::string(commitments::StrengthName(commitment.strength));
  rule.category = std::string(commitments::CategoryName(commitment.area.category));
  rule.obligors = commitment.obligors;
  for (const commitments::Condition& condition : commitment.conditions) {
    rule.conditions.push_back(condition.kind);
    // Only the prevailing text's words: a condition another text alone states is flagged, and
    // its words would be quoted as the prevailing sentence's.
    const auto words = condition.text.find(commitments::PrevailingLanguage(commitment));
    rule.condition_words.push_back(words == condition.text.end() ? condition.kind : words->second);
  }
  if (auto options = bindings.targets.find(commitment.id); options != bindings.targets.end()) {
    rule.options = options->second;
  }
  rule.years = YearsOf(commitment);
  const std::string where = fmt::format("commitment {}", commitment.id);
  const commitments::Target* recurrence = FindTarget(commitment, "recurrence");
  rule.per_year = recurrence != nullptr && recurrence->value == "P1Y";
  const commitments::Target* measured = MeasuredFigure(commitment);
  const std::string bound = measured == nullptr ? "" : BoundOf(*measured);
  // "up to" caps what may be given: less is no shortfall, so the figure is not a target.
  if (bound == "up_to") {
    rule.ceiling_words = WordsOf(*measured, commitment);
    return rule;
  }
  if (bound == "at_least" || bound == "more_than") {
    rule.lower_bound_words = WordsOf(*measured, commitment);
  }
  if (measured == nullptr) return rule;
  const json& value = measured->value;
  if (measured->kind == "percent") {
    rule.kind = TargetRuleKind::kGdpShare;
    rule.share_of = value.value("of", "");
    const json share = value.value("value", json());
    if (!share.is_number()) return Error{"the share is not a number", where};
    std::optional<int64_t> ppm = ScaledInteger(share, 4);
    if (!ppm || *ppm < 0) {
      return Error{
          fmt::format("the share {} % is no whole number of parts per million", share.dump()),
          where};
    }
    rule.share_ppm = *ppm;
    rule.per_year = true;
  } else if (measured->kind == "money") {
    rule.kind = TargetRuleKind::kMoney;
    rule.money.currency = value.value("currency", "");
    rule.money.approximate = value.value("approx", false);
    Result<int64_t> minor = MinorUnits(value.value("amount", json()), rule.money.currency, where);
    if (!minor.ok()) return minor.error();
    rule.money.minor_units = minor.value();
  } else {
    rule.kind = TargetRuleKind::kCount;
    rule.count = value.value("value", int64_t{0});
    rule.unit = value.value("unit", "");
  }
  return rule;
}

}  // namespace

const char* TargetRuleKindName(TargetRuleKind kind) {
  switch (kind) {
    case TargetRuleKind::kGdpShare:
      return "gdp_share";
    case TargetRuleKind::kMoney:
      return "money";
    case TargetRuleKind::kCount:
      return "count";
    case TargetRuleKind::kActivity:
      return "activity";
  }
  return "activity";
}

const TargetRule* FindTargetRule(const AgreementRules& rules, const std::string& id) {
  for (const TargetRule& rule : rules.targets) {
    if (rule.commitment_id == id) return &rule;
  }
  return nullptr;
}

namespace {

// The error when `package` names a day of signature other than `signature`, the text's.
std::optional<Error> OtherSignedDate(const document::AgreementPackage& package,
                                     const Cited<Date>& signature) {
  if (package.signed_date == signature.value.ToString()) return std::nullopt;
  return Error{
      fmt::format("{}, but the text says {} ({}: \"{}\")", package.signed_date,
                  signature.value.ToString(), signature.source.eid, signature.source.quote),
      document::FieldWhere(package, "signed.date")};
}

}  // namespace

Result<AgreementRules> BuildAgreementRules(const commitments::AgreementCommitments& agreement,
                                           const RuleBindings& bindings,
                                           const std::string& package_folder) {
  AgreementRules rules;
  rules.agreement = agreement.package.id;
  rules.title = agreement.package.title;
  for (const document::Party& party : agreement.package.parties) {
    rules.parties.push_back(party.code);
  }
  RuleReader reader(agreement, bindings);
  Result<LifecycleParameters> lifecycle = ReadLifecycle(reader, bindings, rules.parties);
  if (!lifecycle.ok()) return lifecycle.error();
  rules.lifecycle = lifecycle.value();
  if (std::optional<Error> other = OtherSignedDate(agreement.package, rules.lifecycle.signature)) {
    return *other;
  }

  Result<Cited<Period>> window = reader.Read<Period>(bindings.consultations, "consultations");
  if (!window.ok()) return window.error();
  if (!window.value().value.ExactLength()) {
    return Error{"the consultation window must be hours or days, not months or years",
                 reader.Where("consultations")};
  }
  rules.consultations = {window.value(), bindings.consultation_request_subtype};
  Result<Cited<Period>> recurrence = reader.Read<Period>(bindings.annual_meeting, "annual_meeting");
  if (!recurrence.ok()) return recurrence.error();
  if (!(recurrence.value().value == Period{.years = 1})) {
    return Error{fmt::format("the meeting recurs every {}; only yearly meetings are evaluated",
                             recurrence.value().value.ToString()),
                 reader.Where("annual_meeting")};
  }
  rules.annual_meeting = {recurrence.value(), bindings.meeting_subtype};
  Result<Citation> institutions =
      reader.CitationFor(bindings.authorised_institutions, "authorised_institutions");
  if (!institutions.ok()) return institutions.error();
  rules.authorised_institutions = institutions.value();

  for (const auto& [measure, by_party] : bindings.reference_series) {
    for (const auto& [party, path] : by_party) {
      const std::string file =
          (std::filesystem::path(package_folder) / path).lexically_normal().string();
      Result<ReferenceSeries> series = LoadReferenceSeries(file);
      if (!series.ok()) return series.error();
      // Findings and the API cite the file by the name the project gives it.
      series.value().file = document::BundledName(file);
      rules.reference_series[measure][party] = series.value();
    }
  }

  std::set<std::string> bound;
  for (const auto& [name, binding] : bindings.lifecycle) bound.insert(binding.commitment);
  bound.insert(bindings.consultations.commitment);
  bound.insert(bindings.annual_meeting.commitment);
  bound.insert(bindings.authorised_institutions.commitment);
  std::set<std::string> known;
  for (const Commitment& commitment : agreement.reviewed) {
    known.insert(commitment.id);
    rules.categories[commitment.id] = std::string(CategoryName(commitment.area.category));
    rules.titles[commitment.id] = commitments::Title(commitment);
    if (commitment.sentence_class != commitments::SentenceClass::kCommitment &&
        commitment.sentence_class != commitments::SentenceClass::kProcedure) {
      continue;
    }
    if (bound.count(commitment.id) != 0) continue;
    Result<TargetRule> rule = MakeTargetRule(commitment, bindings);
    if (!rule.ok()) return rule.error();
    if (rule.value().kind == TargetRuleKind::kGdpShare) {
      const auto& series = rules.reference_series[rule.value().share_of];
      for (const std::string& obligor : rule.value().obligors) {
        if (series.count(obligor) == 0) {
          return Error{fmt::format("no {} series for {}, whose share {} names",
                                   rule.value().share_of, obligor, commitment.id),
                       reader.Where("reference_series")};
        }
      }
    }
    rules.targets.push_back(rule.value());
  }
  for (const auto& [id, options] : bindings.targets) {
    if (known.count(id) == 0) {
      return Error{fmt::format("commitment '{}' is not among the reviewed commitments", id),
                   reader.Where("targets")};
    }
    if (!options.beside.empty() && known.count(options.beside) == 0) {
      return Error{
          fmt::format("commitment '{}' is not among the reviewed commitments", options.beside),
          reader.Where("targets." + id + ".beside")};
    }
  }
  return rules;
}

Result<bool> CheckSignedDate(const commitments::AgreementCommitments& agreement,
                             const RuleBindings& bindings) {
  RuleReader reader(agreement, bindings);
  Result<Cited<Date>> signature =
      reader.Read<Date>(bindings.lifecycle.at("signature"), "lifecycle.signature");
  if (!signature.ok()) return signature.error();
  if (std::optional<Error> other = OtherSignedDate(agreement.package, signature.value())) {
    return *other;
  }
  return true;
}

}  // namespace treaty::evaluation
