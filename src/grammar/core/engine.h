// Runs a grammar over text: tokenises it, applies the rules until nothing new is found (each
// rule builds on the tokens and on expressions other rules found), then keeps the longest
// reported expressions that do not overlap.
#pragma once

#include <cstddef>
#include <deque>
#include <shared_mutex>
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

// What the engine knows about one token form; computed once per distinct form and kept.
struct TokenInfo {
  std::vector<Meaning> meanings;            // lexicon senses (words: also through lemmas)
  std::vector<const Rule*> starting_rules;  // rules whose first item matches the token
};

class Engine {
 public:
  // `grammar` must outlive the engine. Thread-safe once built.
  explicit Engine(const Grammar& grammar);

  // Extractions from one text: keeps the word forms and token infos seen so far, so each form
  // is looked up once. Not thread-safe; one session per thread.
  class Session {
   public:
    explicit Session(const Engine& engine) : engine_(engine) {}

    // The reported expressions and bad dates in text[begin, end), in text order, none
    // overlapping. Time is linear in the length of the text.
    std::vector<Found> Extract(std::string_view text, size_t begin, size_t end);

   private:
    const TokenInfo& InfoOf(const Token& token);

    const Engine& engine_;
    std::string words_;              // lowercase words of the text being read
    std::deque<std::string> forms_;  // the keys of infos_; a deque never moves its elements
    std::unordered_map<std::string_view, const TokenInfo*> word_infos_;
    std::unordered_map<std::string_view, const TokenInfo*> symbol_infos_;
  };

  // Extract in a session of its own.
  std::vector<Found> Extract(std::string_view text, size_t begin, size_t end) const;

 private:
  class Run;

  // The info of a word or symbol token, computed on first sight. Thread-safe.
  const TokenInfo& SharedInfoOf(const Token& token) const;
  TokenInfo ComputeInfo(const Token& token) const;
  bool UsesExpressions(const Rule* rule) const;

  const Grammar& grammar_;
  // Rules by what their first item needs, so that each position tries only rules that can start
  // there.
  std::vector<const Rule*> starts_with_number_;
  std::vector<const Rule*> starts_with_symbol_;
  std::vector<const Rule*> starts_with_prefix_;
  std::unordered_map<std::string, std::vector<const Rule*>> starts_with_word_;
  std::unordered_map<int, std::vector<const Rule*>> starts_with_sense_;
  std::unordered_map<int, std::vector<const Rule*>> starts_with_kind_;
  std::vector<bool> uses_expressions_;  // by rule index: the pattern has an expression item
  TokenInfo number_info_;

  mutable std::shared_mutex cache_lock_;
  mutable std::unordered_map<std::string, TokenInfo> word_infos_;
  mutable std::unordered_map<std::string, TokenInfo> symbol_infos_;
};

}  // namespace treaty::grammar
