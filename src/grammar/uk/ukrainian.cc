#include "grammar/uk/ukrainian.h"

#include <string>
#include <string_view>
#include <vector>

#include "grammar/core/common_rules.h"
#include "grammar/core/productions.h"

namespace treaty::grammar {

namespace {

const CalendarDate& DateOf(const Part& part) { return ValueOf(part).date; }
CalendarDate YearOf(const Part& part) { return {IntegerOf(part), 0, 0}; }

Item Dash() { return Symbol({"-", "–", "—"}); }
Item From() { return Word({"з", "із", "від"}); }
Item To() { return Word({"по", "до"}); }
Item And() { return Word({"і", "й", "та"}); }
// "року" after a date, or its abbreviation "р."
Item DateYearWord() { return Word({"року", "р"}); }
// "рік" after a year or a list of years, in every case, or abbreviated: "р.", "рр."
Item YearWord() {
  return Word({"рік", "року", "році", "роком", "роки", "років", "роках", "роками", "р", "рр"});
}
// The dot of "р." and "рр."; a dot after a whole word ends the sentence and is no part of it.
Item AbbreviationDot() { return Optional(Attached(Symbol({"."}))); }
bool DotFits(const Part& word, const Part& dot) {
  return !dot.matched || (word.matched && (word.token->lower == "р" || word.token->lower == "рр"));
}

// A period between two dates, or the bad date among them.
// "статті 51 ...": the article number follows the noun.
std::optional<Value> ArticleOf(const Parts& p, std::string_view instrument) {
  return MakeReference("article", p[1].token->lower, instrument);
}

// "десятирічного строку", "шестимісячний строк", "30-денний термін": the length of a term in
// one adjective, a number stem then a unit stem.
struct NumberStem {
  std::string_view stem;
  int value;
};
constexpr NumberStem kNumberStems[] = {
    {"одно", 1},        {"дво", 2},          {"три", 3},          {"чотири", 4},
    {"п’яти", 5},       {"п'яти", 5},        {"шести", 6},        {"семи", 7},
    {"восьми", 8},      {"дев’яти", 9},      {"дев'яти", 9},      {"десяти", 10},
    {"дванадцяти", 12}, {"п’ятнадцяти", 15}, {"п'ятнадцяти", 15}, {"двадцяти", 20},
    {"тридцяти", 30},   {"шістдесяти", 60},  {"дев’яносто", 90},  {"дев'яносто", 90},
};
struct UnitStem {
  std::string_view stem;
  std::string_view unit;
};
constexpr UnitStem kUnitStems[] = {{"річн", "Y"}, {"місячн", "M"}, {"тижнев", "W"}, {"денн", "D"}};

Item TermNoun() { return Word({"строк*", "термін*", "період*"}); }

// The ISO 8601 unit of a word that starts with a unit stem, or "".
std::string_view UnitOf(std::string_view word) {
  for (const UnitStem& unit : kUnitStems) {
    if (word.starts_with(unit.stem)) return unit.unit;
  }
  return "";
}

// A scale word alone is one of it ("мільйон дронів", "постачання мільйона дронів"), but only in
// the singular: "мільйони євро", "тисячі дронів" are "millions", "thousands", no number.
struct ScaleForm {
  std::string_view form;
  int64_t value;
};
constexpr ScaleForm kSingularScales[] = {
    {"тисяча", 1'000},           {"тисячу", 1'000},           {"тисячею", 1'000},
    {"мільйон", 1'000'000},      {"мільйона", 1'000'000},     {"мільйону", 1'000'000},
    {"мільйоном", 1'000'000},    {"мільйоні", 1'000'000},     {"мільярд", 1'000'000'000},
    {"мільярда", 1'000'000'000}, {"мільярду", 1'000'000'000}, {"мільярдом", 1'000'000'000},
    {"мільярді", 1'000'000'000},
};

// Words after an amount that name its currency more closely: "доларів США", "фунтів стерлінгів".
struct CurrencyQualifier {
  std::string_view word;
  std::string_view currency;
};
constexpr CurrencyQualifier kCurrencyQualifiers[] = {
    {"сша", "USD"}, {"стерлінгів", "GBP"}, {"стерлінга", "GBP"}, {"стерлінги", "GBP"}};

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
                    Optional(DateYearWord()), AbbreviationDot()},
                   [](const Parts& p) -> std::optional<Value> {
                     if (!DotFits(p[3], p[4])) return std::nullopt;
                     return MakeDate(IntegerOf(p[2]), MeaningNumber(p[1]), IntegerOf(p[0]));
                   }});
  // "11.04.2024", "11.04.2024 р."
  rules.push_back(
      {"uk.date.numeric",
       {Number(NumberShape::kDay), Attached(Symbol({"."})), Attached(Number(NumberShape::kDay)),
        Attached(Symbol({"."})), Attached(Number(NumberShape::kYear)), Optional(DateYearWord()),
        AbbreviationDot()},
       [](const Parts& p) -> std::optional<Value> {
         int month = IntegerOf(p[2]);
         if (month > 12 || !DotFits(p[5], p[6])) return std::nullopt;
         return MakeDate(IntegerOf(p[4]), month, IntegerOf(p[0]));
       }});
  // "лютого 2022 року", "у лютому 2022 р."
  rules.push_back({"uk.date.month_year",
                   {Sense(Sense::kMonth), Number(NumberShape::kYear), Optional(DateYearWord()),
                    AbbreviationDot()},
                   [](const Parts& p) -> std::optional<Value> {
                     if (!DotFits(p[2], p[3])) return std::nullopt;
                     return MakeDate(IntegerOf(p[1]), MeaningNumber(p[0]), 0);
                   }});
  rules.push_back(
      {"uk.date.day_month_impossible",
       {Number(NumberShape::kDay), Sense(Sense::kMonth)},
       [](const Parts& p) { return CheckDayOfMonth(IntegerOf(p[0]), MeaningNumber(p[1])); }});

  // --- periods -------------------------------------------------------------------------------
  rules.push_back({"uk.period.from_to_dates",
                   {From(), Expr(Kind::kDate), To(), Expr(Kind::kDate)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakePeriod(DateOf(p[1]), DateOf(p[3])));
                   }});
  // "з 1 січня по 31 грудня 2024 року": the first date takes the year of the second.
  rules.push_back(
      {"uk.period.from_day_month_to_date",
       {From(), Number(NumberShape::kDay), Sense(Sense::kMonth), To(), Expr(Kind::kDate)},
       [](const Parts& p) -> std::optional<Value> {
         const CalendarDate& to = DateOf(p[4]);
         if (to.day == 0) return std::nullopt;
         Value from = MakeDate(to.year, MeaningNumber(p[2]), IntegerOf(p[1]));
         return MakePeriodOfDates(from, ValueOf(p[4]));
       }});
  // "з 29 по 30 червня 2023 року": the first day takes the month and year of the date.
  rules.push_back({"uk.period.from_day_to_date",
                   {From(), Number(NumberShape::kDay), To(), Expr(Kind::kDate)},
                   [](const Parts& p) -> std::optional<Value> {
                     const CalendarDate& to = DateOf(p[3]);
                     if (to.day == 0) return std::nullopt;
                     Value from = MakeDate(to.year, to.month, IntegerOf(p[1]));
                     return MakePeriodOfDates(from, ValueOf(p[3]));
                   }});
  rules.push_back(
      {"uk.period.day_range",
       {Number(NumberShape::kDay), Dash(), Number(NumberShape::kDay), Sense(Sense::kMonth),
        Number(NumberShape::kYear), Optional(DateYearWord()), AbbreviationDot()},
       [](const Parts& p) -> std::optional<Value> {
         if (!DotFits(p[5], p[6])) return std::nullopt;
         return MakeDayRange(IntegerOf(p[4]), static_cast<int>(MeaningNumber(p[3])),
                             IntegerOf(p[0]), IntegerOf(p[2]));
       }});
  // "29–30 червня, 26–27 жовтня та 14–15 грудня 2023 року": the year comes at the list's end.
  rules.push_back(
      {"uk.period.day_range_without_year",
       {Number(NumberShape::kDay), Dash(), Number(NumberShape::kDay), Sense(Sense::kMonth)},
       [](const Parts& p) {
         return MakePeriodWithoutYear(static_cast<int>(MeaningNumber(p[3])), IntegerOf(p[0]),
                                      IntegerOf(p[2]));
       }});
  // "з 2024 по 2026 рік", "з 2024 року до 2026 року", "з 2024 р. по 2026 р."
  rules.push_back({"uk.period.from_to_years",
                   {From(), Number(NumberShape::kYear), Optional(YearWord()), AbbreviationDot(),
                    To(), Number(NumberShape::kYear), Optional(YearWord()), AbbreviationDot()},
                   [](const Parts& p) -> std::optional<Value> {
                     if (!DotFits(p[2], p[3]) || !DotFits(p[6], p[7])) return std::nullopt;
                     return MakePeriod(YearOf(p[1]), YearOf(p[5]));
                   }});
  rules.push_back({"uk.period.between_years",
                   {Word({"між"}), Number(NumberShape::kYear), And(), Number(NumberShape::kYear),
                    Optional(YearWord()), AbbreviationDot()},
                   [](const Parts& p) -> std::optional<Value> {
                     if (!DotFits(p[4], p[5])) return std::nullopt;
                     return MakePeriod(YearOf(p[1]), YearOf(p[3]));
                   }});
  rules.push_back({"uk.period.year_dash_year",
                   {Number(NumberShape::kYear), Dash(), Number(NumberShape::kYear),
                    Optional(YearWord()), AbbreviationDot()},
                   [](const Parts& p) -> std::optional<Value> {
                     if (!DotFits(p[3], p[4])) return std::nullopt;
                     return MakePeriod(YearOf(p[0]), YearOf(p[2]));
                   }});

  // --- years ---------------------------------------------------------------------------------
  // Only the last year of a list carries "роках": "2022 та 2023 роках", "2024, 2025 і 2026 рр."
  rules.push_back({"uk.years.pair",
                   {Number(NumberShape::kYear), And(), Number(NumberShape::kYear),
                    Optional(YearWord()), AbbreviationDot()},
                   [](const Parts& p) -> std::optional<Value> {
                     if (!DotFits(p[3], p[4])) return std::nullopt;
                     return MakeYears({IntegerOf(p[0]), IntegerOf(p[2])});
                   }});
  rules.push_back({"uk.years.more",
                   {Number(NumberShape::kYear), Symbol({","}), Expr(Kind::kYears)},
                   [](const Parts& p) {
                     std::vector<int> years = ValueOf(p[2]).years;
                     years.insert(years.begin(), IntegerOf(p[0]));
                     return std::optional<Value>(MakeYears(std::move(years)));
                   }});
  // A bare number is a year only with "рік": "2024 року", "у 2024 році", "1991 рік", "2024 р."
  rules.push_back({"uk.year.with_word",
                   {Number(NumberShape::kYear), YearWord(), AbbreviationDot()},
                   [](const Parts& p) -> std::optional<Value> {
                     if (!DotFits(p[1], p[2])) return std::nullopt;
                     return MakeYear(IntegerOf(p[0]));
                   }});

  // --- money, per cent ----------------------------------------------------------------------
  rules.push_back({"uk.money.approximately",
                   {Word({"близько", "приблизно", "орієнтовно"}), Expr(Kind::kMoney)},
                   [](const Parts& p) {
                     Value value = ValueOf(p[1]);
                     value.approx = true;
                     return std::optional<Value>(value);
                   }});
  // Bounds: "щонайменше 100 мільйонів євро", "понад 1 % ВВП". "до" (up to) is left out: it is
  // also "to" before an amount ("доведення до 1 %").
  AddAmountBound(rules, "uk", "at_least", {Word({"щонайменше", "принаймні", "мінімум"})},
                 "at_least");
  AddAmountBound(rules, "uk", "not_less_than",
                 {Word({"не"}), Word({"менше", "менш"}), Optional(Word({"ніж", "як"}))},
                 "at_least");
  AddAmountBound(rules, "uk", "more_than",
                 {Word({"понад", "більше", "більш"}), Optional(Word({"ніж", "як"}))}, "more_than");
  AddAmountBound(rules, "uk", "not_more_than",
                 {Word({"не"}), Word({"більше", "більш"}), Optional(Word({"ніж", "як"}))}, "up_to");
  rules.push_back({"uk.money.currency_qualifier",
                   {Expr(Kind::kMoney), Word({"сша", "стерлінгів", "стерлінга", "стерлінги"})},
                   [](const Parts& p) -> std::optional<Value> {
                     for (const CurrencyQualifier& qualifier : kCurrencyQualifiers) {
                       if (p[1].token->lower == qualifier.word &&
                           ValueOf(p[0]).code == qualifier.currency) {
                         return ValueOf(p[0]);
                       }
                     }
                     return std::nullopt;
                   }});
  // "100 млн дол. США": "дол." alone is too short a word to mean dollars.
  rules.push_back(
      {"uk.money.dollars_abbreviated",
       {Expr(Kind::kNumeral), Word({"дол"}), Attached(Symbol({"."})), Word({"сша"})},
       [](const Parts& p) { return std::optional<Value>(MakeMoney(NumberOf(p[0]), "USD")); }});
  rules.push_back({"uk.percent.of_gdp_abbreviated",
                   {Expr(Kind::kPercent), Optional(Word({"від"})), Word({"ввп"})},
                   [](const Parts& p) { return std::optional<Value>(WithOf(p[0], "GDP")); }});
  rules.push_back({"uk.percent.of_gdp",
                   {Expr(Kind::kPercent), Optional(Word({"від"})), Word({"валового"}),
                    Word({"внутрішнього"}), Word({"продукту"})},
                   [](const Parts& p) { return std::optional<Value>(WithOf(p[0], "GDP")); }});
  // The noun's own forms: "відсоткових пунктів" are percentage points, not per cent.
  rules.push_back(
      {"uk.percent.word",
       {Expr(Kind::kNumeral), Word({"відсоток", "відсотка", "відсотки", "відсотків", "відсоткам",
                                    "відсотками", "відсотках", "процент", "процента", "проценти",
                                    "процентів", "процентам", "процентами", "процентах"})},
       [](const Parts& p) { return std::optional<Value>(MakePercent(NumberOf(p[0]))); }});

  // --- durations -----------------------------------------------------------------------------
  // "протягом" is both "within" and "for": a span of hours, days or weeks is a time limit
  // ("протягом 24 годин"), a span of months or years is how long something lasts ("діє протягом
  // десяти років").
  rules.push_back({"uk.duration.within",
                   {Word({"протягом", "впродовж", "упродовж"}), Expr(Kind::kDuration)},
                   [](const Parts& p) -> std::optional<Value> {
                     const std::string& code = ValueOf(p[1]).code;
                     if (code.back() != 'H' && code.back() != 'D' && code.back() != 'W') {
                       return std::nullopt;
                     }
                     return WithBound(p[1], "within");
                   }});
  rules.push_back({"uk.duration.no_later_than",
                   {Word({"не"}), Word({"пізніше", "пізніш"}), Optional(Word({"ніж", "як"})),
                    Optional(Word({"за", "через"})), Expr(Kind::kDuration)},
                   [](const Parts& p) { return WithBound(p[4], "no_later_than"); }});
  rules.push_back({"uk.duration.at_least",
                   {Word({"щонайменше", "принаймні", "мінімум"}), Optional(Word({"за"})),
                    Expr(Kind::kDuration)},
                   [](const Parts& p) { return WithBound(p[2], "at_least"); }});
  rules.push_back({"uk.duration.not_less_than",
                   {Word({"не"}), Word({"менше", "менш"}), Optional(Word({"ніж", "як"})),
                    Optional(Word({"за"})), Expr(Kind::kDuration)},
                   [](const Parts& p) { return WithBound(p[4], "at_least"); }});
  // Hours by their own forms only: "о 10 годині" (locative) is a time of day.
  rules.push_back({"uk.duration.hours",
                   {Expr(Kind::kNumeral), Word({"година", "години", "годин", "годину"})},
                   [](const Parts& p) { return MakeDuration(NumberOf(p[0]), "H"); }});
  // "30 календарних днів"
  rules.push_back({"uk.duration.calendar",
                   {Expr(Kind::kNumeral), Word({"календарн*"}), Sense(Sense::kTimeUnit)},
                   [](const Parts& p) { return MakeDuration(NumberOf(p[0]), MeaningCode(p[2])); }});
  Item span_adjective = Word({});
  for (const NumberStem& number : kNumberStems) {
    span_adjective.words.push_back(std::string(number.stem) + "*");
  }
  rules.push_back({"uk.duration.span_adjective",
                   {span_adjective, TermNoun()},
                   [](const Parts& p) -> std::optional<Value> {
                     std::string_view word = p[0].token->lower;
                     for (const NumberStem& number : kNumberStems) {
                       if (!word.starts_with(number.stem)) continue;
                       std::string_view unit = UnitOf(word.substr(number.stem.size()));
                       if (!unit.empty()) return MakeDuration(Decimal::Integer(number.value), unit);
                     }
                     return std::nullopt;
                   }});
  Item unit_adjective = Word({});
  for (const UnitStem& unit : kUnitStems) {
    unit_adjective.words.push_back(std::string(unit.stem) + "*");
  }
  rules.push_back(
      {"uk.duration.digits_span_adjective",
       {Number(), Attached(Symbol({"-"})), Attached(unit_adjective), TermNoun()},
       [](const Parts& p) { return MakeDuration(NumberOf(p[0]), UnitOf(p[2].token->lower)); }});

  // --- recurrences ---------------------------------------------------------------------------
  rules.push_back({"uk.recurrence.annual", {Word({"щорічн*", "щороку"})}, [](const Parts&) {
                     return std::optional<Value>(MakeRecurrence("P1Y"));
                   }});
  rules.push_back({"uk.recurrence.monthly", {Word({"щомісячн*", "щомісяця"})}, [](const Parts&) {
                     return std::optional<Value>(MakeRecurrence("P1M"));
                   }});
  rules.push_back({"uk.recurrence.each_year",
                   {Word({"кожного", "кожен", "кожний"}), Word({"року", "рік"})},
                   [](const Parts&) { return std::optional<Value>(MakeRecurrence("P1Y")); }});
  rules.push_back({"uk.recurrence.each_month",
                   {Word({"кожного", "кожен", "кожний"}), Word({"місяця", "місяць"})},
                   [](const Parts&) { return std::optional<Value>(MakeRecurrence("P1M")); }});
  rules.push_back({"uk.recurrence.weekly", {Word({"щотижн*"})}, [](const Parts&) {
                     return std::optional<Value>(MakeRecurrence("P1W"));
                   }});
  rules.push_back({"uk.recurrence.quarterly", {Word({"щоквартал*"})}, [](const Parts&) {
                     return std::optional<Value>(MakeRecurrence("P3M"));
                   }});
  // "раз на рік", "один раз на місяць"
  rules.push_back(
      {"uk.recurrence.once_a",
       {Word({"один", "раз"}), Optional(Word({"раз"})), Word({"на"}), Word({"рік", "місяць"})},
       [](const Parts& p) -> std::optional<Value> {
         if ((p[0].token->lower == "один") != p[1].matched) return std::nullopt;
         return MakeRecurrence(p[3].token->lower == "рік" ? "P1Y" : "P1M");
       }});
  // "раз на два роки", "кожні шість місяців": the span is the period of the recurrence.
  rules.push_back(
      {"uk.recurrence.once_per_span",
       {Word({"один", "раз"}), Optional(Word({"раз"})), Word({"на"}), Expr(Kind::kDuration)},
       [](const Parts& p) -> std::optional<Value> {
         const Value& span = ValueOf(p[3]);
         if ((p[0].token->lower == "один") != p[1].matched || !span.bound.empty()) {
           return std::nullopt;
         }
         return MakeRecurrence(span.code);
       }});
  rules.push_back({"uk.recurrence.every_span",
                   {Word({"кожні", "кожних"}), Expr(Kind::kDuration)},
                   [](const Parts& p) -> std::optional<Value> {
                     const Value& span = ValueOf(p[1]);
                     if (!span.bound.empty()) return std::nullopt;
                     return MakeRecurrence(span.code);
                   }});

  // --- references ----------------------------------------------------------------------------
  rules.push_back({"uk.reference.un_charter_article",
                   {Word({"статт*"}), Number(), Word({"статуту"}), Word({"оон"})},
                   [](const Parts& p) { return ArticleOf(p, "UN Charter"); }});
  rules.push_back({"uk.reference.united_nations_charter_article",
                   {Word({"статт*"}), Number(), Word({"статуту"}), Word({"організації"}),
                    Word({"об’єднаних", "об'єднаних", "обʼєднаних"}), Word({"націй"})},
                   [](const Parts& p) { return ArticleOf(p, "UN Charter"); }});
  rules.push_back({"uk.reference.north_atlantic_treaty_article",
                   {Word({"статт*"}), Number(), Word({"північноатлантичного"}), Word({"договору"})},
                   [](const Parts& p) { return ArticleOf(p, "North Atlantic Treaty"); }});
  // "цієї Угоди" is this agreement; a bare "Угоди" may be another one ("Угоди про асоціацію").
  rules.push_back({"uk.reference.agreement_article",
                   {Word({"статт*"}), Number(), Word({"цієї"}), Word({"угоди"})},
                   [](const Parts& p) { return ArticleOf(p, "Agreement"); }});
  rules.push_back({"uk.reference.article", {Word({"статт*"}), Number()}, [](const Parts& p) {
                     return ArticleOf(p, "");
                   }});

  // --- numbers -------------------------------------------------------------------------------
  rules.push_back({"uk.numeral.scale_alone",
                   {Sense(Sense::kScale)},
                   [](const Parts& p) -> std::optional<Value> {
                     for (const ScaleForm& scale : kSingularScales) {
                       if (p[0].token->lower == scale.form) {
                         return MakeNumeral(Decimal::Integer(scale.value), true);
                       }
                     }
                     return std::nullopt;
                   }});
  // "сто дванадцять", "двісті п’ятдесят": hundreds, then tens and units.
  rules.push_back({"uk.numeral.hundreds",
                   {Sense(Sense::kNumber), Expr(Kind::kNumeral)},
                   [](const Parts& p) -> std::optional<Value> {
                     int64_t hundreds = MeaningNumber(p[0]);
                     const Value& rest = ValueOf(p[1]);
                     std::optional<int64_t> below = rest.number.ToInteger();
                     if (hundreds < 100 || hundreds > 900 || hundreds % 100 != 0 ||
                         !rest.from_words || !below || *below < 1 || *below > 99) {
                       return std::nullopt;
                     }
                     return MakeNumeral(Decimal::Integer(hundreds + *below), true);
                   }});
  rules.push_back({"uk.numeral.one_and_a_half", {Word({"півтора", "півтори"})}, [](const Parts&) {
                     return std::optional<Value>(MakeNumeral(*Decimal::Parse("1", "5"), true));
                   }});
  // "110 млн. євро", "10 тис. євро": the abbreviation's dot belongs to the number.
  rules.push_back({"uk.numeral.scale_abbreviated",
                   {Expr(Kind::kNumeral), Sense(Sense::kScale), Attached(Symbol({"."}))},
                   [](const Parts& p) -> std::optional<Value> {
                     const std::string_view scale = p[1].token->lower;
                     if (scale != "тис" && scale != "млн" && scale != "млрд") return std::nullopt;
                     return Scaled(p[0], p[1]);
                   }});
  AddCommonRules(grammar, "uk");
  return grammar;
}

}  // namespace treaty::grammar
