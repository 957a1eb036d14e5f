#include "evaluation/status_words.h"

#include "core/word_table.h"

namespace treaty::evaluation {
namespace {

// One meaning per code: a word evaluation uses for a commitment, a deadline and a request alike
// ("met", "missed") reads the same wherever it is shown.
constexpr WordTable<20> kWords = {{
    // The agreement's life cycle.
    {"not_yet_in_force", "not yet in force"},
    {"in_force", "in force"},
    {"termination_pending", "in force, termination pending"},
    {"terminated", "terminated"},
    {"expired", "expired"},
    // Commitments, periods, deadlines and consultation requests.
    {"upcoming", "upcoming"},
    {"in_progress", "in progress"},
    {"not_yet_measurable", "not yet measurable"},
    {"met", "met"},
    {"missed", "missed"},
    {"passed", "passed"},
    {"due", "due"},
    {"coalition_goal", "a coalition's goal"},
    {"activity_recorded", "activity recorded"},
    {"no_activity_recorded", "no activity recorded"},
    {"no_request", "no request made"},
    {"open", "awaiting a response"},
    {"notified", "all notified"},
    {"partly_notified", "partly notified"},
    {"none_notified", "none notified"},
}};

}  // namespace

std::optional<std::string_view> FindStatusWords(std::string_view code) {
  return FindWords(kWords, code);
}

std::string StatusWords(std::string_view code) { return WordsOrCode(kWords, code); }

}  // namespace treaty::evaluation
