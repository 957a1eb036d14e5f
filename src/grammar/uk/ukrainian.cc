#include "grammar/uk/ukrainian.h"

#include "grammar/core/common_rules.h"
#include "grammar/core/productions.h"

namespace treaty::grammar {

namespace {

CalendarDate YearOf(const Part& part) { return {IntegerOf(part), 0, 0}; }
Item Dash() { return Symbol({"-", "–", "—"}); }
Item YearWord() { return Word({"рік", "року", "році", "роком", "роки", "років", "роках", "рр"}); }

Value Years(std::vector<int> years) {
  Value value;
  value.kind = Kind::kYears;
  value.years = std::move(years);
  return value;
}

// "десятирічного строку": a term of so many years in one adjective.
struct YearsAdjective {
  std::string_view prefix;
  int years;
};
constexpr YearsAdjective kYearsAdjectives[] = {
    {"однорічн", 1},  {"дворічн", 2},   {"трирічн", 3},     {"чотирирічн", 4},
    {"п’ятирічн", 5}, {"п'ятирічн", 5}, {"десятирічн", 10},
};

}  // namespace

Grammar UkrainianGrammar() {
  Grammar grammar(text::Language::kUkrainian);
  grammar.number_format = {',', ' '};
  grammar.list_separators = {",", "і", "й", "та", ";"};
  AddUkrainianLexicon(grammar.lexicon);
  std::vector<Rule>& rules = grammar.rules;

  // --- dates ---------------------------------------------------------------------------------
  rules.push_back({"uk.date.day_month_year",
                   {Number(NumberShape::kDay), Sense(Sense::kMonth), Number(NumberShape::kYear),
                    Optional(Word({"року", "р"})), Optional(Attached(Symbol({"."})))},
                   [](const Parts& p) -> std::optional<Value> {
                     bool abbreviated = p[3].matched && p[3].token->lower == "р";
                     if (p[4].matched && !abbreviated) return std::nullopt;
                     return MakeDate(IntegerOf(p[2]), MeaningNumber(p[1]), IntegerOf(p[0]));
                   }});
  rules.push_back({"uk.date.month_year",
                   {Sense(Sense::kMonth), Number(NumberShape::kYear), Optional(Word({"року"}))},
                   [](const Parts& p) {
                     return std::optional<Value>(MakeDate(IntegerOf(p[1]), MeaningNumber(p[0]), 0));
                   }});
  rules.push_back(
      {"uk.date.day_month_impossible",
       {Number(NumberShape::kDay), Sense(Sense::kMonth)},
       [](const Parts& p) { return CheckDayOfMonth(IntegerOf(p[0]), MeaningNumber(p[1])); }});

  // --- periods and years ---------------------------------------------------------------------
  rules.push_back({"uk.period.from_to_years",
                   {Word({"з", "із", "від"}), Number(NumberShape::kYear), Word({"по", "до"}),
                    Number(NumberShape::kYear), Optional(YearWord())},
                   [](const Parts& p) {
                     return std::optional<Value>(MakePeriod(YearOf(p[1]), YearOf(p[3])));
                   }});
  rules.push_back(
      {"uk.period.year_dash_year",
       {Number(NumberShape::kYear), Dash(), Number(NumberShape::kYear), Optional(YearWord())},
       [](const Parts& p) {
         return std::optional<Value>(MakePeriod(YearOf(p[0]), YearOf(p[2])));
       }});
  rules.push_back({"uk.years.pair",
                   {Number(NumberShape::kYear), Word({"і", "й", "та"}), Number(NumberShape::kYear),
                    Optional(YearWord())},
                   [](const Parts& p) {
                     return std::optional<Value>(Years({IntegerOf(p[0]), IntegerOf(p[2])}));
                   }});
  rules.push_back({"uk.years.more",
                   {Number(NumberShape::kYear), Symbol({","}), Expr(Kind::kYears)},
                   [](const Parts& p) {
                     std::vector<int> years = ValueOf(p[2]).years;
                     years.insert(years.begin(), IntegerOf(p[0]));
                     return std::optional<Value>(Years(std::move(years)));
                   }});
  rules.push_back({"uk.year.with_word",
                   {Number(NumberShape::kYear), YearWord()},
                   [](const Parts& p) { return std::optional<Value>(MakeYear(IntegerOf(p[0]))); }});

  // --- money, per cent ----------------------------------------------------------------------
  rules.push_back({"uk.money.approximately",
                   {Word({"близько", "приблизно", "орієнтовно"}), Expr(Kind::kMoney)},
                   [](const Parts& p) {
                     Value value = ValueOf(p[1]);
                     value.approx = true;
                     return std::optional<Value>(value);
                   }});
  rules.push_back({"uk.percent.of_gdp_abbreviated",
                   {Expr(Kind::kPercent), Optional(Word({"від"})), Word({"ввп"})},
                   [](const Parts& p) {
                     Value value = ValueOf(p[0]);
                     value.of = "GDP";
                     return std::optional<Value>(value);
                   }});
  rules.push_back({"uk.percent.of_gdp",
                   {Expr(Kind::kPercent), Optional(Word({"від"})), Word({"валового"}),
                    Word({"внутрішнього"}), Word({"продукту"})},
                   [](const Parts& p) {
                     Value value = ValueOf(p[0]);
                     value.of = "GDP";
                     return std::optional<Value>(value);
                   }});
  rules.push_back(
      {"uk.percent.word", {Expr(Kind::kNumeral), Word({"відсот*"})}, [](const Parts& p) {
         return std::optional<Value>(MakePercent(NumberOf(p[0])));
       }});

  // --- durations -----------------------------------------------------------------------------
  // "протягом" is both "within" and "for": a span of hours, days or weeks is a time limit
  // ("протягом 24 годин"), a span of months or years is how long something lasts ("діє протягом
  // десяти років").
  rules.push_back({"uk.duration.within",
                   {Word({"протягом", "впродовж"}), Expr(Kind::kDuration)},
                   [](const Parts& p) -> std::optional<Value> {
                     const std::string& code = ValueOf(p[1]).code;
                     if (code.back() != 'H' && code.back() != 'D' && code.back() != 'W') {
                       return std::nullopt;
                     }
                     return WithBound(p[1], "within");
                   }});
  rules.push_back({"uk.duration.no_later_than",
                   {Word({"не"}), Word({"пізніше"}), Optional(Word({"ніж"})),
                    Optional(Word({"за"})), Expr(Kind::kDuration)},
                   [](const Parts& p) { return WithBound(p[4], "no_later_than"); }});
  rules.push_back(
      {"uk.duration.at_least",
       {Word({"щонайменше", "принаймні"}), Optional(Word({"за"})), Expr(Kind::kDuration)},
       [](const Parts& p) { return WithBound(p[2], "at_least"); }});
  rules.push_back({"uk.duration.years_adjective",
                   {Word({"однорічн*", "дворічн*", "трирічн*", "чотирирічн*", "п’ятирічн*",
                          "п'ятирічн*", "десятирічн*"}),
                    Word({"строк*", "термін*", "період*"})},
                   [](const Parts& p) -> std::optional<Value> {
                     for (const YearsAdjective& adjective : kYearsAdjectives) {
                       if (p[0].token->lower.starts_with(adjective.prefix)) {
                         return MakeDuration(Decimal::Integer(adjective.years), "Y");
                       }
                     }
                     return std::nullopt;
                   }});

  // --- recurrences ---------------------------------------------------------------------------
  rules.push_back({"uk.recurrence.annual", {Word({"щорічн*", "щороку"})}, [](const Parts&) {
                     return std::optional<Value>(MakeRecurrence("P1Y"));
                   }});
  rules.push_back({"uk.recurrence.monthly", {Word({"щомісячн*", "щомісяця"})}, [](const Parts&) {
                     return std::optional<Value>(MakeRecurrence("P1M"));
                   }});

  // --- references ----------------------------------------------------------------------------
  rules.push_back({"uk.reference.un_charter_article",
                   {Word({"статт*"}), Number(), Word({"статуту"}), Word({"оон"})},
                   [](const Parts& p) {
                     return std::optional<Value>(
                         MakeReference("article", p[1].token->lower, "UN Charter"));
                   }});
  rules.push_back({"uk.reference.article", {Word({"статт*"}), Number()}, [](const Parts& p) {
                     return std::optional<Value>(MakeReference("article", p[1].token->lower, ""));
                   }});

  // --- numbers -------------------------------------------------------------------------------
  rules.push_back({"uk.numeral.scale_alone", {Sense(Sense::kScale)}, [](const Parts& p) {
                     return std::optional<Value>(
                         MakeNumeral(Decimal::Integer(MeaningNumber(p[0])), true));
                   }});
  AddCommonRules(grammar, "uk");
  return grammar;
}

}  // namespace treaty::grammar
