#include "views/cli/commitment_table.h"

#include <fmt/format.h>

#include "evaluation/term_words.h"
#include "views/export/csv.h"

namespace treaty::views {

namespace {

using commitments::Commitment;

std::string Joined(const std::vector<std::string>& items, std::string_view separator) {
  return fmt::format("{}", fmt::join(items, separator));
}

std::string Obligors(const Commitment& c) {
  return c.obligors.empty() ? "?" : Joined(c.obligors, "+");
}

// A target's kind and its words in the commitment's prevailing text.
std::string TargetSummary(const commitments::Target& t, const Commitment& c) {
  return fmt::format("{} {}", t.kind,
                     commitments::SurfaceIn(t.text, commitments::PrevailingLanguage(c)));
}

}  // namespace

std::string CommitmentText(const Commitment& c, const std::string& language) {
  std::string out = fmt::format(
      "{}  {} → {}  {} ({})  {}\n", c.id, Obligors(c),
      c.beneficiary.empty() ? "no one named" : c.beneficiary, commitments::StrengthName(c.strength),
      commitments::SentenceClassName(c.sentence_class), commitments::CategoryName(c.area.category));
  if (!c.action.lemma.empty()) out += fmt::format("  action: {}\n", c.action.Phrase());
  const std::string quote_language =
      language.empty() ? commitments::PrevailingLanguage(c) : language;
  for (const commitments::Target& t : c.targets)
    out += fmt::format("  target: {} \"{}\"\n", t.kind,
                       commitments::SurfaceIn(t.text, quote_language));
  for (const commitments::Condition& condition : c.conditions)
    out += fmt::format("  condition: {} \"{}\"\n", evaluation::TermWords(condition.kind),
                       commitments::SurfaceIn(condition.text, quote_language));
  for (const commitments::Quote& q : c.source.quotes) {
    if (!language.empty() && q.language != language) continue;
    out += fmt::format("  {} (line {}): {}\n", q.language, q.line, q.text);
  }
  for (const std::string& flag : c.flags) out += fmt::format("  flag: {}\n", flag);
  if (!c.review.empty()) out += fmt::format("  review: {}\n", c.review);
  return out;
}

std::string CommitmentCsvHeader() {
  return CsvRow({"id", "class", "strength", "obligors", "beneficiary", "category", "section",
                 "headings", "action", "object", "negated", "targets", "conditions", "quote_en",
                 "quote_lv", "flags", "review"});
}

std::string CommitmentCsvRow(const Commitment& c) {
  std::vector<std::string> targets, conditions;
  for (const commitments::Target& t : c.targets) targets.push_back(TargetSummary(t, c));
  for (const commitments::Condition& condition : c.conditions) conditions.push_back(condition.kind);
  std::string quote_en, quote_lv;
  for (const commitments::Quote& q : c.source.quotes) {
    std::string& quote = q.language == "en" ? quote_en : quote_lv;
    if (q.language != "en" && q.language != "lv") continue;
    quote += (quote.empty() ? "" : " ") + q.text;
  }
  return CsvRow({c.id, std::string(commitments::SentenceClassName(c.sentence_class)),
                 std::string(commitments::StrengthName(c.strength)), Joined(c.obligors, "+"),
                 c.beneficiary, std::string(commitments::CategoryName(c.area.category)),
                 c.area.section, Joined(c.area.headings, " / "), c.action.lemma, c.action.object,
                 c.action.negated ? "true" : "", Joined(targets, "; "), Joined(conditions, "; "),
                 quote_en, quote_lv, Joined(c.flags, "; "), c.review});
}

}  // namespace treaty::views
