// The commitments stage's output: every sentence of an agreement classified, and for each
// commitment or procedure a typed record that a person can check against both texts.
// docs/commitments.md is the contract of the JSON form.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace treaty::commitments {

// What a sentence does. Commitments and procedures are listed by `treaty commitments`;
// statements and context are kept so that every sentence has a class.
enum class SentenceClass {
  kCommitment,  // a Participant promises to act
  kProcedure,   // how the agreement itself works: consultations, term, extension, termination...
  kStatement,   // condemns, acknowledges, welcomes, underlines
  kContext,     // anything else: preamble recitals, descriptions, signature blocks
};

// How firmly, from firm to soft. kNone for statements and context.
enum class Strength { kCommits, kWill, kContinues, kEndeavours, kConsiders, kMay, kNone };

enum class Category {
  kMilitary,
  kFinancial,
  kReconstruction,
  kHumanitarian,
  kPolitical,
  kLegal,
  kEconomic,
  kProcedural,
};

std::string_view SentenceClassName(SentenceClass value);  // "commitment", "procedure", ...
std::string_view StrengthName(Strength value);            // "commits", ..., "may", "none"
std::string_view CategoryName(Category value);            // "military", ...
// Every strength and category by name, strongest and in declaration order first.
std::vector<std::string> StrengthNames();  // "commits", …, "may", "none"
std::vector<std::string> CategoryNames();  // "military", …, "procedural"
std::optional<SentenceClass> ParseSentenceClass(std::string_view name);
std::optional<Strength> ParseStrength(std::string_view name);
std::optional<Category> ParseCategory(std::string_view name);

struct Action {
  std::string lemma;     // the main verb's dictionary form: "provide", "continue", "consult"
  std::string object;    // the words it governs, up to the clause's end; "…" ends a cut one
  bool negated = false;  // the sentence denies the verb: "will not affect", "neietekmēs"

  // "provide Ukraine with timely security assistance", "not affect the implementation …": the
  // lemma, after "not" when denied, and its object when it has one.
  std::string Phrase() const {
    std::string phrase = negated ? "not " + lemma : lemma;
    return object.empty() ? phrase : phrase + " " + object;
  }
};

// Words of one text in each language that has them, keyed by language code ("en", "lv").
using Surfaces = std::map<std::string, std::string>;

struct Area {
  std::string section;  // eId of the numbered section: "sec_2"; empty: preamble, conclusions
  // Headings from the section down, in the prevailing language, then keyed by language.
  std::vector<std::string> headings;
  std::map<std::string, std::vector<std::string>> headings_by_language;
  Category category = Category::kPolitical;
};

// An expression of the expression stage that belongs to the commitment.
struct Target {
  std::string kind;      // "money", "percent", "count", "period", "years", ...
  nlohmann::json value;  // as in docs/expressions.md
  Surfaces text;         // the words in each text that has them
};

struct Condition {
  std::string kind;  // "capabilities", "upon_request", "parliament_approval", ...
  Surfaces text;     // the words in each text that has them
};

struct Quote {
  std::string language;  // "en", "lv", "uk"
  std::string eid;       // the sentence's eId in that language's text
  std::string text;
  size_t source_begin = 0;  // [source_begin, source_end) in that language's file
  size_t source_end = 0;
  int line = 0;  // 1-based source line
};

struct Source {
  std::string eid;  // the provision (paragraph or point) in the prevailing text
  // The prevailing text's sentence first, then the corresponding sentences of the other texts in
  // their order in the package (usually one each; two where a text splits the sentence).
  std::vector<Quote> quotes;
};

// One sentence's record. `id` is the prevailing text's sentence eId ("sec_4__para_1__sent_1"), with
// a
// "__part_N" suffix for the parts of a sentence split in review; it stays the same across
// re-extractions of the same texts.
struct Commitment {
  std::string id;
  SentenceClass sentence_class = SentenceClass::kContext;
  Strength strength = Strength::kNone;
  std::vector<std::string> obligors;  // "LV", "UA" (both: both codes)
  std::string beneficiary;            // a party code, "both", or empty when the text names none
  Action action;
  Area area;
  std::vector<Target> targets;
  std::vector<Condition> conditions;
  Source source;
  std::vector<std::string> flags;  // where the texts disagree; the prevailing text wins
  std::string review;              // the review decision applied: "accept", "correct", ... or ""
  std::vector<std::string> review_notes;
};

nlohmann::json CommitmentJson(const Commitment& commitment);

// The language of the commitment's prevailing text, whose sentence its source quotes first; empty
// without quotes.
std::string PrevailingLanguage(const Commitment& commitment);

// The words of `surfaces` in `language`, else in the first text that has them; empty when none.
std::string SurfaceIn(const Surfaces& surfaces, std::string_view language);

// Whether the commitment's action, read in its prevailing language, reads as what it promises: a
// verb and the thing it governs (CueTable::agent_prepositions and the lists after it say what does
// not; nor does a verb that stands for another, one of the auxiliaries, before a preposition:
// "continue in the higher education institutions in Latvia"). False without an object, and for a
// language without a cue table.
bool ActionIsTitle(const Commitment& commitment);

// The first words of the commitment's prevailing quote, for a person to recognise the sentence:
// the whole sentence up to 90 bytes, else cut at the last space before them, with " …" after;
// empty without quotes.
std::string OpeningWords(const Commitment& commitment);

// What a commitment promises, as a title: its action's phrase with a capital ("Provide
// approximately 112 million EUR of military support to Ukraine") when ActionIsTitle; else the
// opening words of its sentence (OpeningWords) without a final full stop ("The Agreement is valid
// for 10 (ten) years"); "Commitment ID" without quotes.
std::string Title(const Commitment& commitment);

}  // namespace treaty::commitments
