#include "grammar/lv/latvian.h"

#include "grammar/core/common_rules.h"
#include "grammar/core/productions.h"

namespace treaty::grammar {

namespace {

// "gada" in "2024. gada 11. aprīlī" and the other forms of "gads" after an ordinal year.
Item YearWord() {
  return Word({"gads", "gada", "gadam", "gadu", "gadā", "gadi", "gadiem", "gados", "gadus"});
}

const CalendarDate& DateOf(const Part& part) { return ValueOf(part).date; }

}  // namespace

Grammar LatvianGrammar() {
  Grammar grammar(text::Language::kLatvian);
  grammar.number_format = {',', ' '};
  grammar.list_separators = {",", "un", ";"};
  AddLatvianLexicon(grammar.lexicon);
  std::vector<Rule>& rules = grammar.rules;

  // --- dates and years: an ordinal year with "gada", then day and month ------------------------
  rules.push_back({"lv.date.year_day_month",
                   {Number(NumberShape::kYear), Symbol({"."}), Word({"gada"}),
                    Number(NumberShape::kDay), Symbol({"."}), Sense(Sense::kMonth)},
                   [](const Parts& p) {
                     return std::optional<Value>(
                         MakeDate(IntegerOf(p[0]), MeaningNumber(p[5]), IntegerOf(p[3])));
                   }});
  rules.push_back(
      {"lv.date.year_month",
       {Number(NumberShape::kYear), Symbol({"."}), Word({"gada"}), Sense(Sense::kMonth)},
       [](const Parts& p) {
         return std::optional<Value>(MakeDate(IntegerOf(p[0]), MeaningNumber(p[3]), 0));
       }});
  rules.push_back(
      {"lv.date.day_month_impossible",
       {Number(NumberShape::kDay), Symbol({"."}), Sense(Sense::kMonth)},
       [](const Parts& p) { return CheckDayOfMonth(IntegerOf(p[0]), MeaningNumber(p[2])); }});
  rules.push_back({"lv.period.from_to_dates",
                   {Word({"no"}), Expr(Kind::kDate), Word({"līdz"}), Expr(Kind::kDate)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakePeriod(DateOf(p[1]), DateOf(p[3])));
                   }});
  rules.push_back({"lv.period.from_to_years",
                   {Word({"no"}), Expr(Kind::kYear), Word({"līdz"}), Expr(Kind::kYear)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakePeriod(DateOf(p[1]), DateOf(p[3])));
                   }});
  // "2026. - 2027. gada", "2024.–2026. gadā"
  rules.push_back(
      {"lv.period.year_dash_year",
       {Number(NumberShape::kYear), Symbol({"."}), Symbol({"-", "–", "—"}), Expr(Kind::kYear)},
       [](const Parts& p) {
         return std::optional<Value>(MakePeriod({IntegerOf(p[0]), 0, 0}, DateOf(p[3])));
       }});
  rules.push_back(
      {"lv.period.plain_years",
       {Number(NumberShape::kYear), Attached(Symbol({"-", "–", "—"})),
        Attached(Number(NumberShape::kYear))},
       [](const Parts& p) {
         return std::optional<Value>(MakePeriod({IntegerOf(p[0]), 0, 0}, {IntegerOf(p[2]), 0, 0}));
       }});
  // "2024., 2025. un 2026. gadā": the last year carries "gadā", the others only their dot.
  rules.push_back({"lv.years.pair",
                   {Number(NumberShape::kYear), Symbol({"."}), Word({"un"}), Expr(Kind::kYear)},
                   [](const Parts& p) {
                     Value value;
                     value.kind = Kind::kYears;
                     value.years = {IntegerOf(p[0]), DateOf(p[3]).year};
                     return std::optional<Value>(value);
                   }});
  rules.push_back({"lv.years.more",
                   {Number(NumberShape::kYear), Symbol({"."}), Symbol({","}), Expr(Kind::kYears)},
                   [](const Parts& p) {
                     Value value = ValueOf(p[3]);
                     value.years.insert(value.years.begin(), IntegerOf(p[0]));
                     return std::optional<Value>(value);
                   }});
  rules.push_back({"lv.year.ordinal",
                   {Number(NumberShape::kYear), Symbol({"."}), YearWord()},
                   [](const Parts& p) { return std::optional<Value>(MakeYear(IntegerOf(p[0]))); }});

  // --- money, per cent ----------------------------------------------------------------------
  rules.push_back({"lv.money.approximately",
                   {Word({"aptuveni", "apmēram", "ap"}), Expr(Kind::kMoney)},
                   [](const Parts& p) {
                     Value value = ValueOf(p[1]);
                     value.approx = true;
                     return std::optional<Value>(value);
                   }});
  rules.push_back({"lv.percent.of_gdp",
                   {Expr(Kind::kPercent), Optional(Word({"apmērā"})), Word({"no"}),
                    Word({"iekšzemes"}), Word({"kopprodukta"})},
                   [](const Parts& p) {
                     Value value = ValueOf(p[0]);
                     value.of = "GDP";
                     return std::optional<Value>(value);
                   }});
  rules.push_back(
      {"lv.percent.of_gdp_abbreviated",
       {Expr(Kind::kPercent), Optional(Word({"apmērā"})), Optional(Word({"no"})), Word({"ikp"})},
       [](const Parts& p) {
         Value value = ValueOf(p[0]);
         value.of = "GDP";
         return std::optional<Value>(value);
       }});
  rules.push_back(
      {"lv.percent.word",
       {Expr(Kind::kNumeral),
        Word({"procents", "procenti", "procentu", "procentiem", "procentus", "procentos"})},
       [](const Parts& p) { return std::optional<Value>(MakePercent(NumberOf(p[0]))); }});

  // --- durations with their bounds ------------------------------------------------------------
  rules.push_back({"lv.duration.at_least",
                   {Word({"vismaz"}), Expr(Kind::kDuration), Optional(Word({"iepriekš"}))},
                   [](const Parts& p) { return WithBound(p[1], "at_least"); }});
  rules.push_back({"lv.duration.not_less_than",
                   {Word({"ne"}), Word({"mazāk"}), Word({"kā"}), Expr(Kind::kDuration)},
                   [](const Parts& p) { return WithBound(p[3], "at_least"); }});
  rules.push_back({"lv.duration.no_later_than",
                   {Word({"ne"}), Word({"vēlāk"}), Word({"kā"}), Expr(Kind::kDuration)},
                   [](const Parts& p) { return WithBound(p[3], "no_later_than"); }});
  rules.push_back({"lv.duration.within",
                   {Expr(Kind::kDuration), Word({"laikā"})},
                   [](const Parts& p) { return WithBound(p[0], "within"); }});

  // --- recurrences ---------------------------------------------------------------------------
  rules.push_back({"lv.recurrence.each_year",
                   {Word({"ik", "katru"}), Word({"gadu", "gadus"})},
                   [](const Parts&) { return std::optional<Value>(MakeRecurrence("P1Y")); }});
  rules.push_back({"lv.recurrence.once_a_year",
                   {Word({"reizi"}), Word({"gadā"})},
                   [](const Parts&) { return std::optional<Value>(MakeRecurrence("P1Y")); }});
  rules.push_back({"lv.recurrence.annual", {Word({"ikgadēj*"})}, [](const Parts&) {
                     return std::optional<Value>(MakeRecurrence("P1Y"));
                   }});
  rules.push_back({"lv.recurrence.monthly", {Word({"ikmēneša*"})}, [](const Parts&) {
                     return std::optional<Value>(MakeRecurrence("P1M"));
                   }});

  // --- references ----------------------------------------------------------------------------
  rules.push_back(
      {"lv.reference.un_charter_article",
       {Word({"ano"}), Word({"statūtu", "statūtos"}), Number(), Symbol({"."}), Word({"pant*"})},
       [](const Parts& p) {
         return std::optional<Value>(MakeReference("article", p[2].token->lower, "UN Charter"));
       }});
  rules.push_back({"lv.reference.agreement_article",
                   {Word({"vienošanās"}), Number(), Symbol({"."}), Word({"pant*"})},
                   [](const Parts& p) {
                     return std::optional<Value>(
                         MakeReference("article", p[1].token->lower, "Agreement"));
                   }});
  rules.push_back(
      {"lv.reference.article", {Number(), Symbol({"."}), Word({"pant*"})}, [](const Parts& p) {
         return std::optional<Value>(MakeReference("article", p[0].token->lower, ""));
       }});
  rules.push_back(
      {"lv.reference.section", {Number(), Symbol({"."}), Word({"sadaļ*"})}, [](const Parts& p) {
         return std::optional<Value>(MakeReference("section", p[0].token->lower, ""));
       }});

  // --- numbers -------------------------------------------------------------------------------
  // "miljonu dronu": a scale word alone is one of it.
  rules.push_back({"lv.numeral.scale_alone", {Sense(Sense::kScale)}, [](const Parts& p) {
                     return std::optional<Value>(
                         MakeNumeral(Decimal::Integer(MeaningNumber(p[0])), true));
                   }});
  AddCommonRules(grammar, "lv");
  return grammar;
}

}  // namespace treaty::grammar
