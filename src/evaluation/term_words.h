// The words people read, on the pages and in `treaty commitments`' text, for the codes of the
// ledger and of the commitments: event types, their subtypes, and the kinds of a commitment's
// conditions. As with status_words.h, the codes stay where programs read them (the JSON API,
// exports, CSV and JSON Lines, and the values of form fields).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace treaty::evaluation {

// The words for `code` ("consultation_request" → "consultation request"), or nullopt when the
// table has none.
std::optional<std::string_view> FindTermWords(std::string_view code);

// The words for `code`; a code without words is shown as it is (http_term_words_test.cc holds
// every event type, subtype and condition kind to have words).
std::string TermWords(std::string_view code);

// An event's type in words, with its subtype in parentheses when it has one: "notice (amendment
// proposal)", "disbursement".
std::string EventTypeWords(std::string_view type, std::string_view subtype);

}  // namespace treaty::evaluation
