// What one sentence of one language version says, read with that language's cue table: its
// class and strength, who promises, to whom, which action, under which conditions.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "commitments/commitment.h"
#include "commitments/cue_table.h"
#include "commitments/party_names.h"
#include "text/language.h"

namespace treaty::commitments {

struct FoundCondition {
  std::string kind;
  std::string text;  // the words as in the sentence
};

struct SentenceAnalysis {
  SentenceClass sentence_class = SentenceClass::kContext;
  Strength strength = Strength::kNone;
  std::string cue;                    // the words that decided the class, as in the sentence
  std::vector<std::string> obligors;  // party codes, in the order of `parties.codes`
  std::string beneficiary;            // a party code, "both", or empty
  Action action;
  std::vector<FoundCondition> conditions;  // in sentence order
  std::optional<Category> category;        // from the sentence's words, when they name one
  std::set<Category> named_plainly;  // categories the sentence names by their own word ("military")
};

// Reads `sentence` (one sentence's text). `operative` is false for the preamble and the
// signature block, whose sentences are context whatever they say. `parties` are the names of the
// agreement's parties in `language` (NamesOfParties with the same `cues`); "both" stands for all
// of them, and two names joined by a conjunction ("Belgium and Ukraine", "either Belgium or
// Ukraine") name both. A statement that leads to a promise of its own subject ("Latvia confirms
// its intention to provide", "Belgium affirms that … it will provide") is that promise, made by
// the statement's subject. What a subject that names no party would do ("Any future Russian
// invasion of Ukraine would violate the UN Charter") is a statement.
SentenceAnalysis AnalyzeSentence(std::string_view sentence, text::Language language,
                                 const CueTable& cues, const PartyNames& parties, bool operative);

// True when `words` name a party as the subject of a verb that follows it: an auxiliary or a
// past form ("the Czech Republic has long been …", "in 2022 Latvia provided …"), not a party
// after a preposition, a possessive, an adjective or a name's first word ("Supporting Ukraine
// in …", "the Ukraine Defence Contact Group").
bool NamesAnActingParty(std::string_view words, text::Language language, const CueTable& cues,
                        const PartyNames& parties);

// The category the first heading that names one gives, nearest heading first; nullopt when
// none does. A category that a heading denies is not taken unless a heading names it plainly or it
// is among `spared` (those the sentence names plainly): under "Areas of non-military support",
// "Cyber security" is not military, but a sentence "also by military means" under it is.
std::optional<Category> CategoryOfHeadings(const std::vector<std::string>& headings_outer_first,
                                           text::Language language, const CueTable& cues,
                                           const std::set<Category>& spared);

}  // namespace treaty::commitments
