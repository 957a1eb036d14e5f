#include "grammar/en/english.h"

#include "grammar/core/common_rules.h"
#include "grammar/core/productions.h"

namespace treaty::grammar {

namespace {

const CalendarDate& DateOf(const Part& part) { return ValueOf(part).date; }
CalendarDate YearOf(const Part& part) { return {IntegerOf(part), 0, 0}; }

Item OrdinalSuffix() { return Optional(Attached(Word({"st", "nd", "rd", "th"}))); }
Item Dash() { return Symbol({"-", "–", "—"}); }
Item Through() { return Word({"to", "until", "till", "through"}); }

std::optional<Value> OfInstrument(const Parts& p, std::string_view instrument) {
  return MakeReference("article", p[1].token->lower, instrument);
}

Value Years(std::vector<int> years) {
  Value value;
  value.kind = Kind::kYears;
  value.years = std::move(years);
  return value;
}

}  // namespace

Grammar EnglishGrammar() {
  Grammar grammar(text::Language::kEnglish);
  grammar.number_format = {'.', ','};
  grammar.list_separators = {",", "and", ";"};
  AddEnglishLexicon(grammar.lexicon);
  std::vector<Rule>& rules = grammar.rules;

  // --- dates ---------------------------------------------------------------------------------
  rules.push_back({"en.date.day_month_year",
                   {Number(NumberShape::kDay), OrdinalSuffix(), Optional(Word({"of"})),
                    Sense(Sense::kMonth), Optional(Symbol({","})), Number(NumberShape::kYear)},
                   [](const Parts& p) {
                     return std::optional<Value>(
                         MakeDate(IntegerOf(p[5]), MeaningNumber(p[3]), IntegerOf(p[0])));
                   }});
  rules.push_back({"en.date.month_day_year",
                   {Sense(Sense::kMonth), Number(NumberShape::kDay), OrdinalSuffix(),
                    Optional(Symbol({","})), Number(NumberShape::kYear)},
                   [](const Parts& p) {
                     return std::optional<Value>(
                         MakeDate(IntegerOf(p[4]), MeaningNumber(p[0]), IntegerOf(p[1])));
                   }});
  rules.push_back({"en.date.month_year",
                   {Sense(Sense::kMonth), Optional(Word({"of"})), Number(NumberShape::kYear)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakeDate(IntegerOf(p[2]), MeaningNumber(p[0]), 0));
                   }});
  rules.push_back(
      {"en.date.day_month_impossible",
       {Number(NumberShape::kDay), OrdinalSuffix(), Sense(Sense::kMonth)},
       [](const Parts& p) { return CheckDayOfMonth(IntegerOf(p[0]), MeaningNumber(p[2])); }});
  rules.push_back(
      {"en.date.month_day_impossible",
       {Sense(Sense::kMonth), Number(NumberShape::kDay)},
       [](const Parts& p) { return CheckDayOfMonth(IntegerOf(p[1]), MeaningNumber(p[0])); }});

  // --- periods and years ---------------------------------------------------------------------
  // "29-30 June 2023"
  rules.push_back({"en.period.day_range",
                   {Number(NumberShape::kDay), Dash(), Number(NumberShape::kDay),
                    Sense(Sense::kMonth), Number(NumberShape::kYear)},
                   [](const Parts& p) {
                     int year = IntegerOf(p[4]);
                     int month = static_cast<int>(MeaningNumber(p[3]));
                     Value from = MakeDate(year, month, IntegerOf(p[0]));
                     Value to = MakeDate(year, month, IntegerOf(p[2]));
                     if (from.kind == Kind::kBadDate) return std::optional<Value>(from);
                     if (to.kind == Kind::kBadDate) return std::optional<Value>(to);
                     return std::optional<Value>(MakePeriod(from.date, to.date));
                   }});
  rules.push_back(
      {"en.period.day_range_without_year",
       {Number(NumberShape::kDay), Dash(), Number(NumberShape::kDay), Sense(Sense::kMonth)},
       [](const Parts& p) -> std::optional<Value> {
         int month = static_cast<int>(MeaningNumber(p[3]));
         if (CheckDayOfMonth(IntegerOf(p[0]), month) || CheckDayOfMonth(IntegerOf(p[2]), month)) {
           return std::nullopt;
         }
         Value value;
         value.kind = Kind::kPeriodWithoutYear;
         value.from = {0, month, IntegerOf(p[0])};
         value.to = {0, month, IntegerOf(p[2])};
         return value;
       }});
  rules.push_back({"en.period.between_dates",
                   {Word({"between"}), Expr(Kind::kDate), Word({"and"}), Expr(Kind::kDate)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakePeriod(DateOf(p[1]), DateOf(p[3])));
                   }});
  rules.push_back({"en.period.from_to_dates",
                   {Word({"from"}), Expr(Kind::kDate), Through(), Expr(Kind::kDate)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakePeriod(DateOf(p[1]), DateOf(p[3])));
                   }});
  rules.push_back(
      {"en.period.between_years",
       {Word({"between"}), Number(NumberShape::kYear), Word({"and"}), Number(NumberShape::kYear)},
       [](const Parts& p) {
         return std::optional<Value>(MakePeriod(YearOf(p[1]), YearOf(p[3])));
       }});
  rules.push_back(
      {"en.period.from_to_years",
       {Word({"from"}), Number(NumberShape::kYear), Through(), Number(NumberShape::kYear)},
       [](const Parts& p) {
         return std::optional<Value>(MakePeriod(YearOf(p[1]), YearOf(p[3])));
       }});
  rules.push_back({"en.period.year_dash_year",
                   {Number(NumberShape::kYear), Dash(), Number(NumberShape::kYear)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakePeriod(YearOf(p[0]), YearOf(p[2])));
                   }});
  rules.push_back({"en.years.pair",
                   {Number(NumberShape::kYear), Optional(Symbol({","})), Word({"and"}),
                    Number(NumberShape::kYear)},
                   [](const Parts& p) {
                     return std::optional<Value>(Years({IntegerOf(p[0]), IntegerOf(p[3])}));
                   }});
  rules.push_back({"en.years.more",
                   {Number(NumberShape::kYear), Symbol({","}), Expr(Kind::kYears)},
                   [](const Parts& p) {
                     std::vector<int> years = ValueOf(p[2]).years;
                     years.insert(years.begin(), IntegerOf(p[0]));
                     return std::optional<Value>(Years(std::move(years)));
                   }});
  // "since 2014", "in 2024", "as of 1991": the preposition says it is a year, but is not part
  // of it.
  rules.push_back({"en.year.after_preposition",
                   {Context(Word({"in", "since", "for", "until", "by", "during", "before", "after",
                                  "throughout", "from"})),
                    Number(NumberShape::kYear)},
                   [](const Parts& p) { return std::optional<Value>(MakeYear(IntegerOf(p[1]))); }});
  rules.push_back({"en.year.as_of",
                   {Context(Word({"as"})), Context(Word({"of"})), Number(NumberShape::kYear)},
                   [](const Parts& p) { return std::optional<Value>(MakeYear(IntegerOf(p[2]))); }});

  // --- money, per cent ----------------------------------------------------------------------
  rules.push_back(
      {"en.money.approximately",
       {Word({"approximately", "about", "around", "roughly", "approx"}), Expr(Kind::kMoney)},
       [](const Parts& p) {
         Value value = ValueOf(p[1]);
         value.approx = true;
         return std::optional<Value>(value);
       }});
  rules.push_back({"en.percent.of_gdp",
                   {Expr(Kind::kPercent), Word({"of"}), Optional(Word({"the", "its"})),
                    Word({"gross"}), Word({"domestic"}), Word({"product"})},
                   [](const Parts& p) {
                     Value value = ValueOf(p[0]);
                     value.of = "GDP";
                     return std::optional<Value>(value);
                   }});
  rules.push_back(
      {"en.percent.of_gdp_abbreviated",
       {Expr(Kind::kPercent), Word({"of"}), Optional(Word({"the", "its"})), Word({"gdp"})},
       [](const Parts& p) {
         Value value = ValueOf(p[0]);
         value.of = "GDP";
         return std::optional<Value>(value);
       }});
  rules.push_back(
      {"en.percent.per_cent",
       {Expr(Kind::kNumeral), Word({"per"}), Word({"cent"})},
       [](const Parts& p) { return std::optional<Value>(MakePercent(NumberOf(p[0]))); }});
  rules.push_back(
      {"en.percent.percent", {Expr(Kind::kNumeral), Word({"percent"})}, [](const Parts& p) {
         return std::optional<Value>(MakePercent(NumberOf(p[0])));
       }});

  // --- durations -----------------------------------------------------------------------------
  // "a ten-year period": the article is the count.
  rules.push_back({"en.duration.a_hyphenated_period",
                   {Word({"a", "an"}), Expr(Kind::kNumeral), Dash(), Sense(Sense::kTimeUnit),
                    Word({"period", "term", "duration"})},
                   [](const Parts& p) { return MakeDuration(NumberOf(p[1]), MeaningCode(p[3])); }});
  rules.push_back({"en.duration.hyphenated",
                   {Expr(Kind::kNumeral), Dash(), Sense(Sense::kTimeUnit),
                    Optional(Word({"period", "term", "duration"}))},
                   [](const Parts& p) { return MakeDuration(NumberOf(p[0]), MeaningCode(p[2])); }});
  rules.push_back({"en.duration.within",
                   {Word({"within"}), Expr(Kind::kDuration)},
                   [](const Parts& p) { return WithBound(p[1], "within"); }});
  rules.push_back({"en.duration.no_later_than",
                   {Word({"no", "not"}), Word({"later"}), Word({"than"}), Expr(Kind::kDuration)},
                   [](const Parts& p) { return WithBound(p[3], "no_later_than"); }});
  rules.push_back({"en.duration.at_least",
                   {Word({"at"}), Word({"least"}), Expr(Kind::kDuration), Optional(Word({"in"})),
                    Optional(Word({"advance"}))},
                   [](const Parts& p) -> std::optional<Value> {
                     if (p[3].matched != p[4].matched) return std::nullopt;
                     return WithBound(p[2], "at_least");
                   }});

  // --- recurrences ---------------------------------------------------------------------------
  rules.push_back({"en.recurrence.annual",
                   {Word({"annual", "annually", "yearly"})},
                   [](const Parts&) { return std::optional<Value>(MakeRecurrence("P1Y")); }});
  rules.push_back({"en.recurrence.each_year",
                   {Word({"each", "every"}), Word({"year"})},
                   [](const Parts&) { return std::optional<Value>(MakeRecurrence("P1Y")); }});
  rules.push_back({"en.recurrence.monthly", {Word({"monthly"})}, [](const Parts&) {
                     return std::optional<Value>(MakeRecurrence("P1M"));
                   }});

  // --- references ----------------------------------------------------------------------------
  rules.push_back(
      {"en.reference.article_of_un_charter",
       {Word({"article"}), Number(), Word({"of"}), Word({"the"}), Word({"un"}), Word({"charter"})},
       [](const Parts& p) { return OfInstrument(p, "UN Charter"); }});
  rules.push_back({"en.reference.article_of_united_nations_charter",
                   {Word({"article"}), Number(), Word({"of"}), Word({"the"}), Word({"united"}),
                    Word({"nations"}), Word({"charter"})},
                   [](const Parts& p) { return OfInstrument(p, "UN Charter"); }});
  rules.push_back(
      {"en.reference.article_of_agreement",
       {Word({"article"}), Number(), Word({"of"}), Word({"the", "this"}), Word({"agreement"})},
       [](const Parts& p) { return OfInstrument(p, "Agreement"); }});
  rules.push_back({"en.reference.article_of_north_atlantic_treaty",
                   {Word({"article"}), Number(), Word({"of"}), Word({"the"}), Word({"north"}),
                    Word({"atlantic"}), Word({"treaty"})},
                   [](const Parts& p) { return OfInstrument(p, "North Atlantic Treaty"); }});
  rules.push_back({"en.reference.article", {Word({"article"}), Number()}, [](const Parts& p) {
                     return OfInstrument(p, "");
                   }});

  // --- numbers -------------------------------------------------------------------------------
  rules.push_back(
      {"en.numeral.a_scale", {Word({"a", "one"}), Sense(Sense::kScale)}, [](const Parts& p) {
         return std::optional<Value>(MakeNumeral(Decimal::Integer(MeaningNumber(p[1])), true));
       }});
  AddCommonRules(grammar, "en");
  return grammar;
}

}  // namespace treaty::grammar
