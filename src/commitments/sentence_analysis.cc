#include "commitments/sentence_analysis.h"

#include <algorithm>
#include <optional>

#include "grammar/core/token.h"
#include "grammar/grammars.h"
#include "text/dictionary.h"

namespace treaty::commitments {

namespace {

using grammar::Token;
using grammar::TokenKind;

// A sentence's tokens and which of them conditions cover.
struct Reading {
  std::string_view sentence;
  std::string words;  // backing store of the tokens' lower-case words
  std::vector<Token> tokens;
  std::vector<bool> in_condition;
};

// The longest match of any of `patterns` at `start`: (end, index), or nullopt.
template <typename Entry, typename GetPattern>
std::optional<std::pair<size_t, size_t>> LongestAt(const std::vector<Entry>& entries,
                                                   GetPattern pattern_of,
                                                   const std::vector<Token>& tokens,
                                                   size_t start) {
  std::optional<std::pair<size_t, size_t>> best;
  for (size_t i = 0; i < entries.size(); ++i) {
    std::optional<size_t> end = pattern_of(entries[i]).MatchAt(tokens, start);
    if (end && (!best || *end > best->first)) best = std::make_pair(*end, i);
  }
  return best;
}

std::string_view Span(const Reading& r, size_t first, size_t end) {
  return r.sentence.substr(r.tokens[first].begin,
                           r.tokens[end - 1].end - r.tokens[first].begin);
}

bool Contains(const std::vector<std::string_view>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// A Latvian-style future form: a word ending in a future ending whose dictionary form is an
// infinitive other than the word itself ("sniegs" → "sniegt").
std::optional<std::string> FutureVerbLemma(const Token& token, text::Language language,
                                           const CueTable& cues) {
  if (token.kind != TokenKind::kWord) return std::nullopt;
  bool ending = std::any_of(cues.future_endings.begin(), cues.future_endings.end(),
                            [&](std::string_view e) { return token.lower.ends_with(e); });
  if (!ending) return std::nullopt;
  for (const std::string& stem : text::Stems(language, token.lower)) {
    if (stem == token.lower) continue;
    for (std::string_view inf : cues.infinitive_endings)
      if (stem.ends_with(inf)) return stem;
  }
  return std::nullopt;
}

std::string Lemma(std::string_view word, text::Language language, const CueTable& cues) {
  std::vector<std::string> stems = text::Stems(language, word);
  for (const std::string& stem : stems)
    for (std::string_view inf : cues.infinitive_endings)
      if (stem.ends_with(inf)) return stem;
  return stems.empty() ? std::string(word) : stems.front();
}

struct Mention {
  size_t first = 0;
  size_t end = 0;
  std::string_view party;
  bool subject = false;
};

std::vector<Mention> FindMentions(const Reading& r, const CueTable& cues) {
  std::vector<Mention> mentions;
  for (size_t i = 0; i < r.tokens.size();) {
    auto found = LongestAt(
        cues.parties, [](const PartyCue& c) -> const Pattern& { return c.pattern; }, r.tokens, i);
    if (!found) {
      ++i;
      continue;
    }
    const PartyCue& cue = cues.parties[found->second];
    Mention m{i, found->first, cue.party, cue.can_be_subject && !r.in_condition[i]};
    size_t before = i;
    while (before > 0 && Contains({"the", "either", "both", "each"}, r.tokens[before - 1].lower))
      --before;
    if (before > 0 && Contains(cues.prepositions, r.tokens[before - 1].lower)) m.subject = false;
    mentions.push_back(m);
    i = found->first;
  }
  return mentions;
}

std::vector<std::string> PartiesOf(std::string_view party, const std::vector<std::string>& all) {
  if (party == "both") return all;
  return {std::string(party)};
}

Action ReadAction(const Reading& r, size_t cue_first, size_t cue_end, bool cue_is_verb,
                  text::Language language, const CueTable& cues) {
  Action action;
  size_t verb = cue_first;
  if (!cue_is_verb) {
    size_t j = cue_end;
    while (j < r.tokens.size() &&
           (r.in_condition[j] || r.tokens[j].lower == "," ||
            Contains(cues.skipped_before_verb, r.tokens[j].lower)))
      ++j;
    bool no_verb = j == r.tokens.size() || r.tokens[j].kind != TokenKind::kWord ||
                   Contains(cues.prepositions, r.tokens[j].lower) ||
                   Contains({"its", "their", "the", "a", "an", "this", "savu", "savas"},
                            r.tokens[j].lower);
    if (no_verb) {
      verb = cue_end - 1;
      while (verb > cue_first && r.tokens[verb].kind != TokenKind::kWord) --verb;
    } else {
      verb = j;
    }
  }
  action.lemma = Lemma(r.tokens[verb].lower, language, cues);
  size_t first = verb + 1;
  size_t end = first;
  while (end < r.tokens.size() && end - first < 15 && !r.in_condition[end] &&
         !Contains({",", ";", ".", ":"}, r.tokens[end].lower))
    ++end;
  if (end > first) action.object = std::string(Span(r, first, end));
  return action;
}

}  // namespace

SentenceAnalysis AnalyzeSentence(std::string_view sentence, text::Language language,
                                 const CueTable& cues, const std::vector<std::string>& parties,
                                 bool operative) {
  Reading r;
  r.sentence = sentence;
  r.tokens = grammar::Tokenize(sentence, 0, sentence.size(),
                               grammar::GrammarFor(language).number_format, r.words);
  r.in_condition.assign(r.tokens.size(), false);
  SentenceAnalysis out;

  for (size_t i = 0; i < r.tokens.size();) {
    auto found = LongestAt(
        cues.conditions, [](const ConditionCue& c) -> const Pattern& { return c.pattern; },
        r.tokens, i);
    if (!found) {
      ++i;
      continue;
    }
    out.conditions.push_back(
        {std::string(cues.conditions[found->second].kind), std::string(Span(r, i, found->first))});
    std::fill(r.in_condition.begin() + i, r.in_condition.begin() + found->first, true);
    i = found->first;
  }

  for (size_t i = 0; i < r.tokens.size() && !out.category; ++i) {
    for (const CategoryCue& cue : cues.categories) {
      if (cue.pattern.MatchAt(r.tokens, i)) {
        out.category = cue.category;
        break;
      }
    }
  }

  bool procedure = false;
  for (size_t i = 0; i < r.tokens.size() && !procedure; ++i)
    for (const Pattern& p : cues.procedures)
      if (p.MatchAt(r.tokens, i)) procedure = true;

  // The class comes from the first cue in the sentence, outside conditions.
  std::optional<size_t> cue_first, cue_end;
  bool cue_is_verb = false;
  for (size_t i = 0; i < r.tokens.size() && !cue_first; ++i) {
    if (r.in_condition[i]) continue;
    auto found = LongestAt(
        cues.strengths, [](const StrengthCue& c) -> const Pattern& { return c.pattern; },
        r.tokens, i);
    if (found) {
      const StrengthCue& cue = cues.strengths[found->second];
      cue_first = i;
      cue_end = found->first;
      out.sentence_class = cue.sentence_class;
      out.strength = cue.strength;
    } else if (FutureVerbLemma(r.tokens[i], language, cues)) {
      cue_first = i;
      cue_end = i + 1;
      cue_is_verb = true;
      out.sentence_class = SentenceClass::kCommitment;
      out.strength = Strength::kWill;
    }
  }
  if (cue_first) out.cue = std::string(Span(r, *cue_first, *cue_end));

  if (!operative) {
    out.sentence_class = SentenceClass::kContext;
  } else if (out.sentence_class == SentenceClass::kCommitment && procedure) {
    out.sentence_class = SentenceClass::kProcedure;
  } else if (!cue_first && procedure) {
    out.sentence_class = SentenceClass::kProcedure;
  }
  if (out.sentence_class == SentenceClass::kContext ||
      out.sentence_class == SentenceClass::kStatement) {
    if (out.sentence_class == SentenceClass::kContext) out.strength = Strength::kNone;
    return out;
  }

  std::vector<Mention> mentions = FindMentions(r, cues);
  size_t pivot = cue_first.value_or(0);
  const Mention* subject = nullptr;
  for (const Mention& m : mentions)
    if (m.subject && m.first < pivot) subject = &m;
  if (!subject)
    for (const Mention& m : mentions)
      if (m.subject && m.first >= pivot) {
        subject = &m;
        break;
      }
  if (subject) out.obligors = PartiesOf(subject->party, parties);
  for (const Mention& m : mentions) {
    if (m.first < cue_end.value_or(0) || &m == subject) continue;
    std::vector<std::string> named = PartiesOf(m.party, parties);
    if (named != out.obligors) {
      out.beneficiary = named.size() == 1 ? named.front() : "both";
      break;
    }
  }
  if (out.beneficiary.empty() && out.obligors.size() == 1 && parties.size() == 2)
    out.beneficiary = out.obligors.front() == parties[0] ? parties[1] : parties[0];
  if (out.beneficiary.empty() && out.obligors.size() > 1) out.beneficiary = "both";

  if (cue_first) out.action = ReadAction(r, *cue_first, *cue_end, cue_is_verb, language, cues);
  return out;
}

std::optional<Category> CategoryOfHeadings(const std::vector<std::string>& headings_outer_first,
                                           text::Language language, const CueTable& cues) {
  for (auto it = headings_outer_first.rbegin(); it != headings_outer_first.rend(); ++it) {
    std::string words;
    std::vector<Token> tokens = grammar::Tokenize(
        *it, 0, it->size(), grammar::GrammarFor(language).number_format, words);
    for (const CategoryCue& cue : cues.categories)
      for (size_t i = 0; i < tokens.size(); ++i)
        if (cue.pattern.MatchAt(tokens, i)) return cue.category;
  }
  return std::nullopt;
}

}  // namespace treaty::commitments
