#include "commitments/extraction.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "commitments/cue_table.h"
#include "commitments/list_items.h"
#include "commitments/party_names.h"
#include "commitments/sentence_analysis.h"
#include "commitments/sentence_pairing.h"
#include "document/alignment.h"
#include "grammar/grammars.h"

namespace treaty::commitments {

namespace {

using document::Node;
using document::NodeType;

// A node whose own words are sentences, with where it stands in the document.
struct Provision {
  const Node* node = nullptr;
  std::string section;
  std::vector<std::string> headings;  // outer first
  bool operative = true;
};

std::vector<const Node*> SentencesOf(const Node& node) {
  std::vector<const Node*> out;
  for (const Node& child : node.children)
    if (child.type == NodeType::kSentence) out.push_back(&child);
  return out;
}

void CollectProvisions(const Node& node, Provision context, std::vector<Provision>& out) {
  if (node.type == NodeType::kPreamble || node.type == NodeType::kConclusions ||
      node.type == NodeType::kTitle)
    context.operative = false;
  // The section is the outermost numbered division: a text in Parts is divided by them.
  const bool division = node.type == NodeType::kPart || node.type == NodeType::kChapter ||
                        node.type == NodeType::kArticle || node.type == NodeType::kSection;
  if (division && context.section.empty()) context.section = node.eid;
  if (document::IsHeadingContainer(node.type) && !node.heading.empty())
    context.headings.push_back(node.heading);
  if (!SentencesOf(node).empty()) {
    Provision p = context;
    p.node = &node;
    out.push_back(p);
  }
  for (const Node& child : node.children) CollectProvisions(child, context, out);
}

std::vector<Provision> Provisions(const document::Document& doc) {
  std::vector<Provision> out;
  CollectProvisions(doc.root, Provision{}, out);
  return out;
}

// The sentences of one other version that correspond to each sentence of the prevailing one.
struct OtherVersion {
  const grammar::ExtractedText* text = nullptr;
  const CueTable* cues = nullptr;
  PartyNames parties;                                            // when `cues`
  std::map<std::string, std::vector<const Node*>> sentences_of;  // by prevailing sentence eId
  std::map<std::string, std::vector<std::string>> headings_of;   // by prevailing provision eId
  // How each sentence of this version reads, list items with their lead-ins (ListItemReader),
  // by its eId; when `cues`.
  std::map<std::string, SentenceAnalysis> readings;
};

OtherVersion ReadOtherVersion(const grammar::ExtractedText& other,
                              const grammar::ExtractedText& prevailing,
                              const std::vector<document::Party>& parties) {
  OtherVersion v;
  v.text = &other;
  v.cues = CueTableFor(other.doc.language);
  if (v.cues) v.parties = NamesOfParties(parties, other.doc.language, *v.cues);
  document::Alignment alignment = document::AlignDocuments(other.doc, prevailing.doc);
  std::map<std::string, const Provision*> other_provisions;
  std::vector<Provision> provisions = Provisions(other.doc);
  for (const Provision& p : provisions) other_provisions[p.node->eid] = &p;
  if (v.cues) {
    ListItemReader lists(other.doc.language, *v.cues, v.parties);
    for (const Provision& p : provisions)
      for (const Node* s : SentencesOf(*p.node)) {
        ListReading read = lists.Read(
            *p.node, *s, p.headings, p.operative,
            AnalyzeSentence(s->text, other.doc.language, *v.cues, v.parties, p.operative));
        v.readings.emplace(s->eid, std::move(read.analysis));
      }
  }
  for (const document::AlignedPair& pair : alignment.pairs) {
    std::vector<const Node*> mine, theirs;
    std::vector<size_t> my_lengths, their_lengths;
    for (const std::string& eid : pair.right)
      if (const Node* node = prevailing.doc.Find(eid))
        for (const Node* s : SentencesOf(*node)) {
          mine.push_back(s);
          my_lengths.push_back(s->text.size());
        }
    for (const std::string& eid : pair.left) {
      auto it = other_provisions.find(eid);
      if (it == other_provisions.end()) continue;
      for (const Node* s : SentencesOf(*it->second->node)) {
        theirs.push_back(s);
        their_lengths.push_back(s->text.size());
      }
      for (const std::string& right : pair.right)
        v.headings_of.emplace(right, it->second->headings);
    }
    if (mine.empty() || theirs.empty()) continue;
    std::vector<std::vector<size_t>> pairs = PairSentences(my_lengths, their_lengths);
    for (size_t i = 0; i < mine.size(); ++i)
      for (size_t j : pairs[i]) v.sentences_of[mine[i]->eid].push_back(theirs[j]);
  }
  return v;
}

Quote QuoteOf(const Node& sentence, text::Language language) {
  return {std::string(text::LanguageCode(language)),
          sentence.eid,
          sentence.text,
          sentence.source_begin,
          sentence.source_end,
          sentence.first_line};
}

bool IsTargetKind(grammar::Kind kind) {
  return kind != grammar::Kind::kReference && grammar::IsReported(kind);
}

// Kinds whose disagreement between versions is flagged: the figures a commitment is held to.
bool IsFlaggedKind(std::string_view kind) {
  return kind == "money" || kind == "percent" || kind == "count" || kind == "duration" ||
         kind == "date";
}

std::vector<const grammar::Expression*> ExpressionsIn(const grammar::Expressions& expressions,
                                                      const Node& sentence) {
  std::vector<const grammar::Expression*> out;
  for (const grammar::Expression& e : expressions.found)
    if (e.begin >= sentence.begin && e.end <= sentence.end && IsTargetKind(e.value.kind))
      out.push_back(&e);
  return out;
}

// Whether two texts' values are one figure: equal, or equal but for a bound that one language
// says and the other leaves to its words ("up to 50 million EUR" where Latvian "līdz" is not read
// as one). The prevailing text's value, bound included, is kept.
bool SameFigure(const nlohmann::json& a, const nlohmann::json& b) {
  if (a == b) return true;
  if (!a.is_object() || !b.is_object()) return false;
  nlohmann::json plain_a = a, plain_b = b;
  plain_a.erase("bound");
  plain_b.erase("bound");
  return plain_a == plain_b;
}

// True when the money figure `e` was read with the decimal separator before exactly three digits
// ("1.072 million euro"): where a text also groups thousands with it ("1.072 million euro … of
// which 898 million"), the figure is a thousand times what it reads as. A figure the grammar
// read as thousands grouped with dots ("250.000 EUR", rules "….dotted_thousands…") is not.
bool MayGroupThousands(const grammar::Expression& e, char decimal_separator) {
  if (e.value.kind != grammar::Kind::kMoney ||
      e.rule.find("dotted_thousands") != std::string::npos) {
    return false;
  }
  const std::string_view text = e.text;
  for (size_t at = text.find(decimal_separator); at != std::string_view::npos;
       at = text.find(decimal_separator, at + 1)) {
    const auto digit = [&](size_t i) {
      return i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]));
    };
    if (at > 0 && digit(at - 1) && digit(at + 1) && digit(at + 2) && digit(at + 3) &&
        !digit(at + 4)) {
      return true;
    }
  }
  return false;
}

void AddTargets(const std::vector<const grammar::Expression*>& found, text::Language language_of,
                bool prevailing, Commitment& c) {
  const std::string language(text::LanguageCode(language_of));
  const char decimal_separator = grammar::GrammarFor(language_of).number_format.decimal_separator;
  std::vector<bool> used(c.targets.size(), false);
  for (const grammar::Expression* e : found) {
    std::string kind(grammar::KindName(e->value.kind));
    nlohmann::json value = e->value.ToJson();
    bool matched = false;
    for (size_t i = 0; i < c.targets.size() && !matched; ++i) {
      if (used[i] || c.targets[i].kind != kind || !SameFigure(c.targets[i].value, value)) continue;
      c.targets[i].text[language] = e->text;
      used[i] = matched = true;
    }
    if (MayGroupThousands(*e, decimal_separator))
      c.flags.push_back(fmt::format(
          "targets: \"{}\" is read with '{}' as the decimal separator; if it groups thousands, "
          "the figure is 1,000 times larger",
          e->text, decimal_separator));
    if (matched) continue;
    if (!prevailing && IsFlaggedKind(kind))
      c.flags.push_back(
          fmt::format("targets: the {} text has {} \"{}\", the prevailing text does not", language,
                      kind, e->text));
    c.targets.push_back({kind, value, {{language, e->text}}});
    used.push_back(true);
  }
}

std::string PartiesText(const std::vector<std::string>& parties) {
  return parties.empty() ? "nobody named" : fmt::format("{}", fmt::join(parties, "+"));
}

void CompareAnalysis(const SentenceAnalysis& mine, const SentenceAnalysis& theirs,
                     std::string_view my_language, std::string_view language, Commitment& c) {
  if (mine.sentence_class != theirs.sentence_class) {
    c.flags.push_back(fmt::format("class: {} reads as {} (\"{}\"), {} as {} (\"{}\")", my_language,
                                  SentenceClassName(mine.sentence_class), mine.cue, language,
                                  SentenceClassName(theirs.sentence_class), theirs.cue));
    return;
  }
  if (mine.strength != theirs.strength)
    c.flags.push_back(fmt::format("strength: {} says {} (\"{}\"), {} says {} (\"{}\")", my_language,
                                  StrengthName(mine.strength), mine.cue, language,
                                  StrengthName(theirs.strength), theirs.cue));
  if (!theirs.obligors.empty() && mine.obligors != theirs.obligors)
    c.flags.push_back(fmt::format("obligors: {} names {}, {} names {}", my_language,
                                  PartiesText(mine.obligors), language,
                                  PartiesText(theirs.obligors)));
}

}  // namespace

std::vector<Commitment> ExtractCommitments(std::span<const grammar::ExtractedText> versions,
                                           const std::vector<document::Party>& parties) {
  std::vector<Commitment> out;
  if (versions.empty()) return out;
  const grammar::ExtractedText& prevailing = versions.front();
  const text::Language language = prevailing.doc.language;
  const std::string code(text::LanguageCode(language));
  const CueTable* cues = CueTableFor(language);
  const PartyNames names = cues ? NamesOfParties(parties, language, *cues) : PartyNames{};
  std::vector<OtherVersion> others;
  for (size_t i = 1; i < versions.size(); ++i)
    others.push_back(ReadOtherVersion(versions[i], prevailing, parties));

  std::optional<ListItemReader> lists;
  if (cues) lists.emplace(language, *cues, names);
  for (const Provision& provision : Provisions(prevailing.doc)) {
    for (const Node* sentence : SentencesOf(*provision.node)) {
      Commitment c;
      c.id = sentence->eid;
      c.source.eid = provision.node->eid;
      c.source.quotes.push_back(QuoteOf(*sentence, language));
      c.area.section = provision.section;
      c.area.headings = provision.headings;
      c.area.headings_by_language[code] = provision.headings;
      SentenceAnalysis analysis;
      if (cues) {
        ListReading read = lists->Read(
            *provision.node, *sentence, provision.headings, provision.operative,
            AnalyzeSentence(sentence->text, language, *cues, names, provision.operative));
        analysis = std::move(read.analysis);
        // The words read with the item, cited for the reviewer.
        if (!read.lead_in_eid.empty())
          c.flags.push_back(fmt::format("list: read with its lead-in, {}: \"{}\"", read.lead_in_eid,
                                        read.lead_in_words));
      }
      c.sentence_class = analysis.sentence_class;
      c.strength = analysis.strength;
      c.obligors = analysis.obligors;
      c.beneficiary = analysis.beneficiary;
      c.action = analysis.action;
      const std::optional<Category> heading_category =
          cues ? CategoryOfHeadings(provision.headings, language, *cues, analysis.named_plainly)
               : std::nullopt;
      c.area.category =
          c.sentence_class == SentenceClass::kProcedure
              ? Category::kProcedural
              : heading_category.value_or(analysis.category.value_or(Category::kPolitical));
      for (const FoundCondition& found : analysis.conditions)
        c.conditions.push_back({found.kind, {{code, found.text}}});
      AddTargets(ExpressionsIn(prevailing.expressions, *sentence), language, true, c);

      for (const OtherVersion& other : others) {
        const text::Language other_language = other.text->doc.language;
        const std::string other_code(text::LanguageCode(other_language));
        auto headings = other.headings_of.find(provision.node->eid);
        if (headings != other.headings_of.end())
          c.area.headings_by_language[other_code] = headings->second;
        auto found = other.sentences_of.find(sentence->eid);
        if (found == other.sentences_of.end()) continue;
        std::optional<SentenceAnalysis> theirs;
        for (const Node* s : found->second) {
          c.source.quotes.push_back(QuoteOf(*s, other_language));
          AddTargets(ExpressionsIn(other.text->expressions, *s), other_language, false, c);
          if (!other.cues) continue;
          SentenceAnalysis a = other.readings.at(s->eid);
          for (const FoundCondition& f : a.conditions) {
            auto same = std::find_if(c.conditions.begin(), c.conditions.end(), [&](auto& x) {
              return x.kind == f.kind && !x.text.contains(other_code);
            });
            if (same != c.conditions.end())
              same->text[other_code] = f.text;
            else
              c.conditions.push_back({f.kind, {{other_code, f.text}}});
          }
          if (!theirs || (theirs->sentence_class != SentenceClass::kCommitment &&
                          theirs->sentence_class != SentenceClass::kProcedure))
            theirs = std::move(a);
        }
        if (cues && theirs) CompareAnalysis(analysis, *theirs, code, other_code, c);
      }
      // The prevailing text decides, where its conditions were read: a condition only another
      // text states does not bind the commitment, and is flagged for the reviewer (a Latvian
      // "vajadzības gadījumā" where the English "as necessary" qualifies a thing, not the promise).
      const auto unstated = cues == nullptr
                                ? c.conditions.end()
                                : std::stable_partition(c.conditions.begin(), c.conditions.end(),
                                                        [&](const Condition& condition) {
                                                          return condition.text.contains(code);
                                                        });
      for (auto it = unstated; it != c.conditions.end(); ++it) {
        for (const auto& [other_code, words] : it->text) {
          c.flags.push_back(
              fmt::format("conditions: the {} text has {} \"{}\", the prevailing text does not",
                          other_code, it->kind, words));
        }
      }
      c.conditions.erase(unstated, c.conditions.end());
      std::set<std::string> quoted;
      for (const Quote& quote : c.source.quotes)
        if (quote.language != code) quoted.insert(quote.language);
      for (const std::string& other_code : quoted)
        for (const Target& t : c.targets)
          if (IsFlaggedKind(t.kind) && t.text.contains(code) && !t.text.contains(other_code))
            c.flags.push_back(
                fmt::format("targets: the prevailing text has {} \"{}\", the {} text does not",
                            t.kind, t.text.at(code), other_code));
      out.push_back(std::move(c));
    }
  }
  return out;
}

std::vector<Commitment> ExtractCommitments(std::span<const grammar::ExtractedText> versions,
                                           const std::vector<std::string>& party_codes) {
  std::vector<document::Party> parties;
  for (const std::string& code : party_codes) parties.push_back({code, ""});
  return ExtractCommitments(versions, parties);
}

}  // namespace treaty::commitments
