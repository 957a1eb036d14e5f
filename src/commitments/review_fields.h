// The fields of a commitment that a review may correct, read and written in the JSON form of
// CommitmentJson, so that a review file spells a value exactly as `treaty commitments
// --format jsonl` prints it.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "commitments/commitment.h"

namespace treaty::commitments {

// The fields a review may correct, in a fixed order: those IsReviewField accepts.
std::span<const std::string_view> ReviewFields();

// True for "class", "strength", "obligors", "beneficiary", "action", "category", "targets",
// "conditions", "flags" (a reviewer clears a flag the review has settled).
bool IsReviewField(std::string_view field);

// The field's current value, as CommitmentJson writes it.
nlohmann::json ReviewFieldValue(const Commitment& commitment, std::string_view field);

// Sets the field from `value`; on a value of the wrong type or outside the field's vocabulary,
// returns what is wrong ("must be one of commits, will, ...") and leaves `commitment` unchanged.
std::optional<std::string> SetReviewField(Commitment& commitment, std::string_view field,
                                          const nlohmann::json& value);

}  // namespace treaty::commitments
