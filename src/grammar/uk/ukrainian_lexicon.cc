#include "grammar/uk/ukrainian.h"

namespace treaty::grammar {

// Lemmas, and the inflected forms Hunspell does not lead back to them. Words with an apostrophe
// are listed with both the typographic (’) and the ASCII (') one.
void AddUkrainianLexicon(Lexicon& lexicon) {
  const std::pair<std::vector<std::string_view>, int64_t> numbers[] = {
      {{"один", "одна", "одне", "одного", "однієї"}, 1},
      {{"два", "дві", "двох"}, 2},
      {{"три", "трьох"}, 3},
      {{"чотири", "чотирьох"}, 4},
      {{"п’ять", "п'ять", "п’яти", "п'яти"}, 5},
      {{"шість", "шести"}, 6},
      {{"сім", "семи"}, 7},
      {{"вісім", "восьми"}, 8},
      {{"дев’ять", "дев'ять", "дев’яти", "дев'яти"}, 9},
      {{"десять", "десяти"}, 10},
      {{"двадцять", "двадцяти"}, 20},
      {{"тридцять", "тридцяти"}, 30},
      {{"сорок", "сорока"}, 40},
      {{"п’ятдесят", "п'ятдесят"}, 50},
      {{"сто"}, 100},
  };
  for (const auto& [forms, value] : numbers) lexicon.Add(forms, {Sense::kNumber, value, ""});
  lexicon.Add({"тисяча", "тис"}, {Sense::kScale, 1'000, ""});
  lexicon.Add({"мільйон", "млн"}, {Sense::kScale, 1'000'000, ""});
  lexicon.Add({"мільярд", "млрд"}, {Sense::kScale, 1'000'000'000, ""});

  lexicon.Add({"євро", "eur", "€"}, {Sense::kCurrency, 0, "EUR"});
  lexicon.Add({"долар", "usd", "$"}, {Sense::kCurrency, 0, "USD"});
  lexicon.Add({"гривня", "грн", "uah"}, {Sense::kCurrency, 0, "UAH"});
  lexicon.Add({"фунт", "gbp", "£"}, {Sense::kCurrency, 0, "GBP"});

  const std::vector<std::string_view> months[] = {
      {"січень", "січня", "січні"},           {"лютий", "лютого", "лютому"},
      {"березень", "березня", "березні"},     {"квітень", "квітня", "квітні"},
      {"травень", "травня", "травні"},        {"червень", "червня", "червні"},
      {"липень", "липня", "липні"},           {"серпень", "серпня", "серпні"},
      {"вересень", "вересня", "вересні"},     {"жовтень", "жовтня", "жовтні"},
      {"листопад", "листопада", "листопаді"}, {"грудень", "грудня", "грудні"},
  };
  for (int month = 1; month <= 12; ++month) {
    lexicon.Add(months[month - 1], {Sense::kMonth, month, ""});
  }

  lexicon.Add({"рік", "роки", "років", "року", "році"}, {Sense::kTimeUnit, 0, "Y"});
  lexicon.Add({"місяць", "місяці", "місяців", "місяця"}, {Sense::kTimeUnit, 0, "M"});
  lexicon.Add({"тиждень", "тижні", "тижнів", "тижня"}, {Sense::kTimeUnit, 0, "W"});
  lexicon.Add({"день", "дні", "днів", "дня"}, {Sense::kTimeUnit, 0, "D"});
  lexicon.Add({"година", "години", "годин"}, {Sense::kTimeUnit, 0, "H"});

  lexicon.Add({"дрон", "дрони", "дронів"}, {Sense::kCountUnit, 0, "drone"});
}

}  // namespace treaty::grammar
