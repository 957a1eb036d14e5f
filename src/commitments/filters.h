// The filters of `treaty commitments` and `GET /commitments` that both apply the same way.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commitments/commitment.h"

namespace treaty::commitments {

// True when `area` is empty, a section number ("2"), the commitment's id or an eId prefix of it
// ("sec_2__hcontainer_5"), or words that begin at a word of one of its headings in any language,
// compared without case or diacritics ("military" and "militār" find "Military training …" and
// "Militārās mācības …", not "Areas of non-military support" or "Nemilitārā atbalsta jomas").
bool InArea(const Commitment& c, std::string_view area);

// Why `area` is a mistake when none of `commitments` is in it: "\"7\" is no section number, eId or
// heading words of AGREEMENT"; nullopt when one is, or `area` is empty.
std::optional<std::string> AreaProblem(const std::vector<Commitment>& commitments,
                                       std::string_view area, std::string_view agreement);

// True when `obligor` is empty, "both" and the commitment has more than one obligor, or one of
// its obligors.
bool HasObligor(const Commitment& c, std::string_view obligor);

}  // namespace treaty::commitments
