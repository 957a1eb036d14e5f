// Entry point of the expression stage: every money amount, percentage, date, year, period,
// duration, recurrence, count and reference in a parsed agreement, with its span in the
// normalised text and in the source file, and the eId of the provision it is in.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "document/node.h"
#include "grammar/core/value.h"
#include "text/normalized_text.h"

namespace treaty::grammar {

struct Expression {
  Value value;       // value.kind is the kind
  std::string text;  // the surface, as in the normalised text
  size_t begin = 0;  // [begin, end) in the normalised text
  size_t end = 0;
  size_t source_begin = 0;  // [source_begin, source_end) in the source file's bytes
  size_t source_end = 0;
  int line = 0;      // 1-based source line where it starts
  std::string eid;   // the paragraph, point or other node whose own words hold it
  std::string rule;  // the rule that produced it
};

struct Expressions {
  std::vector<Expression> found;      // in text order
  std::vector<Expression> bad_dates;  // dates that cannot exist; value.problem says why
};

// Runs the grammar of `doc.language` over the own words of every node with sentences.
// REQUIRES: `doc` was built from `text`.
Expressions ExtractExpressions(const text::NormalizedText& text, const document::Document& doc);

// A text read through every stage up to this one.
struct ExtractedText {
  document::Document doc;  // its warnings included
  Expressions expressions;
};

// Normalises and parses `source` (`name` labels errors), then extracts its expressions. Errors
// are those of the text stage; `language` overrides detection.
Result<ExtractedText> ExtractFromBytes(std::string_view source, std::string_view name,
                                       std::optional<text::Language> language = std::nullopt);

// The JSON Lines object of docs/expressions.md for one expression.
nlohmann::json ExpressionJson(const Expression& expression);

}  // namespace treaty::grammar
