// The words for the status and state codes of the evaluation stage: a commitment's status, a
// period's, the life cycle's state, a deadline's and a consultation request's. Summaries and pages
// say these words; the codes stay where programs read them (the JSON API's status fields, exports,
// CSS classes, and the values of filter fields).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace treaty::evaluation {

// The words for `code` ("in_force" → "in force"), or nullopt when the table has none.
std::optional<std::string_view> FindStatusWords(std::string_view code);

// The words for `code`; a code without words is shown as it is (http_status_words_test.cc holds
// every code evaluation gives to have words).
std::string StatusWords(std::string_view code);

}  // namespace treaty::evaluation
