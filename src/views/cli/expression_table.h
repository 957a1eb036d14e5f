// The `text` format of `treaty extract`: one row per expression with its source line, kind,
// value in words a person reads, surface and eId.
#pragma once

#include <string>
#include <vector>

#include "grammar/expressions.h"

namespace treaty::views {

// "EUR 112,000,000 (approx.)", "0.25% of GDP", "2024-04-11", "2024–2026", "P6M, at least".
std::string ValueText(const grammar::Value& value);

std::string ExpressionTable(const std::vector<grammar::Expression>& expressions);

}  // namespace treaty::views
