// Runs a grammar over text: tokenises it, applies the rules until nothing new is found (each
// rule builds on the tokens and on expressions other rules found), then keeps the longest
// reported expressions that do not overlap.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "grammar/core/grammar.h"

namespace treaty::grammar {

struct Found {
  Value value;       // kind included; kBadDate marks a date that cannot exist
  size_t begin = 0;  // [begin, end) in the text given to Extract
  size_t end = 0;
  const Rule* rule = nullptr;  // the rule that produced it
};

class Engine {
 public:
  // `grammar` must outlive the engine. Thread-safe once built.
  explicit Engine(const Grammar& grammar);

  // The reported expressions and bad dates in text[begin, end), in text order, none overlapping.
  // Time is linear in the length of the text.
  std::vector<Found> Extract(std::string_view text, size_t begin, size_t end) const;

 private:
  class Run;

  const Grammar& grammar_;
  // Rules by what their first item needs, so that each position tries only rules that can start
  // there.
  std::vector<const Rule*> starts_with_number_;
  std::vector<const Rule*> starts_with_symbol_;
  std::vector<const Rule*> starts_with_prefix_;
  std::unordered_map<std::string, std::vector<const Rule*>> starts_with_word_;
  std::unordered_map<int, std::vector<const Rule*>> starts_with_sense_;
  std::unordered_map<int, std::vector<const Rule*>> starts_with_kind_;
};

}  // namespace treaty::grammar
