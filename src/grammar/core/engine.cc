#include "grammar/core/engine.h"

#include <algorithm>
#include <mutex>

#include "grammar/core/productions.h"

namespace treaty::grammar {

namespace {

// Rules may build on each other's results; a few rounds settle every grammar we have. The bound
// keeps time linear on pathological input such as a list of 10,000 years.
constexpr int kMaxRounds = 8;
// Alternatives kept per start token, for the same reason.
constexpr size_t kMaxNodesPerToken = 48;

bool IsPrefixPattern(const std::string& word) { return !word.empty() && word.back() == '*'; }

bool WordMatches(const std::vector<std::string>& words, std::string_view lower) {
  for (const std::string& word : words) {
    if (IsPrefixPattern(word)) {
      if (lower.starts_with(std::string_view(word).substr(0, word.size() - 1))) return true;
    } else if (word == lower) {
      return true;
    }
  }
  return false;
}

bool ShapeMatches(NumberShape shape, const Token& token) {
  if (token.in_identifier) return false;
  switch (shape) {
    case NumberShape::kAny:
      return true;
    case NumberShape::kYear: {
      std::optional<int64_t> value = token.number.ToInteger();
      return token.plain && token.integer_digits == 4 && value && *value >= 1900 && *value <= 2100;
    }
    case NumberShape::kDay: {
      std::optional<int64_t> value = token.number.ToInteger();
      return token.plain && token.integer_digits <= 2 && value && *value >= 1 && *value <= 31;
    }
  }
  return false;
}

}  // namespace

Engine::Engine(const Grammar& grammar) : grammar_(grammar) {
  for (const Rule& rule : grammar.rules) {
    const Item& first = rule.pattern.front();
    switch (first.type) {
      case Item::Type::kNumber:
        starts_with_number_.push_back(&rule);
        break;
      case Item::Type::kSymbol:
        starts_with_symbol_.push_back(&rule);
        break;
      case Item::Type::kSense:
        starts_with_sense_[static_cast<int>(first.sense)].push_back(&rule);
        break;
      case Item::Type::kKind:
        starts_with_kind_[static_cast<int>(first.kind)].push_back(&rule);
        break;
      case Item::Type::kWord:
        for (const std::string& word : first.words) {
          if (IsPrefixPattern(word)) {
            starts_with_prefix_.push_back(&rule);
          } else {
            starts_with_word_[word].push_back(&rule);
          }
        }
        break;
    }
    uses_expressions_.push_back(
        std::any_of(rule.pattern.begin(), rule.pattern.end(),
                    [](const Item& item) { return item.type == Item::Type::kKind; }));
  }
  number_info_.starting_rules = starts_with_number_;
}

bool Engine::UsesExpressions(const Rule* rule) const {
  return uses_expressions_[static_cast<size_t>(rule - grammar_.rules.data())];
}

TokenInfo Engine::ComputeInfo(const Token& token) const {
  TokenInfo info;
  std::vector<const Rule*>& rules = info.starting_rules;
  if (token.kind == TokenKind::kWord) {
    info.meanings = grammar_.lexicon.Lookup(token.lower);
    auto word = starts_with_word_.find(std::string(token.lower));
    if (word != starts_with_word_.end()) rules = word->second;
    for (const Rule* rule : starts_with_prefix_) {
      if (WordMatches(rule->pattern.front().words, token.lower)) rules.push_back(rule);
    }
  } else {
    info.meanings = grammar_.lexicon.LookupExact(token.lower);
    for (const Rule* rule : starts_with_symbol_) {
      if (WordMatches(rule->pattern.front().words, token.lower)) rules.push_back(rule);
    }
  }
  for (const Meaning& meaning : info.meanings) {
    auto found = starts_with_sense_.find(static_cast<int>(meaning.sense));
    if (found != starts_with_sense_.end()) {
      rules.insert(rules.end(), found->second.begin(), found->second.end());
    }
  }
  std::sort(rules.begin(), rules.end());
  rules.erase(std::unique(rules.begin(), rules.end()), rules.end());
  return info;
}

const TokenInfo& Engine::SharedInfoOf(const Token& token) const {
  auto& infos = token.kind == TokenKind::kWord ? word_infos_ : symbol_infos_;
  std::string key(token.lower);
  {
    std::shared_lock<std::shared_mutex> reading(cache_lock_);
    auto found = infos.find(key);
    if (found != infos.end()) return found->second;
  }
  TokenInfo info = ComputeInfo(token);
  std::unique_lock<std::shared_mutex> writing(cache_lock_);
  // References to elements of an unordered_map stay valid when it grows.
  return infos.emplace(std::move(key), std::move(info)).first->second;
}

const TokenInfo& Engine::Session::InfoOf(const Token& token) {
  if (token.kind == TokenKind::kNumber) return engine_.number_info_;
  auto& infos = token.kind == TokenKind::kWord ? word_infos_ : symbol_infos_;
  auto found = infos.find(token.lower);
  if (found != infos.end()) return *found->second;
  const TokenInfo& info = engine_.SharedInfoOf(token);
  infos.emplace(forms_.emplace_back(token.lower), &info);
  return info;
}

// One extraction: the tokens, the chart of expressions found so far, and the matching.
class Engine::Run {
 public:
  // REQUIRES: infos[i] is the info of tokens[i].
  Run(const Engine& engine, std::vector<Token> tokens, std::vector<const TokenInfo*> infos)
      : engine_(engine),
        tokens_(std::move(tokens)),
        infos_(std::move(infos)),
        chart_(tokens_.size()) {}

  // The first round tries every rule that can start at each token; later rounds only the rules
  // that build on expressions, as the others would find the same again.
  void Saturate() {
    Parts parts;
    for (int round = 0; round < kMaxRounds; ++round) {
      std::vector<Node> added;
      for (size_t position = 0; position < tokens_.size(); ++position) {
        for (const Rule* rule : infos_[position]->starting_rules) {
          if (round > 0 && !engine_.UsesExpressions(rule)) continue;
          Match(*rule, 0, position, parts, added);
        }
        ForEachKindRule(position,
                        [&](const Rule* rule) { Match(*rule, 0, position, parts, added); });
      }
      bool grew = false;
      for (Node& node : added) grew |= Add(std::move(node));
      if (!grew) return;
    }
  }

  // Longest reported expressions first; among equals, the earlier start, then the earlier rule.
  std::vector<Found> Resolve() const {
    std::vector<const Node*> candidates;
    for (const std::vector<Node>& nodes : chart_) {
      for (const Node& node : nodes) {
        // Numerals are only parts; bad dates and periods awaiting a year are resolved below.
        if (node.value.kind != Kind::kNumeral) candidates.push_back(&node);
      }
    }
    auto span = [this](const Node* node) {
      return tokens_[node->last - 1].end - tokens_[node->first].begin;
    };
    std::stable_sort(candidates.begin(), candidates.end(), [&](const Node* a, const Node* b) {
      if (span(a) != span(b)) return span(a) > span(b);
      if (a->first != b->first) return a->first < b->first;
      return a->rule < b->rule;
    });
    std::vector<bool> taken(tokens_.size(), false);
    std::vector<const Node*> chosen;
    for (const Node* node : candidates) {
      bool free =
          std::none_of(taken.begin() + static_cast<long>(node->first),
                       taken.begin() + static_cast<long>(node->last), [](bool t) { return t; });
      if (!free) continue;
      std::fill(taken.begin() + static_cast<long>(node->first),
                taken.begin() + static_cast<long>(node->last), true);
      chosen.push_back(node);
    }
    std::sort(chosen.begin(), chosen.end(),
              [](const Node* a, const Node* b) { return a->first < b->first; });
    return CompleteLists(chosen);
  }

 private:
  // Gives each period without a year the year of the next period or date in its list, walking
  // backwards so that "29-30 June, 26-27 October, 14-15 December 2023" all take 2023; drops
  // those left without one.
  std::vector<Found> CompleteLists(const std::vector<const Node*>& chosen) const {
    std::vector<Found> found;
    int list_year = 0;
    size_t list_start = tokens_.size();
    for (auto it = chosen.rbegin(); it != chosen.rend(); ++it) {
      const Node& node = **it;
      int year = 0;
      if (node.value.kind == Kind::kPeriod) year = node.value.from.year;
      if (node.value.kind == Kind::kDate) year = node.value.date.year;
      Value value = node.value;
      if (value.kind == Kind::kPeriodWithoutYear) {
        if (list_year == 0 || !OnlySeparatorsBetween(node.last, list_start)) continue;
        value = MakePeriod({list_year, value.from.month, value.from.day},
                           {list_year, value.to.month, value.to.day});
        year = list_year;
      }
      list_year = year;
      list_start = node.first;
      found.push_back(
          {std::move(value), tokens_[node.first].begin, tokens_[node.last - 1].end, node.rule});
    }
    std::reverse(found.begin(), found.end());
    return found;
  }

  bool OnlySeparatorsBetween(size_t first, size_t last) const {
    const std::vector<std::string>& separators = engine_.grammar_.list_separators;
    for (size_t i = first; i < last; ++i) {
      if (std::find(separators.begin(), separators.end(), tokens_[i].lower) == separators.end()) {
        return false;
      }
    }
    return true;
  }

  // Calls `visit` with each rule that starts with an expression of a kind found at `position`.
  template <typename Visit>
  void ForEachKindRule(size_t position, Visit&& visit) const {
    const std::vector<Node>& nodes = chart_[position];
    for (size_t i = 0; i < nodes.size(); ++i) {
      Kind kind = nodes[i].value.kind;
      bool seen = std::any_of(nodes.begin(), nodes.begin() + static_cast<long>(i),
                              [kind](const Node& earlier) { return earlier.value.kind == kind; });
      if (seen) continue;
      auto found = engine_.starts_with_kind_.find(static_cast<int>(kind));
      if (found == engine_.starts_with_kind_.end()) continue;
      for (const Rule* rule : found->second) visit(rule);
    }
  }

  // Tries item `index` of `rule` at token `position`; on a full match, asks the production.
  void Match(const Rule& rule, size_t index, size_t position, Parts& parts,
             std::vector<Node>& added) const {
    if (index == rule.pattern.size()) {
      Complete(rule, parts, added);
      return;
    }
    const Item& item = rule.pattern[index];
    if (item.optional) {
      parts.push_back(Part{});
      Match(rule, index + 1, position, parts, added);
      parts.pop_back();
    }
    if (position >= tokens_.size()) return;
    const Token& token = tokens_[position];
    if (item.attached && token.space_before) return;
    Part part;
    part.matched = true;
    part.token = &token;
    switch (item.type) {
      case Item::Type::kWord:
        if (token.kind != TokenKind::kWord || !WordMatches(item.words, token.lower)) return;
        break;
      case Item::Type::kSymbol:
        if (token.kind != TokenKind::kSymbol || !WordMatches(item.words, token.lower)) return;
        break;
      case Item::Type::kNumber:
        if (token.kind != TokenKind::kNumber || !ShapeMatches(item.shape, token)) return;
        break;
      case Item::Type::kSense: {
        for (const Meaning& meaning : infos_[position]->meanings) {
          if (meaning.sense != item.sense) continue;
          part.meaning = &meaning;
          parts.push_back(part);
          Match(rule, index + 1, position + 1, parts, added);
          parts.pop_back();
        }
        return;
      }
      case Item::Type::kKind:
        for (const Node& node : chart_[position]) {
          if (node.value.kind != item.kind) continue;
          part.node = &node;
          parts.push_back(part);
          Match(rule, index + 1, node.last, parts, added);
          parts.pop_back();
        }
        return;
    }
    parts.push_back(part);
    Match(rule, index + 1, position + 1, parts, added);
    parts.pop_back();
  }

  // Turns a full match into a node spanning its non-context parts.
  void Complete(const Rule& rule, const Parts& parts, std::vector<Node>& added) const {
    size_t first = tokens_.size();
    size_t last = 0;
    for (size_t i = 0; i < parts.size(); ++i) {
      const Part& part = parts[i];
      if (!part.matched || rule.pattern[i].context) continue;
      size_t part_first =
          part.node ? part.node->first : static_cast<size_t>(part.token - tokens_.data());
      size_t part_last = part.node ? part.node->last : part_first + 1;
      first = std::min(first, part_first);
      last = std::max(last, part_last);
    }
    if (first >= last) return;
    std::optional<Value> value = rule.produce(parts);
    if (!value) return;
    added.push_back(Node{std::move(*value), first, last, &rule});
  }

  // Adds a node unless the chart has it already; true when added.
  bool Add(Node node) {
    std::vector<Node>& nodes = chart_[node.first];
    if (nodes.size() >= kMaxNodesPerToken) return false;
    for (const Node& existing : nodes) {
      if (existing.last == node.last && existing.rule == node.rule &&
          existing.value == node.value) {
        return false;
      }
    }
    nodes.push_back(std::move(node));
    return true;
  }

  const Engine& engine_;
  std::vector<Token> tokens_;
  std::vector<const TokenInfo*> infos_;  // by token
  // Nodes by first token. Nodes are only appended between rounds, so pointers held in parts
  // during a round stay valid.
  std::vector<std::vector<Node>> chart_;
};

std::vector<Found> Engine::Session::Extract(std::string_view text, size_t begin, size_t end) {
  std::vector<Token> tokens = Tokenize(text, begin, end, engine_.grammar_.number_format, words_);
  std::vector<const TokenInfo*> infos;
  infos.reserve(tokens.size());
  bool any_rule = false;
  for (const Token& token : tokens) {
    infos.push_back(&InfoOf(token));
    any_rule |= !infos.back()->starting_rules.empty();
  }
  if (!any_rule) return {};
  Run run(engine_, std::move(tokens), std::move(infos));
  run.Saturate();
  return run.Resolve();
}

std::vector<Found> Engine::Extract(std::string_view text, size_t begin, size_t end) const {
  Session session(*this);
  return session.Extract(text, begin, end);
}

}  // namespace treaty::grammar
