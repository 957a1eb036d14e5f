#include "grammar/lv/latvian.h"

namespace treaty::grammar {

// Lemmas (Hunspell finds them from inflected forms) and the forms Hunspell does not know.
void AddLatvianLexicon(Lexicon& lexicon) {
  const std::pair<std::vector<std::string_view>, int64_t> numbers[] = {
      {{"viens", "viena"}, 1},
      {{"divi", "divas", "divos", "divās"}, 2},
      {{"trīs"}, 3},
      {{"četri", "četras"}, 4},
      {{"pieci", "piecas"}, 5},
      {{"seši", "sešas", "sešus"}, 6},
      {{"septiņi", "septiņas"}, 7},
      {{"astoņi", "astoņas"}, 8},
      {{"deviņi", "deviņas"}, 9},
      {{"desmit", "desmits"}, 10},
      {{"vienpadsmit"}, 11},
      {{"divpadsmit"}, 12},
      {{"piecpadsmit"}, 15},
      {{"divdesmit"}, 20},
      {{"trīsdesmit"}, 30},
      {{"četrdesmit"}, 40},
      {{"piecdesmit"}, 50},
      {{"sešdesmit"}, 60},
      {{"septiņdesmit"}, 70},
      {{"astoņdesmit"}, 80},
      {{"deviņdesmit"}, 90},
      {{"simts", "simt"}, 100},
  };
  for (const auto& [forms, value] : numbers) lexicon.Add(forms, {Sense::kNumber, value, ""});
  lexicon.Add({"tūkstotis", "tūkstoš", "tūkstoši", "tūkstošus", "tūkstošiem", "tūkstošu"},
              {Sense::kScale, 1'000, ""});
  lexicon.Add({"miljons", "milj"}, {Sense::kScale, 1'000'000, ""});
  lexicon.Add({"miljards", "mljrd"}, {Sense::kScale, 1'000'000'000, ""});

  lexicon.Add({"eiro", "eur", "€"}, {Sense::kCurrency, 0, "EUR"});
  lexicon.Add({"usd", "$", "dolārs"}, {Sense::kCurrency, 0, "USD"});
  lexicon.Add({"gbp", "£", "mārciņa"}, {Sense::kCurrency, 0, "GBP"});
  lexicon.Add({"uah", "grivna"}, {Sense::kCurrency, 0, "UAH"});

  const std::string_view months[] = {"janvāris",   "februāris", "marts",     "aprīlis",
                                     "maijs",      "jūnijs",    "jūlijs",    "augusts",
                                     "septembris", "oktobris",  "novembris", "decembris"};
  for (int month = 1; month <= 12; ++month) {
    lexicon.Add({months[month - 1]}, {Sense::kMonth, month, ""});
  }

  lexicon.Add({"gads", "gadi", "gadu", "gadiem", "gadus"}, {Sense::kTimeUnit, 0, "Y"});
  lexicon.Add({"mēnesis", "mēneši", "mēnešus", "mēnešiem", "mēnešu"}, {Sense::kTimeUnit, 0, "M"});
  lexicon.Add({"nedēļa", "nedēļas", "nedēļu", "nedēļām"}, {Sense::kTimeUnit, 0, "W"});
  lexicon.Add({"diena", "dienas", "dienu", "dienām"}, {Sense::kTimeUnit, 0, "D"});
  lexicon.Add({"stunda", "stundas", "stundu", "stundām"}, {Sense::kTimeUnit, 0, "H"});

  lexicon.Add({"drons", "droni", "dronu", "droniem", "dronus"}, {Sense::kCountUnit, 0, "drone"});
  lexicon.Add(
      {"oriģināleksemplārs", "oriģināleksemplāri", "oriģināleksemplāros", "oriģināleksemplāru"},
      {Sense::kCountUnit, 0, "original"});
}

}  // namespace treaty::grammar
