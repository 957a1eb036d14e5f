#include "commitments/party_names.h"

#include <algorithm>

#include "grammar/core/token.h"
#include "grammar/grammars.h"

namespace treaty::commitments {

namespace {

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (IsAsciiUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// `name` without a leading "the " (any case).
std::string_view WithoutArticle(std::string_view name) {
  if (name.size() > 4 && AsciiLower(name.substr(0, 4)) == "the ") name.remove_prefix(4);
  return name;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  for (size_t i = 0; i < s.size();) {
    size_t space = std::min(s.find(' ', i), s.size());
    if (space > i) words.push_back(s.substr(i, space - i));
    i = space + 1;
  }
  return words;
}

bool IsStateForm(std::string_view word, const CueTable& cues) {
  const std::string lower = AsciiLower(word);
  return std::find(cues.state_forms.begin(), cues.state_forms.end(), lower) !=
         cues.state_forms.end();
}

// "UK" for "United Kingdom": the first letters of two or more words that each begin with a
// capital; empty otherwise.
std::string Initials(std::string_view name) {
  std::vector<std::string_view> words = Words(name);
  std::string initials;
  for (std::string_view word : words) {
    if (!IsAsciiUpper(word.front())) return "";
    initials += word.front();
  }
  return words.size() > 1 ? initials : "";
}

// A name with letters, all of them capitals ("UK", "EU"): a code or initials.
bool IsWrittenInCapitals(std::string_view name) {
  return std::any_of(name.begin(), name.end(), IsAsciiUpper) &&
         std::none_of(name.begin(), name.end(), IsAsciiLower);
}

// The words of `name` as a pattern: its tokens lower-cased, spaced as the cue tables write them,
// without a leading "the".
std::string PatternText(std::string_view name, text::Language language) {
  std::string words;
  std::vector<grammar::Token> tokens =
      grammar::Tokenize(name, 0, name.size(), grammar::GrammarFor(language).number_format, words);
  std::string text;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i == 0 && tokens[i].lower == "the") continue;
    if (!text.empty()) text += ' ';
    text += tokens[i].lower;
  }
  return text;
}

// The names of `party` in `language`, other than its code: agreement.json's short names for the
// language when it gives them, else (in English) those read off the full name; in English, the
// full name too.
std::vector<std::string> NamesIn(const document::Party& party, text::Language language,
                                 const CueTable& cues) {
  const bool english = language == text::Language::kEnglish;
  std::vector<std::string> names;
  if (english) names.push_back(party.name);
  auto given = party.short_names.find(language);
  if (given != party.short_names.end())
    names.insert(names.end(), given->second.begin(), given->second.end());
  else if (english)
    for (std::string& name : ShortNamesOf(party.name, cues)) names.push_back(std::move(name));
  return names;
}

void Add(PartyNames& names, PartyCue cue) {
  if (cue.pattern.empty()) return;
  for (const PartyCue& earlier : names.cues)
    if (earlier.pattern.text() == cue.pattern.text()) return;
  names.cues.push_back(std::move(cue));
}

// A party's adjective or possessive (`qualifier`, as pattern words) before the head of a subject
// names that party as one who can act: "the Estonian Government", "Spain’s Ministry".
void AddOrgansOf(PartyNames& names, const std::string& code, std::string_view qualifier,
                 const CueTable& cues) {
  for (const Pattern& organ : cues.organs)
    Add(names,
        {Pattern(std::string(qualifier) + ' ' + organ.text()), code, true, false, false, true});
}

}  // namespace

std::vector<std::string> ShortNamesOf(std::string_view full_name, const CueTable& cues) {
  const std::string_view name = WithoutArticle(full_name);
  const size_t of = name.find(" of ");
  if (of == std::string_view::npos) return {};
  const std::string_view head = name.substr(0, of);
  const std::vector<std::string_view> head_words = Words(head);
  const std::string_view rest = WithoutArticle(name.substr(of + 4));
  if (std::all_of(head_words.begin(), head_words.end(),
                  [&](std::string_view word) { return IsStateForm(word, cues); }))
    return {std::string(rest)};
  // A name of its own is two or more capitalised words ("United Kingdom"); one word before "of"
  // names an organ of the state, not the state ("Government of the Republic of Latvia",
  // "Cabinet of Ministers of Ukraine"): the state is named after it.
  const bool own_name =
      head_words.size() >= 2 && std::all_of(head_words.begin(), head_words.end(), [](auto word) {
        return !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
      });
  if (!own_name) {
    std::vector<std::string> names = ShortNamesOf(rest, cues);
    if (names.empty()) names.emplace_back(rest);
    return names;
  }
  std::vector<std::string> names{std::string(head)};
  if (std::string initials = Initials(head); !initials.empty()) names.push_back(initials);
  return names;
}

PartyNames NamesOfParties(const std::vector<document::Party>& parties, text::Language language,
                          const CueTable& cues) {
  PartyNames out;
  for (const PartyCue& cue : cues.parties) Add(out, cue);
  for (const document::Party& party : parties) {
    out.codes.push_back(party.code);
    for (const PartyCue& cue : cues.state_names)
      if (cue.party == party.code) Add(out, cue);
    for (const CueTable::StateAdjective& adjective : cues.state_adjectives)
      if (adjective.party == party.code) AddOrgansOf(out, party.code, adjective.adjective, cues);
    for (const std::string& name : NamesIn(party, language, cues)) {
      Add(out, {Pattern(PatternText(name, language)), party.code, true, IsWrittenInCapitals(name)});
      // An English possessive names the party whose noun it governs ("Norway’s military support
      // will amount to"): one word to the tokenizer, with either apostrophe.
      if (language != text::Language::kEnglish || IsWrittenInCapitals(name)) continue;
      for (const char* apostrophe : {"’s", "'s"}) {
        const std::string possessive = PatternText(name + apostrophe, language);
        AddOrgansOf(out, party.code, possessive, cues);
        Add(out, {Pattern(possessive), party.code, true, false, true});
      }
    }
    Add(out, {Pattern(AsciiLower(party.code)), party.code, true, true});
  }
  for (size_t i = 0; i < out.cues.size(); ++i) out.index.Add(out.cues[i].pattern, i);
  return out;
}

}  // namespace treaty::commitments
