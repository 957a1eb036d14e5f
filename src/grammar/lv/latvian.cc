#include "grammar/lv/latvian.h"

#include <algorithm>
#include <iterator>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "grammar/core/common_rules.h"
#include "grammar/core/productions.h"

namespace treaty::grammar {

namespace {

// "gada" in "2024. gada 11. aprīlī" and the other forms of "gads" after an ordinal year.
Item YearWord() {
  return Word({"gads", "gada", "gadam", "gadu", "gadā", "gadi", "gadiem", "gados", "gadus"});
}

Item Dash() { return Symbol({"-", "–", "—"}); }

// Every form of "pants" (article) and "sadaļa" (section).
Item ArticleWord() { return Word({"pant*"}); }
Item SectionWord() { return Word({"sadaļ*"}); }

const CalendarDate& DateOf(const Part& part) { return ValueOf(part).date; }
CalendarDate YearOf(const Part& part) { return {IntegerOf(part), 0, 0}; }

// The singular forms of the scale words. The plural ones are not a number on their own:
// "tūkstošiem dronu" is "thousands of drones". "miljonu" is both the accusative singular
// ("miljonu dronu") and the genitive plural ("vairāku miljonu"); it is read as the first.
bool IsSingularScale(std::string_view word) {
  static constexpr std::string_view kForms[] = {
      "simts",    "simt",     "tūkstotis", "tūkstoša", "tūkstotim", "tūkstoti",
      "tūkstoš",  "miljons",  "miljona",   "miljonam", "miljonu",   "miljonā",
      "miljards", "miljarda", "miljardam", "miljardu", "miljardā"};
  return std::find(std::begin(kForms), std::end(kForms), word) != std::end(kForms);
}

// The scale abbreviations that end in a dot: "tūkst.", "milj.", "mljrd.".
bool IsAbbreviatedScale(std::string_view word) {
  return word == "tūkst" || word == "milj" || word == "mljrd" || word == "mlrd";
}

// Whether `qualifier`, the word before a currency, names that currency: "ASV dolāri",
// "sterliņu mārciņas", "Ukrainas grivnas".
bool QualifierFits(std::string_view qualifier, std::string_view currency) {
  return (qualifier == "asv" && currency == "USD") ||
         (qualifier == "sterliņu" && currency == "GBP") ||
         (qualifier == "ukrainas" && currency == "UAH");
}

// "reizi gadā" or "reizi mēnesī".
Value OncePer(const Part& unit) {
  return MakeRecurrence(unit.token->lower == "gadā" ? "P1Y" : "P1M");
}

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
  // "11.04.2024": day, month and year joined by dots. A dot after the year stays outside, as it
  // may end the sentence.
  rules.push_back(
      {"lv.date.numeric",
       {Number(NumberShape::kDay), Attached(Symbol({"."})), Attached(Number(NumberShape::kDay)),
        Attached(Symbol({"."})), Attached(Number(NumberShape::kYear))},
       [](const Parts& p) -> std::optional<Value> {
         int month = IntegerOf(p[2]);
         if (month > 12) return std::nullopt;
         return MakeDate(IntegerOf(p[4]), month, IntegerOf(p[0]));
       }});
  rules.push_back(
      {"lv.date.day_month_impossible",
       {Number(NumberShape::kDay), Symbol({"."}), Sense(Sense::kMonth)},
       [](const Parts& p) { return CheckDayOfMonth(IntegerOf(p[0]), MeaningNumber(p[2])); }});

  // --- periods ---------------------------------------------------------------------------------
  rules.push_back({"lv.period.from_to_dates",
                   {Word({"no"}), Expr(Kind::kDate), Word({"līdz"}), Expr(Kind::kDate)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakePeriod(DateOf(p[1]), DateOf(p[3])));
                   }});
  // "no 2024. gada līdz 2026. gadam", "no 2024. līdz 2026. gadam": the first "gada" may be left
  // to the second year.
  rules.push_back({"lv.period.from_to_years",
                   {Word({"no"}), Number(NumberShape::kYear), Symbol({"."}),
                    Optional(Word({"gada"})), Word({"līdz"}), Expr(Kind::kYear)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakePeriod(YearOf(p[1]), DateOf(p[5])));
                   }});
  // "starp 2024. un 2026. gadu": between two years, not a list of them.
  rules.push_back({"lv.period.between_years",
                   {Word({"starp"}), Number(NumberShape::kYear), Symbol({"."}),
                    Optional(Word({"gadu", "gada"})), Word({"un"}), Expr(Kind::kYear)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakePeriod(YearOf(p[1]), DateOf(p[5])));
                   }});
  // "2024. gada 1. janvāris – 2026. gada 31. decembris"
  rules.push_back({"lv.period.date_dash_date",
                   {Expr(Kind::kDate), Dash(), Expr(Kind::kDate)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakePeriod(DateOf(p[0]), DateOf(p[2])));
                   }});
  // "2023. gada 29.–30. jūnijā": two days of one month.
  rules.push_back(
      {"lv.period.day_range",
       {Number(NumberShape::kYear), Symbol({"."}), Word({"gada"}), Number(NumberShape::kDay),
        Symbol({"."}), Dash(), Number(NumberShape::kDay), Symbol({"."}), Sense(Sense::kMonth)},
       [](const Parts& p) {
         return std::optional<Value>(MakeDayRange(IntegerOf(p[0]),
                                                  static_cast<int>(MeaningNumber(p[8])),
                                                  IntegerOf(p[3]), IntegerOf(p[6])));
       }});
  // "2026. - 2027. gada", "2024.–2026. gadā"
  rules.push_back({"lv.period.year_dash_year",
                   {Number(NumberShape::kYear), Symbol({"."}), Dash(), Expr(Kind::kYear)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakePeriod(YearOf(p[0]), DateOf(p[3])));
                   }});
  rules.push_back(
      {"lv.period.plain_years",
       {Number(NumberShape::kYear), Attached(Dash()), Attached(Number(NumberShape::kYear))},
       [](const Parts& p) {
         return std::optional<Value>(MakePeriod(YearOf(p[0]), YearOf(p[2])));
       }});

  // --- years -----------------------------------------------------------------------------------
  // "2024., 2025. un 2026. gadā": the last year carries "gadā", the others only their dot.
  rules.push_back({"lv.years.pair",
                   {Number(NumberShape::kYear), Symbol({"."}), Word({"un"}), Expr(Kind::kYear)},
                   [](const Parts& p) {
                     return std::optional<Value>(MakeYears({IntegerOf(p[0]), DateOf(p[3]).year}));
                   }});
  rules.push_back({"lv.years.more",
                   {Number(NumberShape::kYear), Symbol({"."}), Symbol({","}), Expr(Kind::kYears)},
                   [](const Parts& p) {
                     std::vector<int> years = ValueOf(p[3]).years;
                     years.insert(years.begin(), IntegerOf(p[0]));
                     return std::optional<Value>(MakeYears(std::move(years)));
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
  // Bounds: "vismaz 100 miljonus eiro", "vairāk nekā 1 % no IKP", "ne vairāk kā 50 miljoni eiro".
  // "līdz" alone is left out: it is also "to" before an amount ("palielināt līdz 2% no IKP").
  AddAmountBound(rules, "lv", "at_least", {Word({"vismaz"})}, "at_least");
  AddAmountBound(rules, "lv", "not_less_than",
                 {Word({"ne"}), Word({"mazāk", "mazāku"}), Word({"kā", "par"})}, "at_least");
  AddAmountBound(rules, "lv", "more_than", {Word({"vairāk"}), Word({"nekā", "kā", "par"})},
                 "more_than");
  AddAmountBound(rules, "lv", "over", {Word({"virs", "pāri"})}, "more_than");
  AddAmountBound(rules, "lv", "not_more_than",
                 {Word({"ne"}), Word({"vairāk"}), Word({"kā", "par"})}, "up_to");
  // "1 miljards ASV dolāru", "2,5 miljardi sterliņu mārciņu"
  rules.push_back(
      {"lv.money.qualified_currency",
       {Expr(Kind::kNumeral), Word({"asv", "sterliņu", "ukrainas"}), Sense(Sense::kCurrency)},
       [](const Parts& p) -> std::optional<Value> {
         if (!QualifierFits(p[1].token->lower, MeaningCode(p[2]))) return std::nullopt;
         return MakeMoney(NumberOf(p[0]), MeaningCode(p[2]));
       }});
  rules.push_back({"lv.percent.of_gdp",
                   {Expr(Kind::kPercent), Optional(Word({"apmērā"})), Word({"no"}),
                    Word({"iekšzemes"}), Word({"kopprodukta"})},
                   [](const Parts& p) { return std::optional<Value>(WithOf(p[0], "GDP")); }});
  rules.push_back(
      {"lv.percent.of_gdp_abbreviated",
       {Expr(Kind::kPercent), Optional(Word({"apmērā"})), Optional(Word({"no"})), Word({"ikp"})},
       [](const Parts& p) { return std::optional<Value>(WithOf(p[0], "GDP")); }});
  rules.push_back(
      {"lv.percent.word",
       {Expr(Kind::kNumeral), Word({"procents", "procenta", "procentam", "procentu", "procentā",
                                    "procenti", "procentiem", "procentus", "procentos"})},
       [](const Parts& p) { return std::optional<Value>(MakePercent(NumberOf(p[0]))); }});

  // --- durations with their bounds ------------------------------------------------------------
  rules.push_back({"lv.duration.at_least",
                   {Word({"vismaz"}), Expr(Kind::kDuration), Optional(Word({"iepriekš"}))},
                   [](const Parts& p) { return WithBound(p[1], "at_least"); }});
  rules.push_back({"lv.duration.not_less_than",
                   {Word({"ne"}), Word({"mazāk"}), Word({"kā"}), Expr(Kind::kDuration),
                    Optional(Word({"iepriekš"}))},
                   [](const Parts& p) { return WithBound(p[3], "at_least"); }});
  rules.push_back({"lv.duration.no_later_than",
                   {Word({"ne"}), Word({"vēlāk"}), Word({"kā"}), Expr(Kind::kDuration)},
                   [](const Parts& p) { return WithBound(p[3], "no_later_than"); }});
  rules.push_back({"lv.duration.within",
                   {Expr(Kind::kDuration), Word({"laikā"})},
                   [](const Parts& p) { return WithBound(p[0], "within"); }});

  // --- recurrences ---------------------------------------------------------------------------
  rules.push_back({"lv.recurrence.each_year",
                   {Word({"ik", "katru", "katrā"}), Word({"gadu", "gadus", "gadā"})},
                   [](const Parts&) { return std::optional<Value>(MakeRecurrence("P1Y")); }});
  rules.push_back({"lv.recurrence.each_month",
                   {Word({"ik", "katru", "katrā"}), Word({"mēnesi", "mēnesī"})},
                   [](const Parts&) { return std::optional<Value>(MakeRecurrence("P1M")); }});
  rules.push_back({"lv.recurrence.once_per",
                   {Word({"reizi"}), Word({"gadā", "mēnesī"})},
                   [](const Parts& p) { return std::optional<Value>(OncePer(p[1])); }});
  rules.push_back({"lv.recurrence.one_time_per",
                   {Word({"vienu"}), Word({"reizi"}), Word({"gadā", "mēnesī"})},
                   [](const Parts& p) { return std::optional<Value>(OncePer(p[2])); }});
  rules.push_back({"lv.recurrence.annual", {Word({"ikgadēj*"})}, [](const Parts&) {
                     return std::optional<Value>(MakeRecurrence("P1Y"));
                   }});
  rules.push_back({"lv.recurrence.monthly", {Word({"ikmēneša*"})}, [](const Parts&) {
                     return std::optional<Value>(MakeRecurrence("P1M"));
                   }});

  // --- references ----------------------------------------------------------------------------
  rules.push_back(
      {"lv.reference.un_charter_article",
       {Word({"ano"}), Word({"statūtu", "statūtos"}), Number(), Symbol({"."}), ArticleWord()},
       [](const Parts& p) {
         return std::optional<Value>(MakeReference("article", p[2].token->lower, "UN Charter"));
       }});
  rules.push_back({"lv.reference.united_nations_charter_article",
                   {Word({"apvienoto"}), Word({"nāciju"}), Optional(Word({"organizācijas"})),
                    Word({"statūtu", "statūtos"}), Number(), Symbol({"."}), ArticleWord()},
                   [](const Parts& p) {
                     return std::optional<Value>(
                         MakeReference("article", p[4].token->lower, "UN Charter"));
                   }});
  // The North Atlantic Treaty is also the Washington Treaty.
  rules.push_back({"lv.reference.north_atlantic_treaty_article",
                   {Word({"ziemeļatlantijas", "vašingtonas"}), Word({"līguma", "līgumā"}), Number(),
                    Symbol({"."}), ArticleWord()},
                   [](const Parts& p) {
                     return std::optional<Value>(
                         MakeReference("article", p[2].token->lower, "North Atlantic Treaty"));
                   }});
  rules.push_back({"lv.reference.agreement_article",
                   {Word({"vienošanās"}), Number(), Symbol({"."}), ArticleWord()},
                   [](const Parts& p) {
                     return std::optional<Value>(
                         MakeReference("article", p[1].token->lower, "Agreement"));
                   }});
  rules.push_back({"lv.reference.agreement_section",
                   {Word({"vienošanās"}), Number(), Symbol({"."}), SectionWord()},
                   [](const Parts& p) {
                     return std::optional<Value>(
                         MakeReference("section", p[1].token->lower, "Agreement"));
                   }});
  rules.push_back(
      {"lv.reference.article", {Number(), Symbol({"."}), ArticleWord()}, [](const Parts& p) {
         return std::optional<Value>(MakeReference("article", p[0].token->lower, ""));
       }});
  rules.push_back(
      {"lv.reference.section", {Number(), Symbol({"."}), SectionWord()}, [](const Parts& p) {
         return std::optional<Value>(MakeReference("section", p[0].token->lower, ""));
       }});

  // --- numbers -------------------------------------------------------------------------------
  // "miljonu dronu": a scale word alone, in the singular, is one of it.
  rules.push_back({"lv.numeral.scale_alone",
                   {Sense(Sense::kScale)},
                   [](const Parts& p) -> std::optional<Value> {
                     if (!IsSingularScale(p[0].token->lower)) return std::nullopt;
                     return MakeNumeral(Decimal::Integer(MeaningNumber(p[0])), true);
                   }});
  // "3,3 milj.": an abbreviated scale takes its dot.
  rules.push_back({"lv.numeral.abbreviated_scale",
                   {Expr(Kind::kNumeral), Sense(Sense::kScale), Attached(Symbol({"."}))},
                   [](const Parts& p) -> std::optional<Value> {
                     if (!IsAbbreviatedScale(p[1].token->lower)) return std::nullopt;
                     return Scaled(p[0], p[1]);
                   }});
  AddCommonRules(grammar, "lv");
  return grammar;
}

}  // namespace treaty::grammar
