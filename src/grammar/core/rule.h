// A grammar rule is named data, in the manner of Duckling: a name, a pattern (a sequence of items,
// each matching one token or one expression already found), and a production that turns what
// the items matched into a value, or declines.
#pragma once

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/core/lexicon.h"
#include "grammar/core/token.h"
#include "grammar/core/value.h"

namespace treaty::grammar {

// What a number token must look like to match a kNumber item.
enum class NumberShape {
  kAny,   // any number that is not part of a name or code
  kYear,  // four plain digits, 1900-2100
  kDay,   // one or two plain digits, 1-31
};

struct Item {
  enum class Type {
    kWord,    // one word token whose lowercase form is in `words`; "ikgadēj*" matches a prefix
    kSense,   // one word (or symbol: "€") token with a lexicon meaning of `sense`
    kNumber,  // one number token of `shape`
    kSymbol,  // one symbol token in `words`
    kKind,    // an expression of `kind` found by another rule
  };
  Type type = Type::kWord;
  std::vector<std::string> words;
  Sense sense = Sense::kNumber;
  NumberShape shape = NumberShape::kAny;
  Kind kind = Kind::kNumeral;
  bool optional = false;
  bool attached = false;  // the token follows the previous one with no space ("2.5bn")
  bool context = false;   // must match, but stays outside the expression's span ("since 2014")
};

Item Word(std::initializer_list<std::string_view> forms);
Item Sense(enum Sense sense);
Item Number(NumberShape shape = NumberShape::kAny);
Item Symbol(std::initializer_list<std::string_view> symbols);
Item Expr(Kind kind);
Item Optional(Item item);
Item Attached(Item item);
// REQUIRES: used only at the start or the end of a pattern.
Item Context(Item item);

struct Node;

// What one pattern item matched. A skipped optional item has `matched` false.
struct Part {
  bool matched = false;
  const Token* token = nullptr;      // kWord, kSense, kNumber, kSymbol
  const Meaning* meaning = nullptr;  // kSense: the meaning that matched
  const Node* node = nullptr;        // kKind
};

using Parts = std::vector<Part>;
using Production = std::function<std::optional<Value>(const Parts& parts)>;

struct Rule {
  std::string name;  // "<language>.<kind>.<what>", e.g. "lv.date.year_day_month"
  std::vector<Item> pattern;
  Production produce;
};

// An expression found in a text: `rule` produced `value` from tokens [first, last).
struct Node {
  Value value;
  size_t first = 0;
  size_t last = 0;
  const Rule* rule = nullptr;
};

}  // namespace treaty::grammar
