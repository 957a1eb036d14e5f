#include "grammar/en/english.h"

namespace treaty::grammar {

void AddEnglishLexicon(Lexicon& lexicon) {
  const std::pair<std::vector<std::string_view>, int64_t> numbers[] = {
      {{"one"}, 1},        {{"two"}, 2},       {{"three"}, 3},     {{"four"}, 4},
      {{"five"}, 5},       {{"six"}, 6},       {{"seven"}, 7},     {{"eight"}, 8},
      {{"nine"}, 9},       {{"ten"}, 10},      {{"eleven"}, 11},   {{"twelve"}, 12},
      {{"thirteen"}, 13},  {{"fourteen"}, 14}, {{"fifteen"}, 15},  {{"sixteen"}, 16},
      {{"seventeen"}, 17}, {{"eighteen"}, 18}, {{"nineteen"}, 19}, {{"twenty"}, 20},
      {{"thirty"}, 30},    {{"forty"}, 40},    {{"fifty"}, 50},    {{"sixty"}, 60},
      {{"seventy"}, 70},   {{"eighty"}, 80},   {{"ninety"}, 90},
  };
  for (const auto& [forms, value] : numbers) lexicon.Add(forms, {Sense::kNumber, value, ""});
  lexicon.Add({"hundred"}, {Sense::kScale, 100, ""});
  lexicon.Add({"thousand", "k"}, {Sense::kScale, 1'000, ""});
  lexicon.Add({"million", "millions", "mn", "mln", "mil"}, {Sense::kScale, 1'000'000, ""});
  lexicon.Add({"billion", "billions", "bn"}, {Sense::kScale, 1'000'000'000, ""});

  AddCurrencyCodes(lexicon);
  lexicon.Add({"euro", "euros"}, {Sense::kCurrency, 0, "EUR"});
  lexicon.Add({"dollar", "dollars"}, {Sense::kCurrency, 0, "USD"});
  lexicon.Add({"pound", "pounds"}, {Sense::kCurrency, 0, "GBP"});
  lexicon.Add({"yen"}, {Sense::kCurrency, 0, "JPY"});
  lexicon.Add({"hryvnia", "hryvnias"}, {Sense::kCurrency, 0, "UAH"});
  lexicon.Add({"zloty", "zlotys"}, {Sense::kCurrency, 0, "PLN"});

  const std::string_view months[] = {"january",   "february", "march",    "april",
                                     "may",       "june",     "july",     "august",
                                     "september", "october",  "november", "december"};
  for (int month = 1; month <= 12; ++month) {
    lexicon.Add({months[month - 1]}, {Sense::kMonth, month, ""});
  }

  lexicon.Add({"year", "years"}, {Sense::kTimeUnit, 0, "Y"});
  lexicon.Add({"month", "months"}, {Sense::kTimeUnit, 0, "M"});
  lexicon.Add({"week", "weeks"}, {Sense::kTimeUnit, 0, "W"});
  lexicon.Add({"day", "days"}, {Sense::kTimeUnit, 0, "D"});
  lexicon.Add({"hour", "hours"}, {Sense::kTimeUnit, 0, "H"});

  // Things a treaty counts. Not "tank", "aircraft" or "hospital": "Leopard 2 tanks", "ASC 890
  // aircraft" and "ROLE 2 field hospitals" are names.
  const std::pair<std::vector<std::string_view>, std::string_view> counted[] = {
      {{"drone", "drones"}, "drone"},
      {{"round", "rounds"}, "round"},
      {{"shell", "shells"}, "shell"},
      {{"missile", "missiles"}, "missile"},
      {{"vehicle", "vehicles"}, "vehicle"},
      {{"package", "packages"}, "package"},
      {{"soldier", "soldiers"}, "soldier"},
      {{"serviceman", "servicemen"}, "serviceman"},
      {{"person", "persons", "people"}, "person"},
      {{"child", "children"}, "child"},
      {{"student", "students"}, "student"},
      {{"citizen", "citizens"}, "citizen"},
      {{"truckload", "truckloads"}, "truckload"},
      {{"vessel", "vessels"}, "vessel"},
      {{"generator", "generators"}, "generator"},
  };
  for (const auto& [forms, unit] : counted) {
    lexicon.Add(forms, {Sense::kCountUnit, 0, std::string(unit)});
  }
}

}  // namespace treaty::grammar
