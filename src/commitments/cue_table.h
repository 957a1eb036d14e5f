// The words that tell, in one language, what a sentence does: how firmly it promises, whether it
// only states, whether it is about the agreement's own procedures, under which conditions, who
// promises and in which area. Tables are data (one file per language); sentence_analysis.h
// reads them.
//
#pragma once

#include <string_view>
#include <vector>

#include "commitments/commitment.h"
#include "commitments/pattern.h"
#include "text/language.h"

namespace treaty::commitments {

struct StrengthCue {
  Pattern pattern;
  SentenceClass sentence_class;  // kCommitment (with `strength`) or kStatement
  Strength strength = Strength::kNone;
};

struct ConditionCue {
  Pattern pattern;
  std::string_view kind;  // "capabilities", "upon_request", ...
};

// Words naming one party, or all of them ("Participants").
struct PartyCue {
  Pattern pattern;
  std::string party;           // a party code, or "both"
  bool can_be_subject = true;  // false for forms that cannot name who acts (Latvian dative)
  bool capitals_only = false;  // a code or initials ("IT", "UK"): the word "it" is not Italy
  // An English possessive ("Norway’s"): it names who acts only where it begins the subject
  // ("Norway’s military support will amount to"), and never whom a promise serves.
  bool possessive = false;
  // A party's adjective or possessive before the head of a subject ("the Estonian Government",
  // "Spain’s Ministry"): it names who acts before the cue only, and never whom a promise serves
  // ("between Ukrainian and Czech government departments" serves both).
  bool qualified_head = false;
};

struct CategoryCue {
  Pattern pattern;
  Category category;
  // A category the words deny ("non-military": not military). In the headings above a
  // provision, or in its sentence, the other cues do not give it unless one names it plainly.
  std::optional<Category> denies = std::nullopt;
  bool names_plainly = false;  // the category's own word ("military"), which a denial spares
};

struct CueTable {
  std::vector<StrengthCue> strengths;  // commitments and statements
  std::vector<Pattern> procedures;     // words of the agreement's own procedures
  std::vector<ConditionCue> conditions;
  // Words naming all the parties ("the Participants", "either Participant"), party "both". The
  // names of the parties themselves come from the agreement's package (party_names.h).
  std::vector<PartyCue> parties;
  // Forms of states' names, by party code, that a package's names do not give: the cases of a
  // Latvian name ("Latvijai", which cannot be a subject). Used for the parties of an agreement
  // only.
  std::vector<PartyCue> state_names;
  // The adjective of a state's name, by party code ("estonian" for EE), and the heads of a
  // subject that a party's adjective or possessive makes that party's ("the Estonian Government",
  // "the Latvian side", "Spain’s Ministry of the Interior"); an organ named before "of" and a
  // party's name begins a clause as that party ("the Ministry of National Defence of Romania
  // will"). Used for the parties of an agreement only.
  struct StateAdjective {
    std::string_view party;
    std::string_view adjective;  // lower-case
  };
  std::vector<StateAdjective> state_adjectives;
  std::vector<Pattern> organs;
  // Words that join two parties' names into one mention of both: "and" ("Belgium and Ukraine"),
  // "or" ("by either Belgium or Ukraine").
  std::vector<std::string_view> party_conjunctions;
  // Nouns of what a party gives, which a party's possessive before them makes that party the one
  // who acts ("Norway’s military support will amount to"); English only, as are possessives.
  std::vector<std::string_view> given_by_possessor;
  // Lower-case words of a form of state ("kingdom", "republic"), which a party's short name
  // leaves out ("Kingdom of Belgium" → "Belgium"): see ShortNamesOf.
  std::vector<std::string_view> state_forms;
  std::vector<CategoryCue> categories;  // matched against headings, then the sentence
  // Cue words that are also month names ("may"): written with a capital next to a day number or a
  // year, or after one of `before_months` ("as of May 2024", "in May"), they are the month.
  std::vector<std::string_view> month_names;
  std::vector<std::string_view> before_months;
  // Words between a subject and its verb, or between a modal cue and the verb it governs, that
  // name no action: "to", "also", "jointly".
  std::vector<std::string_view> skipped_before_verb;
  // The ending that makes an adverb of an adjective ("jointly", "necessarily"): such a word after
  // a modal cue is skipped as `skipped_before_verb` are.
  std::string_view adverb_ending;
  // Words that deny the verb a cue governs ("will not affect"), and a
  // prefix that denies a future form ("neietekmēs": will not affect). A denial followed by one of
  // `not_denying_before` denies nothing ("will not only support … but also").
  std::vector<std::string_view> negations;
  std::vector<std::string_view> not_denying_before;
  std::string_view negative_prefix;
  // A statement that leads to a promise of its own subject is a commitment (see
  // sentence_analysis.h): an intention named as its object ("confirms its intention to provide"),
  // a clause opened by one of `subordinators` whose subject is one of `subject_pronouns` ("affirms
  // that … it will provide"), or a modal cue joined to it by one of `coordinators` ("welcomes and
  // will continue to support"). A subordinator before the coordinator ends the statement's own
  // clause.
  std::vector<StrengthCue> intentions;
  std::vector<std::string_view> subordinators;
  std::vector<std::string_view> subject_pronouns;
  std::vector<std::string_view> coordinators;
  // Words that put the party named next out of the subject's place: "to", "for", "against".
  std::vector<std::string_view> prepositions;
  // Cues of what would follow or what is under way rather than what anyone will do ("would",
  // "is contributing"), lower-case: with a subject before them that names no party ("Any future
  // Russian invasion would violate", "Russia's aggression is contributing to food insecurity"), a
  // statement.
  std::vector<std::string_view> hypotheticals;
  // Words of a passive ("be", "is"): "will be secured" names who acts after the verb, if at all.
  std::vector<std::string_view> passive_auxiliaries;
  // Words of a perfect or past tense before a verb ("has", "was"), which follow a subject.
  std::vector<std::string_view> perfect_auxiliaries;
  // Latvian marks the future in the verb ("nodrošinās" from "nodrošināt"): a lower-case word
  // ending in a pair's `future` whose infinitive (that ending replaced by the pair's `infinitive`)
  // the dictionary knows reads as `will`.
  struct FutureSuffix {
    std::string_view future;
    std::string_view infinitive;
  };
  std::vector<FutureSuffix> future_suffixes;
  // Endings that inflect a verb's dictionary form: "s", "ed", "ing".
  std::vector<std::string_view> verb_endings;
  // The ending of a verb's past form ("ed"): a party named right after a lower-case word with it,
  // with a subject named before, is that verb's object ("Slovenia provided Ukraine with …"), not
  // a subject ("As planned Latvia will" is). Empty where the form of a party's name says so
  // (Latvian's cases).
  std::string_view past_ending;
  // Words whose next word, not they, is the verb of the action: "will", "tiks".
  std::vector<std::string_view> auxiliaries;
  // Words that, after a comma, open another clause rather than go on with a list: "as" (as well
  // as), "including", "which". An action's object ends there.
  std::vector<std::string_view> clause_openers;
  // Words that open a relative clause after a comma, which runs to the next comma, condition or
  // the clause's end: ", which shall be determined through consultations". When the cue that
  // decides the sentence's class comes before it, a procedure's cue there tells how the promised
  // thing is done, not what the sentence is, and a party named there is not whom the promise
  // serves.
  std::vector<std::string_view> relative_pronouns;
  // Words (up to three) that place what comes before them: a party named right after them is
  // where something is, not whom a promise serves ("the NATO Strategic Communications Centre of
  // Excellence based in Latvia", "based in the Republic of Latvia").
  std::vector<std::string_view> place_phrases;
  // What makes an action no title of its promise (ActionIsTitle): an object opened by a passive's
  // agent or means ("determine by the Participants", "achieve through …"), an adverb standing for
  // the object ("work together"), an object that ends on the word that opens a clause cut off
  // ("ensure that … at such a level that"), and a verb whose subject the title would need
  // ("remain a priority of …").
  std::vector<std::string_view> agent_prepositions;
  std::vector<std::string_view> lone_adverbs;
  std::vector<std::string_view> clause_conjunctions;
  std::vector<std::string_view> copulas;
  // Articles, conjunctions, determiners and the prepositions `prepositions` leaves out (those that
  // never move a party out of the subject's place): an object cut short does not end on one.
  std::vector<std::string_view> function_words;

  // First-word indexes of the pattern tables above (IndexCueTable builds them).
  PatternIndex strength_index;
  PatternIndex intention_index;
  PatternIndex procedure_index;
  PatternIndex condition_index;
  PatternIndex category_index;
};

// Builds the table's indexes; each language's table calls it once its lists are complete.
void IndexCueTable(CueTable& table);

// The table for `language`, or nullptr when there is none (Ukrainian): such a text is
// quoted but not analysed, and `treaty commitments` says so.
const CueTable* CueTableFor(text::Language language);

// The two tables, one per file.
const CueTable& EnglishCues();
const CueTable& LatvianCues();

}  // namespace treaty::commitments
