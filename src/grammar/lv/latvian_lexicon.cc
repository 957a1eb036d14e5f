#include "grammar/lv/latvian.h"

namespace treaty::grammar {

// Lemmas (Hunspell finds them from inflected forms) and the forms Hunspell does not know.
void AddLatvianLexicon(Lexicon& lexicon) {
  // Number words, every form written out and matched only as written (see Lexicon::AddExact).
  const std::pair<std::string_view, int64_t> cardinals[] = {
      // "viens" in the singular: the plural "vieni", "vieniem" is "some" or "alone", not one.
      {"viens", 1},   {"viena", 1},  {"vienam", 1}, {"vienu", 1},  {"vienā", 1},
      {"vienas", 1},  {"vienai", 1}, {"trīs", 3},   {"triju", 3},  {"trim", 3},
      {"trijiem", 3}, {"trijām", 3}, {"trijos", 3}, {"trijās", 3}, {"desmit", 10},
  };
  // "divi", "divas", "divu", "diviem", "divām", "divus", "divos", "divās"; the same for 4-9.
  const std::pair<std::string_view, int64_t> declined[] = {
      {"div", 2}, {"četr", 4}, {"piec", 5}, {"seš", 6}, {"septiņ", 7}, {"astoņ", 8}, {"deviņ", 9},
  };
  for (const auto& [form, value] : cardinals) lexicon.AddExact({form}, {Sense::kNumber, value, ""});
  for (const auto& [stem, value] : declined) {
    for (std::string_view ending : {"i", "as", "u", "iem", "ām", "us", "os", "ās"}) {
      lexicon.AddExact({std::string(stem) + std::string(ending)}, {Sense::kNumber, value, ""});
    }
  }
  // Teens, tens and hundreds do not decline.
  const std::pair<std::string_view, int64_t> fixed[] = {
      {"vienpadsmit", 11},  {"divpadsmit", 12}, {"trīspadsmit", 13},   {"četrpadsmit", 14},
      {"piecpadsmit", 15},  {"sešpadsmit", 16}, {"septiņpadsmit", 17}, {"astoņpadsmit", 18},
      {"deviņpadsmit", 19}, {"divdesmit", 20},  {"trīsdesmit", 30},    {"četrdesmit", 40},
      {"piecdesmit", 50},   {"sešdesmit", 60},  {"septiņdesmit", 70},  {"astoņdesmit", 80},
      {"deviņdesmit", 90},  {"divsimt", 200},   {"trīssimt", 300},     {"četrsimt", 400},
      {"piecsimt", 500},    {"sešsimt", 600},   {"septiņsimt", 700},   {"astoņsimt", 800},
      {"deviņsimt", 900},
  };
  for (const auto& [form, value] : fixed) lexicon.AddExact({form}, {Sense::kNumber, value, ""});

  // A scale, like "tūkstotis": "trīs simti" is 300.
  lexicon.Add({"simts", "simt"}, {Sense::kScale, 100, ""});
  // Hunspell leads the forms of "tūkstotis" to "tūkt", so they are listed; "tūkst", "milj" and
  // "mljrd" are the abbreviations ("3,3 milj. eiro").
  lexicon.Add({"tūkstotis", "tūkstoša", "tūkstotim", "tūkstoti", "tūkstošā", "tūkstoš", "tūkstoši",
               "tūkstošu", "tūkstošiem", "tūkstošus", "tūkstošos", "tūkst"},
              {Sense::kScale, 1'000, ""});
  lexicon.Add({"miljons", "milj"}, {Sense::kScale, 1'000'000, ""});
  lexicon.Add({"miljards", "mljrd", "mlrd"}, {Sense::kScale, 1'000'000'000, ""});

  AddCurrencyCodes(lexicon);
  lexicon.Add({"eiro"}, {Sense::kCurrency, 0, "EUR"});
  lexicon.Add({"dolārs"}, {Sense::kCurrency, 0, "USD"});
  lexicon.Add({"mārciņa"}, {Sense::kCurrency, 0, "GBP"});
  // Hunspell does not know "grivna".
  lexicon.Add({"grivna", "grivnas", "grivnai", "grivnu", "grivnā", "grivnām", "grivnās"},
              {Sense::kCurrency, 0, "UAH"});
  lexicon.Add({"jena"}, {Sense::kCurrency, 0, "JPY"});

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

  // Hunspell does not know "drons".
  lexicon.Add(
      {"drons", "drona", "dronam", "dronu", "dronā", "droni", "droniem", "dronus", "dronos"},
      {Sense::kCountUnit, 0, "drone"});
  lexicon.Add(
      {"oriģināleksemplārs", "oriģināleksemplāri", "oriģināleksemplāros", "oriģināleksemplāru"},
      {Sense::kCountUnit, 0, "original"});
  lexicon.Add({"eksemplārs"}, {Sense::kCountUnit, 0, "copy"});
}

}  // namespace treaty::grammar
