#include "commitments/sentence_analysis.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>
#include <set>
#include <type_traits>

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

// The longest match at `start` of the patterns of `entries` (indexed by `index`) that
// accept(position in `entries`, end) takes: (end, position), the earlier entry on a tie; nullopt
// when none matches.
template <typename Entry, typename GetPattern, typename Accept>
std::optional<std::pair<size_t, size_t>> LongestAt(const PatternIndex& index,
                                                   const std::vector<Entry>& entries,
                                                   GetPattern pattern_of,
                                                   const std::vector<Token>& tokens, size_t start,
                                                   Accept accept) {
  std::optional<std::pair<size_t, size_t>> best;
  index.ForEachCandidate(tokens[start].lower, [&](size_t i) {
    std::optional<size_t> end = pattern_of(entries[i]).MatchAt(tokens, start);
    if (end && accept(i, *end) &&
        (!best || *end > best->first || (*end == best->first && i < best->second)))
      best = std::make_pair(*end, i);
  });
  return best;
}

template <typename Entry, typename GetPattern>
std::optional<std::pair<size_t, size_t>> LongestAt(const PatternIndex& index,
                                                   const std::vector<Entry>& entries,
                                                   GetPattern pattern_of,
                                                   const std::vector<Token>& tokens, size_t start) {
  return LongestAt(index, entries, pattern_of, tokens, start, [](size_t, size_t) { return true; });
}

// The first entry in table order whose pattern matches at `start`, or nullopt.
template <typename Entry, typename GetPattern>
std::optional<size_t> FirstAt(const PatternIndex& index, const std::vector<Entry>& entries,
                              GetPattern pattern_of, const std::vector<Token>& tokens,
                              size_t start) {
  std::optional<size_t> first;
  index.ForEachCandidate(tokens[start].lower, [&](size_t i) {
    if ((!first || i < *first) && pattern_of(entries[i]).MatchAt(tokens, start)) first = i;
  });
  return first;
}

template <typename Cue>
const Pattern& PatternOf(const Cue& cue) {
  if constexpr (std::is_same_v<Cue, Pattern>)
    return cue;
  else
    return cue.pattern;
}

// The category cues of `tokens`, as indexes into cues.categories, in the order of the words; at
// each word the cue listed first in the table, and none inside a cue found ("military" of
// "non-military").
std::vector<size_t> CategoryCuesOf(const std::vector<Token>& tokens, const CueTable& cues) {
  std::vector<size_t> found;
  for (size_t i = 0; i < tokens.size();) {
    std::optional<size_t> cue =
        FirstAt(cues.category_index, cues.categories, PatternOf<CategoryCue>, tokens, i);
    if (!cue) {
      ++i;
      continue;
    }
    found.push_back(*cue);
    i = *cues.categories[*cue].pattern.MatchAt(tokens, i);
  }
  return found;
}

// The categories that cues among `category_cues` deny and none names plainly.
std::set<Category> CategoriesRuledOut(const std::vector<size_t>& category_cues,
                                      const CueTable& cues) {
  std::set<Category> denied;
  std::set<Category> named;
  for (size_t cue : category_cues) {
    const CategoryCue& category = cues.categories[cue];
    if (category.denies) denied.insert(*category.denies);
    if (category.names_plainly) named.insert(category.category);
  }
  std::set<Category> ruled_out;
  std::set_difference(denied.begin(), denied.end(), named.begin(), named.end(),
                      std::inserter(ruled_out, ruled_out.end()));
  return ruled_out;
}

std::string_view Span(const Reading& r, size_t first, size_t end) {
  return r.sentence.substr(r.tokens[first].begin, r.tokens[end - 1].end - r.tokens[first].begin);
}

bool Contains(const std::vector<std::string_view>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool IsAmongLemmas(const std::vector<std::string>& lemmas, std::string_view word) {
  return std::find(lemmas.begin(), lemmas.end(), word) != lemmas.end();
}

// The infinitive of a future form ("sniegs" → "sniegt"): the word with a future suffix replaced,
// when the dictionary gives it as one of the word's lemmas; else nullopt.
std::optional<std::string> FutureInfinitive(std::string_view word, text::Language language,
                                            const CueTable& cues) {
  for (const CueTable::FutureSuffix& suffix : cues.future_suffixes) {
    if (!word.ends_with(suffix.future) || word.size() <= suffix.future.size()) continue;
    std::string infinitive(word.substr(0, word.size() - suffix.future.size()));
    infinitive += suffix.infinitive;
    if (IsAmongLemmas(text::Stems(language, word), infinitive)) return infinitive;
  }
  return std::nullopt;
}

struct FutureForm {
  std::string infinitive;
  bool negated = false;
};

// A future form: a lower-case word whose infinitive FutureInfinitive finds, after the table's
// negative prefix when it has one ("neietekmēs": not "ietekmēt"). Capitalised words are left out,
// as they are nouns and adjectives that happen to end alike ("Vienošanās"). A denied auxiliary is
// none: "nevarēs" says what will be impossible, as "cannot" does, and "netiks sniegts" that
// something will not be given, which no one promises.
std::optional<FutureForm> FutureVerb(const Token& token, std::string_view original,
                                     text::Language language, const CueTable& cues) {
  if (token.kind != TokenKind::kWord || original != token.lower) return std::nullopt;
  const std::string_view word = token.lower;
  const std::string_view prefix = cues.negative_prefix;
  if (!prefix.empty() && word.starts_with(prefix)) {
    if (Contains(cues.auxiliaries, word.substr(prefix.size()))) return std::nullopt;
    if (std::optional<std::string> denied =
            FutureInfinitive(word.substr(prefix.size()), language, cues))
      return FutureForm{*denied, true};
  }
  if (std::optional<std::string> infinitive = FutureInfinitive(word, language, cues))
    return FutureForm{*infinitive};
  return std::nullopt;
}

// A day number or a year: plain digits, one or two of them or four.
bool IsDayOrYear(const Token& token) {
  return token.kind == TokenKind::kNumber && token.plain &&
         (token.integer_digits <= 2 || token.integer_digits == 4);
}

// True when token `i`, a cue word that is also a month's name, is the month: written with a
// capital, and next to a day number or a year ("28 May 2024") or after a word that leads to a
// date ("as of May").
bool IsMonth(const Reading& r, size_t i, const CueTable& cues) {
  if (!Contains(cues.month_names, r.tokens[i].lower) || Span(r, i, i + 1) == r.tokens[i].lower)
    return false;
  return (i > 0 &&
          (IsDayOrYear(r.tokens[i - 1]) || Contains(cues.before_months, r.tokens[i - 1].lower))) ||
         (i + 1 < r.tokens.size() && IsDayOrYear(r.tokens[i + 1]));
}

// An infinitive the dictionary knows as its own lemma ("sniegt").
bool IsInfinitive(const Token& token, text::Language language, const CueTable& cues) {
  if (token.kind != TokenKind::kWord) return false;
  return std::any_of(cues.future_suffixes.begin(), cues.future_suffixes.end(),
                     [&](const CueTable::FutureSuffix& suffix) {
                       return token.lower.ends_with(suffix.infinitive) &&
                              IsAmongLemmas(text::Stems(language, token.lower), token.lower);
                     });
}

// True when `word` is `lemma` with one of `endings` added, allowing for a dropped final "e"
// ("promote" → "promoting") and a doubled final consonant ("plan" → "planned").
bool IsInflectionOf(std::string_view word, std::string_view lemma,
                    const std::vector<std::string_view>& endings) {
  if (lemma.empty()) return false;
  std::string_view without_e = lemma.ends_with('e') ? lemma.substr(0, lemma.size() - 1) : lemma;
  for (std::string_view ending : endings) {
    for (std::string_view base : {lemma, without_e}) {
      if (word.size() == base.size() + ending.size() && word.starts_with(base) &&
          word.ends_with(ending))
        return true;
    }
    if (word.size() == lemma.size() + 1 + ending.size() && word.starts_with(lemma) &&
        word[lemma.size()] == lemma.back() && word.ends_with(ending))
      return true;
  }
  return false;
}

// An adverb made of an adjective with the table's adverb ending: one the dictionary derives from
// the adjective ("jointly" from "joint"), or one whose adjective ends in "y" where the adverb has
// "i" ("necessarily"). Verbs that end alike ("supply", "apply", "rely") are their own lemmas.
bool IsAdverb(const Token& token, text::Language language, const CueTable& cues) {
  const std::string_view ending = cues.adverb_ending;
  const std::string_view word = token.lower;
  if (token.kind != TokenKind::kWord || ending.empty() || !word.ends_with(ending) ||
      word.size() <= ending.size() + 2)
    return false;
  const std::string_view base = word.substr(0, word.size() - ending.size());
  if (IsAmongLemmas(text::Stems(language, word), base)) return true;
  return base.ends_with('i') &&
         text::IsDictionaryWord(language, std::string(base.substr(0, base.size() - 1)) + "y");
}

// The dictionary form of a verb: an infinitive among its lemmas where the language has them
// ("iezīmē" → "iezīmēt"); else a lemma the word inflects with an ending of the table
// ("secured" → "secure"); else the word itself, which keeps a lemma that only strips a prefix or
// a derivational suffix from a word of its own ("inform", not "form"; "deepen", not "deep").
std::string Lemma(std::string_view word, text::Language language, const CueTable& cues) {
  std::vector<std::string> stems = text::Stems(language, word);
  for (const std::string& stem : stems)
    for (const CueTable::FutureSuffix& suffix : cues.future_suffixes)
      if (stem.ends_with(suffix.infinitive)) return stem;
  for (const std::string& stem : stems)
    if (IsInflectionOf(word, stem, cues.verb_endings)) return stem;
  return std::string(word);
}

struct Mention {
  size_t first = 0;
  size_t end = 0;
  std::vector<std::string> parties;  // codes, in package order
  bool subject = false;              // its form and place allow it to name who acts
  bool possessive = false;
  // "the Estonian Government": who acts only before the cue, never whom a promise serves.
  bool qualified_head = false;
};

std::vector<std::string> PartiesOf(std::string_view party, const std::vector<std::string>& all) {
  if (party == "both") return all;
  return {std::string(party)};
}

// No lower-case letter: "UK", not "uk" or "Uk".
bool IsInCapitals(std::string_view words) {
  return std::none_of(words.begin(), words.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool Names(const Mention& m, std::string_view code) {
  return std::find(m.parties.begin(), m.parties.end(), code) != m.parties.end();
}

bool NamesNoneOf(const Mention& a, const Mention& b) {
  return std::none_of(a.parties.begin(), a.parties.end(),
                      [&](const std::string& code) { return Names(b, code); });
}

// `previous` and `next` as one mention when a conjunction alone stands between them and they name
// different parties ("Belgium and Ukraine"); a subject only when both could be.
bool JoinMentions(Mention& previous, const Mention& next, const Reading& r, const CueTable& cues,
                  const std::vector<std::string>& codes) {
  if (previous.end + 1 != next.first ||
      !Contains(cues.party_conjunctions, r.tokens[previous.end].lower) ||
      !NamesNoneOf(previous, next))
    return false;
  std::vector<std::string> joined;
  for (const std::string& code : codes)
    if (Names(previous, code) || Names(next, code)) joined.push_back(code);
  previous.parties = std::move(joined);
  previous.end = next.end;
  previous.subject = previous.subject && next.subject;
  previous.possessive = next.possessive;  // "Latvia and Ukraine’s"
  previous.qualified_head = previous.qualified_head && next.qualified_head;
  return true;
}

// True when token `i` begins with a capital letter.
bool IsCapitalised(const Reading& r, size_t i) {
  const char first = r.sentence[r.tokens[i].begin];
  return first >= 'A' && first <= 'Z';
}

// True when token `i` begins a clause: the sentence's first token, or one after a comma, semicolon
// or colon, past articles.
bool BeginsClause(const Reading& r, size_t i) {
  while (i > 0 && r.tokens[i - 1].lower == "the") --i;
  return i == 0 || Contains({",", ";", ":"}, r.tokens[i - 1].lower);
}

// The first token of an organ whose name ends in "of" and the party's name at `mention`, where
// that organ begins a clause, so that the party is who acts ("At the same time, the Ministry of
// National Defence of Romania will carry on", "The authorities of Ukraine will"); nullopt
// otherwise. Between the organ's head and "of" stand capitalised words, "of", "and" and "the", at
// most kMaxOrganTokens tokens in all.
std::optional<size_t> OrganBeginningClause(const Reading& r, size_t mention, const CueTable& cues) {
  constexpr size_t kMaxOrganTokens = 8;
  size_t of = mention;
  while (of > 0 && r.tokens[of - 1].lower == "the") --of;
  if (of == 0 || r.tokens[of - 1].lower != "of") return std::nullopt;
  --of;
  for (size_t i = of; i > 0 && of - i < kMaxOrganTokens;) {
    --i;
    if (Contains({"of", "and", "the"}, r.tokens[i].lower)) continue;
    const bool organ = std::any_of(cues.organs.begin(), cues.organs.end(),
                                   [&](const Pattern& p) { return p.MatchAt(r.tokens, i); });
    if (organ) return BeginsClause(r, i) ? std::optional<size_t>(i) : std::nullopt;
    if (r.tokens[i].kind != TokenKind::kWord || !IsCapitalised(r, i)) return std::nullopt;
  }
  return std::nullopt;
}

// True when token `i` is a lower-case word in the table's past form ("provided").
bool IsPastForm(const Reading& r, size_t i, const CueTable& cues) {
  const std::string& word = r.tokens[i].lower;
  return !cues.past_ending.empty() && word.size() > cues.past_ending.size() + 2 &&
         word.ends_with(cues.past_ending) && !IsCapitalised(r, i) &&
         std::all_of(word.begin(), word.end(), [](unsigned char c) { return std::isalpha(c); });
}

std::vector<Mention> FindMentions(const Reading& r, const CueTable& cues, const PartyNames& names) {
  std::vector<Mention> mentions;
  for (size_t i = 0; i < r.tokens.size();) {
    auto written_as_named = [&](size_t cue, size_t end) {
      return !names.cues[cue].capitals_only || IsInCapitals(Span(r, i, end));
    };
    auto found =
        LongestAt(names.index, names.cues, PatternOf<PartyCue>, r.tokens, i, written_as_named);
    if (!found) {
      ++i;
      continue;
    }
    const PartyCue& cue = names.cues[found->second];
    Mention m{i,
              found->first,
              PartiesOf(cue.party, names.codes),
              cue.can_be_subject && !r.in_condition[i],
              cue.possessive,
              cue.qualified_head};
    size_t before = i;
    while (before > 0 && Contains({"the", "either", "both", "each"}, r.tokens[before - 1].lower))
      --before;
    if (before > 0 && Contains(cues.prepositions, r.tokens[before - 1].lower)) m.subject = false;
    // A party right after a past form is its object only where a subject came before it
    // ("Slovenia provided Ukraine with …"); "As planned Latvia will" opens with a participle.
    if (before > 0 && IsPastForm(r, before - 1, cues) &&
        std::any_of(mentions.begin(), mentions.end(),
                    [](const Mention& earlier) { return earlier.subject; }))
      m.subject = false;
    if (std::optional<size_t> organ = OrganBeginningClause(r, i, cues); organ && !m.possessive) {
      m.first = *organ;
      m.subject = cue.can_be_subject && !r.in_condition[*organ];
    }
    if (mentions.empty() || !JoinMentions(mentions.back(), m, r, cues, names.codes))
      mentions.push_back(std::move(m));
    i = found->first;
  }
  return mentions;
}

// The comma that closes a phrase set off by commas whose opening comma is at `comma`: the next
// comma within kMaxInsertedTokens tokens, with no clause end or condition before it.
std::optional<size_t> ClosingComma(const Reading& r, size_t comma) {
  constexpr size_t kMaxInsertedTokens = 8;
  for (size_t i = comma + 1; i < r.tokens.size() && i <= comma + kMaxInsertedTokens + 1; ++i) {
    const std::string_view word = r.tokens[i].lower;
    if (word == ",") return i;
    if (Contains({";", ".", ":"}, word)) return std::nullopt;
  }
  return std::nullopt;
}

// True when token `i` is a preposition, article or conjunction: a construction is unfinished
// after it ("through", "and").
bool IsFunctionWord(const Reading& r, size_t i, const CueTable& cues) {
  return Contains(cues.prepositions, r.tokens[i].lower) ||
         Contains(cues.function_words, r.tokens[i].lower);
}

// The words an action's verb governs, from token `first`: to the clause's end (";", ".", ":"),
// a condition, or a comma that opens another clause ("…, as well as", "…, including"); other
// commas (a list) go on. A short phrase set off by commas right after the verb, or where the
// words before it are unfinished, is left out ("continue, as far as possible, its
// contributions"; "achieved through, but not limited to, intelligence sharing"). At most
// kMaxObjectTokens tokens: a longer object is cut after its last content word and ends with "…".
std::string ReadObject(const Reading& r, size_t first, const CueTable& cues) {
  constexpr size_t kMaxObjectTokens = 30;
  const size_t n = r.tokens.size();
  while (first < n && r.in_condition[first]) ++first;
  if (first < n && r.tokens[first].lower == ",") {
    const std::optional<size_t> closing = ClosingComma(r, first);
    first = closing ? *closing + 1 : first + 1;
  }
  std::vector<std::pair<size_t, size_t>> pieces;  // [first, end) runs of kept tokens
  size_t piece = first;
  size_t end = first;
  size_t kept = 0;
  bool cut = false;
  while (end < n && !r.in_condition[end] && !Contains({";", ".", ":"}, r.tokens[end].lower)) {
    if (r.tokens[end].lower == "," && (end + 1 >= n || r.in_condition[end + 1] ||
                                       Contains(cues.clause_openers, r.tokens[end + 1].lower))) {
      const std::optional<size_t> closing = ClosingComma(r, end);
      if (end == piece || !IsFunctionWord(r, end - 1, cues) || !closing || *closing + 1 >= n ||
          r.in_condition[*closing + 1]) {
        break;
      }
      pieces.emplace_back(piece, end);
      piece = end = *closing + 1;
      continue;
    }
    if (kept == kMaxObjectTokens) {
      cut = true;
      break;
    }
    ++kept;
    ++end;
  }
  pieces.emplace_back(piece, end);
  if (cut) {
    // Back to the last content word: not a comma, preposition, article or conjunction.
    size_t& last = pieces.back().second;
    while (last > pieces.back().first &&
           (r.tokens[last - 1].kind != TokenKind::kWord || IsFunctionWord(r, last - 1, cues)))
      --last;
  }
  std::string object;
  for (const auto& [from, to] : pieces) {
    if (to <= from) continue;
    if (!object.empty()) object += ' ';
    object += Span(r, from, to);
  }
  if (cut && !object.empty()) object += " …";
  return object;
}

// A cue of a strength or a statement, tokens [first, end).
struct FoundCue {
  size_t first = 0;
  size_t end = 0;
  SentenceClass sentence_class = SentenceClass::kContext;
  Strength strength = Strength::kNone;
  std::optional<FutureForm> future;  // when the cue is a future form ("sniegs")
};

// The cue that begins at token `i` outside conditions: the longest of `table` (not "May" the
// month), else, where `future_forms`, a future form; nullopt when none does.
std::optional<FoundCue> CueAt(const Reading& r, size_t i, const std::vector<StrengthCue>& table,
                              const PatternIndex& index, bool future_forms, text::Language language,
                              const CueTable& cues) {
  if (r.in_condition[i]) return std::nullopt;
  auto found = LongestAt(index, table, PatternOf<StrengthCue>, r.tokens, i);
  if (found && !IsMonth(r, i, cues)) {
    const StrengthCue& cue = table[found->second];
    return FoundCue{i, found->first, cue.sentence_class, cue.strength, std::nullopt};
  }
  if (!future_forms) return std::nullopt;
  if (std::optional<FutureForm> future = FutureVerb(r.tokens[i], Span(r, i, i + 1), language, cues))
    return FoundCue{i, i + 1, SentenceClass::kCommitment, Strength::kWill, std::move(future)};
  return std::nullopt;
}

std::optional<FoundCue> CueAt(const Reading& r, size_t i, text::Language language,
                              const CueTable& cues) {
  return CueAt(r, i, cues.strengths, cues.strength_index, true, language, cues);
}

// True when token `i` ends a clause: ";", ".", ":".
bool EndsClause(const Reading& r, size_t i) { return Contains({";", ".", ":"}, r.tokens[i].lower); }

// The index of the first comma of `r` at or after `from`; the number of tokens when none.
size_t FirstCommaFrom(const Reading& r, size_t from) {
  while (from < r.tokens.size() && r.tokens[from].lower != ",") ++from;
  return from;
}

// Whether `m` follows one of `place_phrases`: "based in Latvia", "based in the Republic of
// Latvia".
bool NamesAPlace(const Reading& r, const Mention& m, const CueTable& cues) {
  std::string phrase;
  for (size_t words = 1; words <= 3 && words <= m.first; ++words) {
    phrase = r.tokens[m.first - words].lower + (phrase.empty() ? "" : " " + phrase);
    if (Contains(cues.place_phrases, phrase)) return true;
  }
  return false;
}

// One flag per token, set inside the relative clauses that begin after token `from`: each from
// a comma and one of `relative_pronouns` (", which") to the next comma, condition ("unless the
// Participants decide otherwise" qualifies the promise) or the clause's end.
std::vector<bool> RelativeClausesAfter(const Reading& r, size_t from, const CueTable& cues) {
  std::vector<bool> inside(r.tokens.size(), false);
  for (size_t i = std::max<size_t>(from, 1); i < r.tokens.size(); ++i) {
    if (r.tokens[i - 1].lower != "," || !Contains(cues.relative_pronouns, r.tokens[i].lower))
      continue;
    size_t end = i;
    while (end < r.tokens.size() && r.tokens[end].lower != "," && !EndsClause(r, end) &&
           !r.in_condition[end])
      ++end;
    std::fill(inside.begin() + static_cast<std::ptrdiff_t>(i - 1),
              inside.begin() + static_cast<std::ptrdiff_t>(end), true);
    i = end;
  }
  return inside;
}

// The promise of its own subject that a statement cue leads to, or nullopt: an intention named as
// its object ("Latvia confirms its intention to provide"); the first commitment cue of a clause
// the statement opens, where a pronoun is its subject ("Belgium affirms that in those
// circumstances, … it will provide"; "Ukraina uzsver, ka tā turpinās"); or a commitment cue joined
// to the statement by a conjunction before any clause opens ("Spain welcomes and will continue to
// support"; "The Participants recognise the need for, and will continue to work together").
std::optional<FoundCue> PromiseOfStatement(const Reading& r, const FoundCue& statement,
                                           text::Language language, const CueTable& cues) {
  const size_t n = r.tokens.size();
  if (statement.end < n) {
    if (std::optional<FoundCue> intention =
            CueAt(r, statement.end, cues.intentions, cues.intention_index, false, language, cues))
      return intention;
  }
  size_t opener = statement.end;
  if (opener < n && r.tokens[opener].lower == ",") ++opener;
  if (opener < n && Contains(cues.subordinators, r.tokens[opener].lower)) {
    for (size_t i = opener + 1; i < n && !EndsClause(r, i); ++i) {
      std::optional<FoundCue> cue = CueAt(r, i, language, cues);
      if (!cue || cue->sentence_class != SentenceClass::kCommitment) continue;
      if (Contains(cues.subject_pronouns, r.tokens[i - 1].lower)) return cue;
      return std::nullopt;
    }
    return std::nullopt;
  }
  for (size_t i = statement.end; i + 1 < n && !EndsClause(r, i); ++i) {
    if (Contains(cues.subordinators, r.tokens[i].lower)) return std::nullopt;
    if (!Contains(cues.coordinators, r.tokens[i].lower)) continue;
    std::optional<FoundCue> cue = CueAt(r, i + 1, language, cues);
    if (cue && cue->sentence_class == SentenceClass::kCommitment) return cue;
  }
  return std::nullopt;
}

// The mention before the cue at `pivot` that is its subject: the nearest that can be one, else
// the nearest possessive that can begin a subject and governs, within three words, what a party
// gives ("In 2024, Norway’s military support will"; "With Finland’s … contribution to …,
// Finland’s support to Ukraine … will increase"); nullptr when none is.
const Mention* SubjectBefore(const Reading& r, const std::vector<Mention>& mentions, size_t pivot,
                             const CueTable& cues) {
  const Mention* subject = nullptr;
  for (const Mention& m : mentions)
    if (m.subject && !m.possessive && m.first < pivot) subject = &m;
  if (subject) return subject;
  for (const Mention& m : mentions) {
    if (!m.possessive || !m.subject || m.first >= pivot) continue;
    for (size_t i = m.end; i < std::min(m.end + 3, pivot); ++i)
      if (Contains(cues.given_by_possessor, r.tokens[i].lower)) subject = &m;
  }
  return subject;
}

// The comma that opens a phrase set off by commas whose closing comma is at `comma`: the
// previous comma within kMaxInsertedTokens tokens, with no clause end after it.
std::optional<size_t> OpeningComma(const Reading& r, size_t comma) {
  constexpr size_t kMaxInsertedTokens = 8;
  for (size_t i = comma; i > 0 && comma - i <= kMaxInsertedTokens;) {
    --i;
    if (r.tokens[i].lower == ",") return i;
    if (EndsClause(r, i)) return std::nullopt;
  }
  return std::nullopt;
}

// True when token `i` stands between a subject and its verb, or a cue and its verb, naming no
// action: a condition, an adverb, or one of the table's skipped words ("also", "to", "be").
bool IsBeforeVerb(const Reading& r, size_t i, text::Language language, const CueTable& cues) {
  return r.in_condition[i] || Contains(cues.skipped_before_verb, r.tokens[i].lower) ||
         Contains(cues.negations, r.tokens[i].lower) || IsAdverb(r.tokens[i], language, cues);
}

// [begin, end): the words that can be the subject of the cue at `pivot`, from the clause's start
// (the sentence's start, or after a comma, semicolon or colon) to the cue, past the words
// IsBeforeVerb passes and a phrase set off by commas ("Latvia, within its capabilities, will").
std::pair<size_t, size_t> SubjectWords(const Reading& r, size_t pivot, text::Language language,
                                       const CueTable& cues) {
  size_t end = pivot;
  for (;;) {
    while (end > 0 && IsBeforeVerb(r, end - 1, language, cues)) --end;
    if (end == 0 || r.tokens[end - 1].lower != ",") break;
    const std::optional<size_t> opening = OpeningComma(r, end - 1);
    if (!opening) break;
    end = *opening;
  }
  size_t begin = end;
  while (begin > 0 && !Contains({",", ";", ":"}, r.tokens[begin - 1].lower)) --begin;
  return {begin, end};
}

// True when the cue, or a word between it and its verb, is a passive auxiliary: "will be
// secured", "is planned".
bool IsPassive(const Reading& r, const FoundCue& cue, text::Language language,
               const CueTable& cues) {
  for (size_t i = cue.first; i < r.tokens.size(); ++i) {
    if (Contains(cues.passive_auxiliaries, r.tokens[i].lower)) return true;
    if (i >= cue.end && !IsBeforeVerb(r, i, language, cues)) return false;
  }
  return false;
}

// True when the cue is one of the table's hypotheticals ("would") and the words before it
// (SubjectWords) are a subject that names no party, so that the clause says what would follow,
// not what a party promises: "Any future Russian invasion of Ukraine would violate the UN
// Charter". Words that open with a preposition ("In that case, would") are no subject, nor are
// words with a pronoun that may stand for a party ("it", "which") or without a content word; in a
// passive ("would be provided") who acts may be named after the verb ("by Latvia").
// REQUIRES: no mention before `pivot` is the subject (SubjectBefore).
bool HasSubjectNamingNoParty(const Reading& r, const FoundCue& cue, size_t pivot,
                             text::Language language, const CueTable& cues) {
  // The cue's first word ("would" of "would ~ consider", not in a passive) or all its words ("is
  // contributing", whose "is" makes no passive).
  std::string cue_words;
  for (size_t i = cue.first; i < cue.end; ++i) {
    cue_words += (i > cue.first ? " " : "") + r.tokens[i].lower;
  }
  if (!Contains(cues.hypotheticals, cue_words) &&
      (!Contains(cues.hypotheticals, r.tokens[cue.first].lower) ||
       IsPassive(r, cue, language, cues)))
    return false;
  const auto [begin, end] = SubjectWords(r, pivot, language, cues);
  if (begin == end || Contains(cues.prepositions, r.tokens[begin].lower)) return false;
  bool content_word = false;
  for (size_t i = begin; i < end; ++i) {
    const std::string_view word = r.tokens[i].lower;
    if (Contains(cues.subject_pronouns, word) || Contains(cues.subordinators, word)) return false;
    content_word =
        content_word || (r.tokens[i].kind == TokenKind::kWord && !IsFunctionWord(r, i, cues));
  }
  return content_word;
}

// True when a word of tokens [first, end) denies the verb: "not", not before "only".
bool Denies(const Reading& r, size_t first, size_t end, const CueTable& cues) {
  for (size_t i = first; i < end && i < r.tokens.size(); ++i) {
    if (!Contains(cues.negations, r.tokens[i].lower)) continue;
    if (i + 1 < r.tokens.size() && Contains(cues.not_denying_before, r.tokens[i + 1].lower))
      continue;
    return true;
  }
  return false;
}

// The action is the verb the cue governs and the words after it up to the clause's end. An
// auxiliary cue ("will", "tiks") or one that takes an infinitive ("undertake to", "apņemas
// sniegt") governs the next verb, past adverbs and denials ("will not necessarily affect"); a
// lexical cue ("earmarks", "iezīmē") is itself the verb. A denial between the cue and the verb, or
// in the cue ("neietekmēs"), makes the action negated.
Action ReadAction(const Reading& r, const FoundCue& cue, text::Language language,
                  const CueTable& cues) {
  Action action;
  size_t verb = cue.end - 1;
  while (verb > cue.first && r.tokens[verb].kind != TokenKind::kWord) --verb;
  if (cue.future) {
    action.lemma = cue.future->infinitive;
    action.negated = cue.future->negated;
  } else {
    const size_t n = r.tokens.size();
    const auto is_adverb = [&](size_t i) { return IsAdverb(r.tokens[i], language, cues); };
    size_t next = cue.end;
    while (next < n &&
           (r.in_condition[next] || r.tokens[next].lower == "," ||
            Contains(cues.negations, r.tokens[next].lower) ||
            Contains(cues.skipped_before_verb, r.tokens[next].lower) || is_adverb(next) ||
            // "will continuously and effectively maintain"
            (Contains(cues.coordinators, r.tokens[next].lower) && next > cue.end &&
             is_adverb(next - 1) && next + 1 < n && is_adverb(next + 1))))
      ++next;
    std::string_view last = r.tokens[verb].lower;
    bool governs = Contains(cues.auxiliaries, last) || Contains(cues.skipped_before_verb, last) ||
                   Contains(cues.prepositions, last) ||
                   (next < r.tokens.size() && IsInfinitive(r.tokens[next], language, cues));
    bool next_is_verb = next < r.tokens.size() && r.tokens[next].kind == TokenKind::kWord &&
                        !Contains(cues.prepositions, r.tokens[next].lower) &&
                        !Contains({"its", "their", "the", "a", "an", "this", "and", "or", "savu",
                                   "savas", "un", "vai"},
                                  r.tokens[next].lower);
    if (governs && next_is_verb) verb = next;
    action.lemma = Lemma(r.tokens[verb].lower, language, cues);
    action.negated = Denies(r, cue.first, std::max(verb + 1, cue.end), cues);
  }
  action.object = ReadObject(r, verb + 1, cues);
  return action;
}

// `sentence` as tokens, none yet in a condition.
Reading ReadingOf(std::string_view sentence, text::Language language) {
  Reading r;
  r.sentence = sentence;
  r.tokens = grammar::Tokenize(sentence, 0, sentence.size(),
                               grammar::GrammarFor(language).number_format, r.words);
  r.in_condition.assign(r.tokens.size(), false);
  return r;
}

}  // namespace

bool NamesAnActingParty(std::string_view words, text::Language language, const CueTable& cues,
                        const PartyNames& parties) {
  const Reading r = ReadingOf(words, language);
  const std::vector<Mention> mentions = FindMentions(r, cues, parties);
  return std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
    if (!m.subject || m.possessive || m.qualified_head || m.end >= r.tokens.size()) return false;
    const std::string& next = r.tokens[m.end].lower;
    return Contains(cues.auxiliaries, next) || Contains(cues.passive_auxiliaries, next) ||
           Contains(cues.perfect_auxiliaries, next) || IsPastForm(r, m.end, cues);
  });
}

SentenceAnalysis AnalyzeSentence(std::string_view sentence, text::Language language,
                                 const CueTable& cues, const PartyNames& parties, bool operative) {
  Reading r = ReadingOf(sentence, language);
  SentenceAnalysis out;

  for (size_t i = 0; i < r.tokens.size();) {
    auto found =
        LongestAt(cues.condition_index, cues.conditions, PatternOf<ConditionCue>, r.tokens, i);
    if (!found) {
      ++i;
      continue;
    }
    out.conditions.push_back(
        {std::string(cues.conditions[found->second].kind), std::string(Span(r, i, found->first))});
    std::fill(r.in_condition.begin() + i, r.in_condition.begin() + found->first, true);
    i = found->first;
  }

  // The first cue of the sentence decides: within a sentence a denial ("non-military aid") is
  // its own phrase's, not the whole sentence's.
  for (size_t cue : CategoryCuesOf(r.tokens, cues)) {
    if (!out.category) out.category = cues.categories[cue].category;
    if (cues.categories[cue].names_plainly) out.named_plainly.insert(cues.categories[cue].category);
  }

  // The class comes from the first cue in the sentence, outside conditions; a statement that
  // leads to a promise of its subject is a commitment, whose subject is the statement's.
  std::optional<FoundCue> cue;
  for (size_t i = 0; i < r.tokens.size() && !cue; ++i) cue = CueAt(r, i, language, cues);
  const size_t pivot = cue ? cue->first : 0;  // the subject is named before it
  if (cue && cue->sentence_class == SentenceClass::kStatement)
    if (std::optional<FoundCue> promise = PromiseOfStatement(r, *cue, language, cues))
      cue = std::move(promise);
  if (cue) {
    out.sentence_class = cue->sentence_class;
    out.strength = cue->strength;
    out.cue = std::string(Span(r, cue->first, cue->end));
  }

  // A relative clause after the class cue tells of the promised thing: a procedure's cue there
  // names how it is done ("will maintain the same level of support …, which shall be determined
  // through consultations") and does not make the sentence a procedure.
  const std::vector<bool> relative =
      cue ? RelativeClausesAfter(r, cue->end, cues) : std::vector<bool>(r.tokens.size(), false);
  bool procedure = false;
  for (size_t i = 0; i < r.tokens.size() && !procedure; ++i)
    procedure =
        !relative[i] &&
        FirstAt(cues.procedure_index, cues.procedures, PatternOf<Pattern>, r.tokens, i).has_value();

  if (!operative) {
    out.sentence_class = SentenceClass::kContext;
  } else if (out.sentence_class == SentenceClass::kCommitment && procedure) {
    out.sentence_class = SentenceClass::kProcedure;
  } else if (!cue && procedure) {
    out.sentence_class = SentenceClass::kProcedure;
  }
  if (out.sentence_class == SentenceClass::kContext ||
      out.sentence_class == SentenceClass::kStatement) {
    if (out.sentence_class == SentenceClass::kContext) out.strength = Strength::kNone;
    return out;
  }

  std::vector<Mention> mentions = FindMentions(r, cues, parties);
  const Mention* subject = SubjectBefore(r, mentions, pivot, cues);
  // What a subject that names no party would do is promised by no party.
  if (!subject && out.sentence_class == SentenceClass::kCommitment &&
      HasSubjectNamingNoParty(r, *cue, pivot, language, cues)) {
    out.sentence_class = SentenceClass::kStatement;
    out.strength = Strength::kNone;
    return out;
  }
  // After the cue, a party's adjective or possessive qualifies an object ("will require
  // Ukraine’s institutions to", "for the Ukrainian Ministry of Defence"), not who acts.
  if (!subject)
    for (const Mention& m : mentions)
      if (m.subject && !m.possessive && !m.qualified_head && m.first >= pivot) {
        subject = &m;
        break;
      }
  // A passive or prepositional phrase names the obligor where no subject does ("by Latvia",
  // "on the Latvian side").
  if (!subject)
    for (const Mention& m : mentions)
      if (!r.in_condition[m.first] && !m.possessive && !(m.qualified_head && m.first >= pivot)) {
        subject = &m;
        break;
      }
  if (subject) out.obligors = subject->parties;
  // Whom the promise serves is named after its cue, outside a relative clause ("…, which shall be
  // determined through consultations between the Participants") and not as a place ("based in
  // Latvia"). A party named as what is given or done comes first. Failing one, a party whose
  // possession the promise of a party serves, in the clause of the promise ("will support
  // Ukraine's economic stability"), but not what a comma puts apart ("in accordance with their
  // obligations, including those arising from Latvia's membership of the EU") nor the rules a
  // procedure follows.
  const size_t first_comma = FirstCommaFrom(r, cue ? cue->end : 0);
  for (const bool possessive : {false, true}) {
    if (possessive && (out.sentence_class != SentenceClass::kCommitment || out.obligors.empty()))
      break;
    for (const Mention& m : mentions) {
      if (m.first < (cue ? cue->end : 0) || relative[m.first] || &m == subject ||
          m.possessive != possessive || m.qualified_head || NamesAPlace(r, m, cues) ||
          (possessive && (r.in_condition[m.first] || m.first > first_comma)))
        continue;
      if (m.parties != out.obligors) {
        out.beneficiary = m.parties.size() == 1 ? m.parties.front() : "both";
        break;
      }
    }
    if (!out.beneficiary.empty()) break;
  }
  const std::vector<std::string>& codes = parties.codes;
  if (out.beneficiary.empty() && out.obligors.size() == 1 && codes.size() == 2)
    out.beneficiary = out.obligors.front() == codes[0] ? codes[1] : codes[0];
  if (out.beneficiary.empty() && out.obligors.size() > 1) out.beneficiary = "both";

  if (cue) out.action = ReadAction(r, *cue, language, cues);
  return out;
}

std::optional<Category> CategoryOfHeadings(const std::vector<std::string>& headings_outer_first,
                                           text::Language language, const CueTable& cues,
                                           const std::set<Category>& spared) {
  std::vector<std::vector<size_t>> found;  // the cues of each heading, nearest heading first
  for (auto it = headings_outer_first.rbegin(); it != headings_outer_first.rend(); ++it) {
    std::string words;
    std::vector<Token> tokens =
        grammar::Tokenize(*it, 0, it->size(), grammar::GrammarFor(language).number_format, words);
    found.push_back(CategoryCuesOf(tokens, cues));
  }
  std::vector<size_t> all;
  for (const std::vector<size_t>& heading : found)
    all.insert(all.end(), heading.begin(), heading.end());
  std::set<Category> ruled_out = CategoriesRuledOut(all, cues);
  for (Category category : spared) ruled_out.erase(category);
  for (std::vector<size_t>& heading : found) {
    // Of a heading's cues, the one listed first in the table.
    std::sort(heading.begin(), heading.end());
    for (size_t cue : heading) {
      if (!ruled_out.contains(cues.categories[cue].category)) return cues.categories[cue].category;
    }
  }
  return std::nullopt;
}

}  // namespace treaty::commitments
