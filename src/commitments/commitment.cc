#include "commitments/commitment.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <utility>

#include "commitments/cue_table.h"
#include "text/language.h"
#include "text/utf8.h"

namespace treaty::commitments {

namespace {

constexpr std::array<std::pair<SentenceClass, std::string_view>, 4> kClassNames{{
    {SentenceClass::kCommitment, "commitment"},
    {SentenceClass::kProcedure, "procedure"},
    {SentenceClass::kStatement, "statement"},
    {SentenceClass::kContext, "context"},
}};

constexpr std::array<std::pair<Strength, std::string_view>, 7> kStrengthNames{{
    {Strength::kCommits, "commits"},
    {Strength::kWill, "will"},
    {Strength::kContinues, "continues"},
    {Strength::kEndeavours, "endeavours"},
    {Strength::kConsiders, "considers"},
    {Strength::kMay, "may"},
    {Strength::kNone, "none"},
}};

constexpr std::array<std::pair<Category, std::string_view>, 8> kCategoryNames{{
    {Category::kMilitary, "military"},
    {Category::kFinancial, "financial"},
    {Category::kReconstruction, "reconstruction"},
    {Category::kHumanitarian, "humanitarian"},
    {Category::kPolitical, "political"},
    {Category::kLegal, "legal"},
    {Category::kEconomic, "economic"},
    {Category::kProcedural, "procedural"},
}};

template <typename T, size_t N>
std::string_view NameOf(const std::array<std::pair<T, std::string_view>, N>& names, T value) {
  for (const auto& [v, name] : names)
    if (v == value) return name;
  return {};
}

template <typename T, size_t N>
std::vector<std::string> NamesOf(const std::array<std::pair<T, std::string_view>, N>& names) {
  std::vector<std::string> out;
  for (const auto& entry : names) out.emplace_back(entry.second);
  return out;
}

template <typename T, size_t N>
std::optional<T> ValueOf(const std::array<std::pair<T, std::string_view>, N>& names,
                         std::string_view name) {
  for (const auto& [v, n] : names)
    if (n == name) return v;
  return std::nullopt;
}

nlohmann::json QuoteJson(const Quote& quote) {
  return {{"language", quote.language},  {"eId", quote.eid},        {"text", quote.text},
          {"start", quote.source_begin}, {"end", quote.source_end}, {"line", quote.line}};
}

}  // namespace

std::string_view SentenceClassName(SentenceClass value) { return NameOf(kClassNames, value); }
std::vector<std::string> StrengthNames() { return NamesOf(kStrengthNames); }
std::vector<std::string> CategoryNames() { return NamesOf(kCategoryNames); }
std::string_view StrengthName(Strength value) { return NameOf(kStrengthNames, value); }
std::string_view CategoryName(Category value) { return NameOf(kCategoryNames, value); }
std::optional<SentenceClass> ParseSentenceClass(std::string_view name) {
  return ValueOf(kClassNames, name);
}
std::optional<Strength> ParseStrength(std::string_view name) {
  return ValueOf(kStrengthNames, name);
}
std::optional<Category> ParseCategory(std::string_view name) {
  return ValueOf(kCategoryNames, name);
}

nlohmann::json CommitmentJson(const Commitment& c) {
  nlohmann::json targets = nlohmann::json::array();
  for (const Target& t : c.targets)
    targets.push_back({{"kind", t.kind}, {"value", t.value}, {"text", t.text}});
  nlohmann::json conditions = nlohmann::json::array();
  for (const Condition& condition : c.conditions)
    conditions.push_back({{"kind", condition.kind}, {"text", condition.text}});
  nlohmann::json quotes = nlohmann::json::array();
  for (const Quote& q : c.source.quotes) quotes.push_back(QuoteJson(q));
  nlohmann::json action = {{"lemma", c.action.lemma}, {"object", c.action.object}};
  if (c.action.negated) action["negated"] = true;
  nlohmann::json out = {
      {"id", c.id},
      {"class", SentenceClassName(c.sentence_class)},
      {"strength", StrengthName(c.strength)},
      {"obligors", c.obligors},
      {"beneficiary", c.beneficiary},
      {"action", action},
      {"area",
       {{"section", c.area.section},
        {"headings", c.area.headings},
        {"headings_by_language", c.area.headings_by_language},
        {"category", CategoryName(c.area.category)}}},
      {"targets", targets},
      {"conditions", conditions},
      {"source", {{"eId", c.source.eid}, {"quotes", quotes}}},
      {"flags", c.flags},
      {"review", c.review},
  };
  if (!c.review_notes.empty()) out["review_notes"] = c.review_notes;
  return out;
}

std::string PrevailingLanguage(const Commitment& commitment) {
  return commitment.source.quotes.empty() ? "" : commitment.source.quotes.front().language;
}

std::string SurfaceIn(const Surfaces& surfaces, std::string_view language) {
  if (auto words = surfaces.find(std::string(language)); words != surfaces.end()) {
    return words->second;
  }
  return surfaces.empty() ? "" : surfaces.begin()->second;
}

bool ActionIsTitle(const Commitment& commitment) {
  const std::string_view object = commitment.action.object;
  if (object.empty() || commitment.source.quotes.empty()) return false;
  const std::optional<text::Language> language =
      text::ParseLanguageCode(commitment.source.quotes.front().language);
  const CueTable* cues = language ? CueTableFor(*language) : nullptr;
  if (cues == nullptr) return false;
  const auto listed = [](const std::vector<std::string_view>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
  };
  const std::string_view first = object.substr(0, object.find(' '));
  const std::string_view last = object.substr(object.rfind(' ') + 1);
  const std::string& lemma = commitment.action.lemma;
  if (first == object && listed(cues->lone_adverbs, object)) return false;
  if (listed(cues->agent_prepositions, first) || listed(cues->clause_conjunctions, last)) {
    return false;
  }
  if (listed(cues->auxiliaries, lemma) && listed(cues->prepositions, first)) return false;
  return !listed(cues->copulas, lemma);
}

std::string OpeningWords(const Commitment& commitment) {
  constexpr size_t kMostBytes = 90;
  if (commitment.source.quotes.empty()) return "";
  const std::string& text = commitment.source.quotes.front().text;
  if (text.size() <= kMostBytes) return text;
  size_t cut = text.rfind(' ', kMostBytes);
  if (cut == std::string::npos) {
    cut = kMostBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  return text.substr(0, cut) + " …";
}

std::string Title(const Commitment& commitment) {
  if (ActionIsTitle(commitment)) return text::WithCapitalFirst(commitment.action.Phrase());
  std::string title = OpeningWords(commitment);
  if (title.empty()) return "Commitment " + commitment.id;
  if (title.ends_with('.')) title.pop_back();
  return title;
}

}  // namespace treaty::commitments
