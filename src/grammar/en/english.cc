#include "grammar/en/english.h"

#include <string>

#include "grammar/core/common_rules.h"
#include "grammar/core/productions.h"

namespace treaty::grammar {

namespace {

const CalendarDate& DateOf(const Part& part) { return ValueOf(part).date; }
CalendarDate YearOf(const Part& part) { return {IntegerOf(part), 0, 0}; }

Item OrdinalSuffix() { return Optional(Attached(Word({"st", "nd", "rd", "th"}))); }
Item Dash() { return Symbol({"-", "–", "—"}); }
Item Through() { return Word({"to", "until", "till", "through"}); }
// "of the GDP", "of its annual GDP", "of their gross domestic product"
Item GdpDeterminer() { return Optional(Word({"the", "its", "their"})); }

// A number token written with digits only, `min` to `max` of them.
bool PlainDigits(const Part& part, int min, int max) {
  return part.token->plain && part.token->integer_digits >= min &&
         part.token->integer_digits <= max;
}

// Optional items that must match together or not at all ("(7)" after "Article 42").
bool AllOrNone(const Parts& p, std::initializer_list<size_t> indices) {
  size_t matched = 0;
  for (size_t i : indices) matched += p[i].matched ? 1 : 0;
  return matched == 0 || matched == indices.size();
}

// "29 June – 1 July 2023": the first day takes the year of the date that ends the period, or
// the year before when its month comes later ("30 December – 2 January 2024").
std::optional<Value> DayMonthToDate(const Part& day, const Part& month, const Part& end) {
  const CalendarDate& to = DateOf(end);
  if (to.day == 0) return std::nullopt;
  int from_month = static_cast<int>(MeaningNumber(month));
  int from_day = IntegerOf(day);
  bool year_before = from_month > to.month || (from_month == to.month && from_day > to.day);
  Value from = MakeDate(year_before ? to.year - 1 : to.year, from_month, from_day);
  if (from.kind == Kind::kBadDate) return from;
  return MakePeriod(from.date, to);
}

// "250.000 EUR", "1.500.000 EUR": thousands grouped with dots, as writers used to a decimal comma
// do in English text; an amount of money is never written with three decimals. Nullopt when the
// number is an ordinary decimal.
std::optional<Decimal> DottedThousands(const Part& number, const Part& dot, const Part& group) {
  std::string_view written = number.token->lower;
  size_t point = written.find('.');
  if (point == std::string_view::npos || point == 0 || point > 3 || written.size() != point + 4) {
    return std::nullopt;
  }
  std::string digits =
      std::string(written.substr(0, point)) + std::string(written.substr(point + 1));
  if (dot.matched != group.matched) return std::nullopt;
  if (group.matched) {
    if (!PlainDigits(group, 3, 3)) return std::nullopt;
    digits += group.token->lower;
  }
  return Decimal::Parse(digits, "");
}

// "3,3", "0,25": a decimal comma, as writers used to one keep it in English text. Nullopt unless
// both parts are short runs of digits.
std::optional<Decimal> DecimalComma(const Part& whole, const Part& fraction) {
  if (!PlainDigits(whole, 1, 3) || !PlainDigits(fraction, 1, 2)) return std::nullopt;
  return Decimal::Parse(whole.token->lower, fraction.token->lower);
}

// "Norwegian kroner", "US dollars": a currency named by its country.
struct NamedCurrency {
  std::string_view adjective;
  std::vector<std::string_view> nouns;
  std::string_view code;
};

const std::vector<NamedCurrency>& NamedCurrencies() {
  static const std::vector<NamedCurrency> kCurrencies = {
      {"us", {"dollar", "dollars"}, "USD"},
      {"american", {"dollar", "dollars"}, "USD"},
      {"canadian", {"dollar", "dollars"}, "CAD"},
      {"australian", {"dollar", "dollars"}, "AUD"},
      {"norwegian", {"krone", "kroner"}, "NOK"},
      {"danish", {"krone", "kroner"}, "DKK"},
      {"swedish", {"krona", "kronor"}, "SEK"},
      {"icelandic", {"krona", "kronur", "króna", "krónur"}, "ISK"},
      {"swiss", {"franc", "francs"}, "CHF"},
      {"japanese", {"yen"}, "JPY"},
      {"british", {"pound", "pounds"}, "GBP"},
      {"polish", {"zloty", "zlotys"}, "PLN"},
      {"czech", {"koruna", "korunas", "koruny"}, "CZK"},
      {"ukrainian", {"hryvnia", "hryvnias"}, "UAH"},
  };
  return kCurrencies;
}

std::optional<Value> MoneyInNamedCurrency(const Part& amount, const Part& adjective,
                                          const Part& noun) {
  for (const NamedCurrency& currency : NamedCurrencies()) {
    if (currency.adjective != adjective.token->lower) continue;
    for (std::string_view form : currency.nouns) {
      if (form == noun.token->lower) return MakeMoney(NumberOf(amount), currency.code);
    }
  }
  return std::nullopt;
}

// An article's number as written: "51", "42(7)".
std::string ArticleNumber(const Parts& p) {
  std::string number(p[1].token->lower);
  if (p[3].matched) number += "(" + std::string(p[3].token->lower) + ")";
  return number;
}

// "Article 51", "Article 42(7)", then `after` (the instrument's words), as one pattern.
std::vector<Item> ArticlePattern(std::initializer_list<Item> after) {
  std::vector<Item> pattern = {Word({"article"}), Number(), Optional(Attached(Symbol({"("}))),
                               Optional(Attached(Number())), Optional(Attached(Symbol({")"})))};
  pattern.insert(pattern.end(), after.begin(), after.end());
  return pattern;
}

void AddArticleOf(std::vector<Rule>& rules, std::string name, std::initializer_list<Item> words,
                  std::string_view instrument) {
  rules.push_back({std::move(name), ArticlePattern(words),
                   [instrument](const Parts& p) -> std::optional<Value> {
                     if (!AllOrNone(p, {2, 3, 4})) return std::nullopt;
                     return MakeReference("article", ArticleNumber(p), instrument);
                   }});
}

std::optional<Value> RecurrenceOfUnit(const Part& unit) {
  std::string_view code = MeaningCode(unit);
  return MakeRecurrence(code == "H" ? "PT1H" : "P1" + std::string(code));
}

Rule Recurrence(std::string name, std::vector<Item> pattern, std::string_view period) {
  return {std::move(name), std::move(pattern),
          [period](const Parts&) { return std::optional<Value>(MakeRecurrence(period)); }};
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
  // "2024-04-11": ISO 8601, month and day with two digits each.
  rules.push_back({"en.date.iso",
                   {Number(NumberShape::kYear), Attached(Symbol({"-"})), Attached(Number()),
                    Attached(Symbol({"-"})), Attached(Number())},
                   [](const Parts& p) -> std::optional<Value> {
                     if (!PlainDigits(p[2], 2, 2) || !PlainDigits(p[4], 2, 2)) return std::nullopt;
                     return MakeDate(IntegerOf(p[0]), IntegerOf(p[2]), IntegerOf(p[4]));
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
                     return std::optional<Value>(MakeDayRange(IntegerOf(p[4]),
                                                              static_cast<int>(MeaningNumber(p[3])),
                                                              IntegerOf(p[0]), IntegerOf(p[2])));
                   }});
  // "June 29-30, 2023"
  rules.push_back({"en.period.month_day_range",
                   {Sense(Sense::kMonth), Number(NumberShape::kDay), Dash(),
                    Number(NumberShape::kDay), Optional(Symbol({","})), Number(NumberShape::kYear)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakeDayRange(IntegerOf(p[5]),
                                                              static_cast<int>(MeaningNumber(p[0])),
                                                              IntegerOf(p[1]), IntegerOf(p[3])));
                   }});
  // "from 29 to 30 June 2023"
  rules.push_back({"en.period.from_day_to_day",
                   {Word({"from"}), Number(NumberShape::kDay), Through(), Number(NumberShape::kDay),
                    Sense(Sense::kMonth), Number(NumberShape::kYear)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakeDayRange(IntegerOf(p[5]),
                                                              static_cast<int>(MeaningNumber(p[4])),
                                                              IntegerOf(p[1]), IntegerOf(p[3])));
                   }});
  // "between 29 and 30 June 2023"
  rules.push_back({"en.period.between_day_and_day",
                   {Word({"between"}), Number(NumberShape::kDay), Word({"and"}),
                    Number(NumberShape::kDay), Sense(Sense::kMonth), Number(NumberShape::kYear)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakeDayRange(IntegerOf(p[5]),
                                                              static_cast<int>(MeaningNumber(p[4])),
                                                              IntegerOf(p[1]), IntegerOf(p[3])));
                   }});
  // "29-30 June," in "29-30 June, 26-27 October, 14-15 December 2023": the year comes later.
  rules.push_back(
      {"en.period.day_range_without_year",
       {Number(NumberShape::kDay), Dash(), Number(NumberShape::kDay), Sense(Sense::kMonth)},
       [](const Parts& p) {
         return MakePeriodWithoutYear(static_cast<int>(MeaningNumber(p[3])), IntegerOf(p[0]),
                                      IntegerOf(p[2]));
       }});
  // "29 June – 1 July 2023", "from 29 June to 1 July 2023", "between 29 June and 1 July 2023"
  rules.push_back({"en.period.day_month_dash_date",
                   {Number(NumberShape::kDay), OrdinalSuffix(), Sense(Sense::kMonth), Dash(),
                    Expr(Kind::kDate)},
                   [](const Parts& p) { return DayMonthToDate(p[0], p[2], p[4]); }});
  rules.push_back({"en.period.from_day_month_to_date",
                   {Word({"from"}), Number(NumberShape::kDay), OrdinalSuffix(),
                    Sense(Sense::kMonth), Through(), Expr(Kind::kDate)},
                   [](const Parts& p) { return DayMonthToDate(p[1], p[3], p[5]); }});
  rules.push_back({"en.period.between_day_month_and_date",
                   {Word({"between"}), Number(NumberShape::kDay), OrdinalSuffix(),
                    Sense(Sense::kMonth), Word({"and"}), Expr(Kind::kDate)},
                   [](const Parts& p) { return DayMonthToDate(p[1], p[3], p[5]); }});
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
  // "the period 2024 to 2026": "from" left out.
  rules.push_back({"en.period.year_to_year",
                   {Number(NumberShape::kYear), Through(), Number(NumberShape::kYear)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakePeriod(YearOf(p[0]), YearOf(p[2])));
                   }});
  rules.push_back({"en.period.year_dash_year",
                   {Number(NumberShape::kYear), Dash(), Number(NumberShape::kYear)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakePeriod(YearOf(p[0]), YearOf(p[2])));
                   }});
  // "2024-26": the second year by its last two digits, later than the first.
  rules.push_back({"en.period.year_dash_short_year",
                   {Number(NumberShape::kYear), Attached(Dash()), Attached(Number())},
                   [](const Parts& p) -> std::optional<Value> {
                     if (!PlainDigits(p[2], 2, 2)) return std::nullopt;
                     int from = IntegerOf(p[0]);
                     int to = from / 100 * 100 + IntegerOf(p[2]);
                     if (to <= from) return std::nullopt;
                     return MakePeriod({from, 0, 0}, {to, 0, 0});
                   }});
  rules.push_back({"en.years.pair",
                   {Number(NumberShape::kYear), Optional(Symbol({","})), Word({"and"}),
                    Number(NumberShape::kYear)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakeYears({IntegerOf(p[0]), IntegerOf(p[3])}));
                   }});
  rules.push_back({"en.years.more",
                   {Number(NumberShape::kYear), Symbol({","}), Expr(Kind::kYears)},
                   [](const Parts& p) {
                     std::vector<int> years = ValueOf(p[2]).years;
                     years.insert(years.begin(), IntegerOf(p[0]));
                     return std::optional<Value>(MakeYears(std::move(years)));
                   }});
  // "since 2014", "in 2024", "in early 2022", "the year 2024": the words before say it is a
  // year, but are not part of it.
  rules.push_back({"en.year.after_preposition",
                   {Context(Word({"in", "since", "for", "until", "by", "during", "before", "after",
                                  "throughout", "from", "year"})),
                    Context(Optional(Word({"early", "late"}))), Number(NumberShape::kYear)},
                   [](const Parts& p) { return std::optional<Value>(MakeYear(IntegerOf(p[2]))); }});
  rules.push_back({"en.year.as_of",
                   {Context(Word({"as"})), Context(Word({"of"})), Number(NumberShape::kYear)},
                   [](const Parts& p) { return std::optional<Value>(MakeYear(IntegerOf(p[2]))); }});
  // "the internationally recognised borders of 1991"
  rules.push_back({"en.year.borders_of",
                   {Context(Word({"borders"})), Context(Word({"of"})), Number(NumberShape::kYear)},
                   [](const Parts& p) { return std::optional<Value>(MakeYear(IntegerOf(p[2]))); }});
  // "by the end of 2024", "since the beginning of 2022"
  rules.push_back({"en.year.end_of",
                   {Context(Word({"end", "beginning", "start", "middle"})), Context(Word({"of"})),
                    Number(NumberShape::kYear)},
                   [](const Parts& p) { return std::optional<Value>(MakeYear(IntegerOf(p[2]))); }});

  // --- money, per cent ----------------------------------------------------------------------
  rules.push_back(
      {"en.money.approximately",
       {Word({"approximately", "about", "around", "roughly", "some", "circa", "approx", "ca"}),
        Optional(Attached(Symbol({"."}))), Expr(Kind::kMoney)},
       [](const Parts& p) {
         Value value = ValueOf(p[2]);
         value.approx = true;
         return std::optional<Value>(value);
       }});
  // Bounds: "at least 977 million EUR", "more than 1.3% of GDP", "up to the value of 50 million
  // EUR".
  AddAmountBound(rules, "en", "at_least", {Word({"at"}), Word({"least"})}, "at_least");
  AddAmountBound(rules, "en", "not_less_than",
                 {Word({"no", "not"}), Word({"less"}), Word({"than"})}, "at_least");
  AddAmountBound(rules, "en", "a_minimum_of", {Word({"a"}), Word({"minimum"}), Word({"of"})},
                 "at_least");
  AddAmountBound(rules, "en", "more_than", {Word({"more"}), Word({"than"})}, "more_than");
  AddAmountBound(rules, "en", "over", {Word({"over", "above", "exceeding"})}, "more_than");
  AddAmountBound(rules, "en", "in_excess_of", {Word({"in"}), Word({"excess"}), Word({"of"})},
                 "more_than");
  AddAmountBound(rules, "en", "up_to",
                 {Word({"up"}), Word({"to"}), Optional(Word({"the"})), Optional(Word({"value"})),
                  Optional(Word({"of"}))},
                 "up_to");
  AddAmountBound(rules, "en", "not_more_than",
                 {Word({"no", "not"}), Word({"more"}), Word({"than"})}, "up_to");
  AddAmountBound(rules, "en", "a_maximum_of", {Word({"a"}), Word({"maximum"}), Word({"of"})},
                 "up_to");
  // "75 billion Norwegian kroner", "1 billion US dollars"
  rules.push_back(
      {"en.money.amount_named_currency",
       {Expr(Kind::kNumeral),
        Word({"us", "american", "canadian", "australian", "norwegian", "danish", "swedish",
              "icelandic", "swiss", "japanese", "british", "polish", "czech", "ukrainian"}),
        Word({"dollar", "dollars", "krone",  "kroner",  "krona",  "kronor",  "kronur",
              "króna",  "krónur",  "franc",  "francs",  "yen",    "pound",   "pounds",
              "zloty",  "zlotys",  "koruna", "korunas", "koruny", "hryvnia", "hryvnias"})},
       [](const Parts& p) { return MoneyInNamedCurrency(p[0], p[1], p[2]); }});
  // "US $1 billion", "US$ 1 billion"
  rules.push_back(
      {"en.money.us_dollar_sign",
       {Word({"us"}), Symbol({"$"}), Expr(Kind::kNumeral)},
       [](const Parts& p) { return std::optional<Value>(MakeMoney(NumberOf(p[2]), "USD")); }});
  rules.push_back({"en.money.pounds_sterling",
                   {Expr(Kind::kMoney), Word({"sterling"})},
                   [](const Parts& p) -> std::optional<Value> {
                     if (ValueOf(p[0]).code != "GBP") return std::nullopt;
                     return ValueOf(p[0]);
                   }});
  // "400 mil. EUR": an abbreviated scale with its dot, then the currency.
  rules.push_back({"en.money.abbreviated_scale_currency",
                   {Expr(Kind::kNumeral), Sense(Sense::kScale), Attached(Symbol({"."})),
                    Sense(Sense::kCurrency)},
                   [](const Parts& p) -> std::optional<Value> {
                     std::string_view scale = p[1].token->lower;
                     if (scale != "mil" && scale != "mln" && scale != "mn" && scale != "bn") {
                       return std::nullopt;
                     }
                     std::optional<Decimal> amount =
                         NumberOf(p[0]).Times(Decimal::Integer(MeaningNumber(p[1])));
                     if (!amount) return std::nullopt;
                     return MakeMoney(*amount, MeaningCode(p[3]));
                   }});
  rules.push_back({"en.money.dotted_thousands_currency",
                   {Number(), Optional(Attached(Symbol({"."}))), Optional(Attached(Number())),
                    Sense(Sense::kCurrency)},
                   [](const Parts& p) -> std::optional<Value> {
                     std::optional<Decimal> amount = DottedThousands(p[0], p[1], p[2]);
                     if (!amount) return std::nullopt;
                     return MakeMoney(*amount, MeaningCode(p[3]));
                   }});
  rules.push_back({"en.money.currency_dotted_thousands",
                   {Sense(Sense::kCurrency), Number(), Optional(Attached(Symbol({"."}))),
                    Optional(Attached(Number()))},
                   [](const Parts& p) -> std::optional<Value> {
                     std::optional<Decimal> amount = DottedThousands(p[1], p[2], p[3]);
                     if (!amount) return std::nullopt;
                     return MakeMoney(*amount, MeaningCode(p[0]));
                   }});
  rules.push_back({"en.percent.of_gdp",
                   {Expr(Kind::kPercent), Word({"of"}), GdpDeterminer(), Optional(Word({"annual"})),
                    Word({"gross"}), Word({"domestic"}), Word({"product"})},
                   [](const Parts& p) { return std::optional<Value>(WithOf(p[0], "GDP")); }});
  rules.push_back({"en.percent.of_gdp_abbreviated",
                   {Expr(Kind::kPercent), Word({"of"}), GdpDeterminer(), Optional(Word({"annual"})),
                    Word({"gdp"})},
                   [](const Parts& p) { return std::optional<Value>(WithOf(p[0], "GDP")); }});
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
  rules.push_back({"en.duration.decades",
                   {Expr(Kind::kNumeral), Word({"decade", "decades"})},
                   [](const Parts& p) -> std::optional<Value> {
                     std::optional<Decimal> years = NumberOf(p[0]).Times(Decimal::Integer(10));
                     if (!years) return std::nullopt;
                     return MakeDuration(*years, "Y");
                   }});
  rules.push_back({"en.duration.a_decade", {Word({"a"}), Word({"decade"})}, [](const Parts&) {
                     return MakeDuration(Decimal::Integer(10), "Y");
                   }});
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
                     if (!AllOrNone(p, {3, 4})) return std::nullopt;
                     return WithBound(p[2], "at_least");
                   }});
  rules.push_back({"en.duration.not_less_than",
                   {Word({"no", "not"}), Word({"less"}), Word({"than"}), Expr(Kind::kDuration)},
                   [](const Parts& p) { return WithBound(p[3], "at_least"); }});
  rules.push_back({"en.duration.a_minimum_of",
                   {Word({"a"}), Word({"minimum"}), Word({"of"}), Expr(Kind::kDuration)},
                   [](const Parts& p) { return WithBound(p[3], "at_least"); }});

  // --- recurrences ---------------------------------------------------------------------------
  rules.push_back(
      Recurrence("en.recurrence.annual", {Word({"annual", "annually", "yearly"})}, "P1Y"));
  rules.push_back(Recurrence("en.recurrence.per_annum", {Word({"per"}), Word({"annum"})}, "P1Y"));
  rules.push_back(Recurrence("en.recurrence.monthly", {Word({"monthly"})}, "P1M"));
  rules.push_back(Recurrence("en.recurrence.quarterly", {Word({"quarterly"})}, "P3M"));
  rules.push_back(Recurrence("en.recurrence.weekly", {Word({"weekly"})}, "P1W"));
  rules.push_back(Recurrence("en.recurrence.biennial", {Word({"biennial", "biennially"})}, "P2Y"));
  // "semi-annual": longer than the "annual" inside it, so it wins.
  rules.push_back(Recurrence("en.recurrence.semiannual",
                             {Word({"semi"}), Dash(), Word({"annual", "annually"})}, "P6M"));
  // "each year", "every month", "once a year", "once per month"
  rules.push_back({"en.recurrence.each_unit",
                   {Word({"each", "every"}), Sense(Sense::kTimeUnit)},
                   [](const Parts& p) { return RecurrenceOfUnit(p[1]); }});
  rules.push_back({"en.recurrence.once_a_unit",
                   {Word({"once"}), Word({"a", "per"}), Sense(Sense::kTimeUnit)},
                   [](const Parts& p) { return RecurrenceOfUnit(p[2]); }});
  // "every two years", "every six months": the length of the interval.
  rules.push_back({"en.recurrence.every_duration",
                   {Word({"every"}), Expr(Kind::kDuration)},
                   [](const Parts& p) -> std::optional<Value> {
                     const Value& duration = ValueOf(p[1]);
                     if (!duration.bound.empty()) return std::nullopt;
                     return MakeRecurrence(duration.code);
                   }});

  // --- counts --------------------------------------------------------------------------------
  // "800,000 artillery shells", "4,000 Ukrainian soldiers", "two further packages": a word saying
  // what kind, or how many more, between the number and the noun.
  rules.push_back({"en.count.amount_modifier_unit",
                   {Expr(Kind::kNumeral),
                    Word({"artillery", "ammunition", "armoured", "armored", "combat", "ukrainian",
                          "further", "additional", "new", "military", "medical"}),
                    Sense(Sense::kCountUnit)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakeCount(NumberOf(p[0]), MeaningCode(p[2])));
                   }});

  // --- references ----------------------------------------------------------------------------
  AddArticleOf(rules, "en.reference.article_of_un_charter",
               {Word({"of"}), Word({"the"}), Word({"un"}), Word({"charter"})}, "UN Charter");
  AddArticleOf(
      rules, "en.reference.article_of_united_nations_charter",
      {Word({"of"}), Word({"the"}), Word({"united"}), Word({"nations"}), Word({"charter"})},
      "UN Charter");
  AddArticleOf(rules, "en.reference.article_of_charter_of_united_nations",
               {Word({"of"}), Word({"the"}), Word({"charter"}), Word({"of"}), Word({"the"}),
                Word({"united"}), Word({"nations"})},
               "UN Charter");
  AddArticleOf(rules, "en.reference.article_of_agreement",
               {Word({"of"}), Word({"the", "this"}), Word({"agreement"})}, "Agreement");
  AddArticleOf(rules, "en.reference.article_of_north_atlantic_treaty",
               {Word({"of"}), Word({"the"}), Word({"north"}), Word({"atlantic"}), Word({"treaty"})},
               "North Atlantic Treaty");
  // The Washington Treaty is the North Atlantic Treaty's other name.
  AddArticleOf(rules, "en.reference.article_of_washington_treaty",
               {Word({"of"}), Word({"the"}), Word({"washington"}), Word({"treaty"})},
               "North Atlantic Treaty");
  // "of the Treaty on European Union", also written "of the Treaty of the European Union".
  AddArticleOf(rules, "en.reference.article_of_treaty_on_european_union",
               {Word({"of"}), Word({"the"}), Word({"treaty"}), Word({"on", "of"}),
                Optional(Word({"the"})), Word({"european"}), Word({"union"})},
               "Treaty on European Union");
  AddArticleOf(rules, "en.reference.article", {}, "");

  // --- numbers -------------------------------------------------------------------------------
  rules.push_back(
      {"en.numeral.a_scale", {Word({"a", "one"}), Sense(Sense::kScale)}, [](const Parts& p) {
         return std::optional<Value>(MakeNumeral(Decimal::Integer(MeaningNumber(p[1])), true));
       }});
  // "half a billion"
  rules.push_back({"en.numeral.half_a_scale",
                   {Word({"half"}), Word({"a"}), Sense(Sense::kScale)},
                   [](const Parts& p) {
                     return std::optional<Value>(
                         MakeNumeral(Decimal::Integer(MeaningNumber(p[2]) / 2), true));
                   }});
  // "one and a half million"
  rules.push_back(
      {"en.numeral.and_a_half_scale",
       {Expr(Kind::kNumeral), Word({"and"}), Word({"a"}), Word({"half"}), Sense(Sense::kScale)},
       [](const Parts& p) -> std::optional<Value> {
         const Value& whole = ValueOf(p[0]);
         std::optional<Decimal> halves = whole.number.Times(Decimal::Integer(2));
         if (!halves) return std::nullopt;
         std::optional<Decimal> count = halves->Plus(Decimal::Integer(1));
         if (!count) return std::nullopt;
         std::optional<Decimal> value = count->Times(Decimal::Integer(MeaningNumber(p[4]) / 2));
         if (!value) return std::nullopt;
         return MakeNumeral(*value, whole.from_words);
       }});
  // "3,3 million", "74,4 million": a decimal comma only before a scale word or a per cent sign,
  // where "3,3" cannot be two numbers of a list.
  rules.push_back({"en.numeral.decimal_comma_scaled",
                   {Number(), Attached(Symbol({","})), Attached(Number()), Sense(Sense::kScale)},
                   [](const Parts& p) -> std::optional<Value> {
                     std::optional<Decimal> number = DecimalComma(p[0], p[2]);
                     if (!number) return std::nullopt;
                     std::optional<Decimal> scaled =
                         number->Times(Decimal::Integer(MeaningNumber(p[3])));
                     if (!scaled) return std::nullopt;
                     return MakeNumeral(*scaled, false);
                   }});
  // "0,25%"
  rules.push_back({"en.numeral.decimal_comma_percent",
                   {Number(), Attached(Symbol({","})), Attached(Number()), Context(Symbol({"%"}))},
                   [](const Parts& p) -> std::optional<Value> {
                     std::optional<Decimal> number = DecimalComma(p[0], p[2]);
                     if (!number) return std::nullopt;
                     return MakeNumeral(*number, false);
                   }});
  // "64 000", "1 500 000": thousands grouped with spaces.
  rules.push_back({"en.numeral.space_grouped",
                   {Number(), Number(), Optional(Number())},
                   [](const Parts& p) -> std::optional<Value> {
                     if (!PlainDigits(p[0], 1, 3) || !PlainDigits(p[1], 3, 3)) return std::nullopt;
                     std::string digits =
                         std::string(p[0].token->lower) + std::string(p[1].token->lower);
                     if (p[2].matched) {
                       if (!PlainDigits(p[2], 3, 3)) return std::nullopt;
                       digits += p[2].token->lower;
                     }
                     std::optional<Decimal> number = Decimal::Parse(digits, "");
                     if (!number) return std::nullopt;
                     return MakeNumeral(*number, false);
                   }});
  // "€3.3m": "m" for million only right after an amount of money, never "155 m" of a length.
  rules.push_back({"en.numeral.currency_amount_m",
                   {Context(Sense(Sense::kCurrency)), Number(), Attached(Word({"m"}))},
                   [](const Parts& p) -> std::optional<Value> {
                     std::optional<Decimal> amount =
                         NumberOf(p[1]).Times(Decimal::Integer(1'000'000));
                     if (!amount) return std::nullopt;
                     return MakeNumeral(*amount, false);
                   }});
  AddCommonRules(grammar, "en");
  return grammar;
}

}  // namespace treaty::grammar
