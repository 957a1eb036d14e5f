#include "grammar/core/common_rules.h"

#include <string>

#include "grammar/core/productions.h"

namespace treaty::grammar {

namespace {

bool IsTens(int64_t value) { return value >= 20 && value <= 90 && value % 10 == 0; }

}  // namespace

void AddCommonRules(Grammar& grammar, std::string_view prefix) {
  auto name = [prefix](std::string_view rest) {
    return std::string(prefix) + "." + std::string(rest);
  };
  std::vector<Rule>& rules = grammar.rules;

  rules.push_back({name("numeral.digits"), {Number()}, [](const Parts& p) {
                     return std::optional<Value>(MakeNumeral(NumberOf(p[0]), false));
                   }});
  rules.push_back({name("numeral.word"), {Sense(Sense::kNumber)}, [](const Parts& p) {
                     return std::optional<Value>(MakeNumeral(NumberOf(p[0]), true));
                   }});
  rules.push_back({name("numeral.tens_units"),
                   {Sense(Sense::kNumber), Optional(Symbol({"-"})), Sense(Sense::kNumber)},
                   [](const Parts& p) -> std::optional<Value> {
                     int64_t tens = MeaningNumber(p[0]);
                     int64_t units = MeaningNumber(p[2]);
                     if (!IsTens(tens) || units < 1 || units > 9) return std::nullopt;
                     return MakeNumeral(Decimal::Integer(tens + units), true);
                   }});
  rules.push_back({name("numeral.scaled"),
                   {Expr(Kind::kNumeral), Sense(Sense::kScale)},
                   [](const Parts& p) { return Scaled(p[0], p[1]); }});
  // "10 (ten)", "twenty-four (24)", "10 (desmit)": one number written in digits and in words.
  rules.push_back({name("numeral.written_twice"),
                   {Expr(Kind::kNumeral), Symbol({"("}), Expr(Kind::kNumeral), Symbol({")"})},
                   [](const Parts& p) -> std::optional<Value> {
                     const Value& first = ValueOf(p[0]);
                     const Value& second = ValueOf(p[2]);
                     if (first.number != second.number || first.from_words == second.from_words) {
                       return std::nullopt;
                     }
                     return MakeNumeral(first.number, false);
                   }});

  rules.push_back({name("money.amount_currency"),
                   {Expr(Kind::kNumeral), Sense(Sense::kCurrency)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakeMoney(NumberOf(p[0]), MeaningCode(p[1])));
                   }});
  rules.push_back({name("money.currency_amount"),
                   {Sense(Sense::kCurrency), Expr(Kind::kNumeral)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakeMoney(NumberOf(p[1]), MeaningCode(p[0])));
                   }});
  rules.push_back({name("percent.sign"),
                   {Expr(Kind::kNumeral), Symbol({"%"})},
                   [](const Parts& p) -> std::optional<Value> {
                     if (ValueOf(p[0]).from_words) return std::nullopt;
                     return MakePercent(NumberOf(p[0]));
                   }});
  rules.push_back({name("duration.amount_unit"),
                   {Expr(Kind::kNumeral), Sense(Sense::kTimeUnit)},
                   [](const Parts& p) { return MakeDuration(NumberOf(p[0]), MeaningCode(p[1])); }});
  rules.push_back({name("count.amount_unit"),
                   {Expr(Kind::kNumeral), Sense(Sense::kCountUnit)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakeCount(NumberOf(p[0]), MeaningCode(p[1])));
                   }});
}

}  // namespace treaty::grammar
