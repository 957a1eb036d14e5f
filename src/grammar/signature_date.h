// The day an agreement was signed, as its own text says it: the date of the closing clause
// ("Signed in duplicate in Vilnius on 11 April 2024", "Done at Kyiv on …", "Vienošanās ir
// parakstīta Viļņā …", "Вчинено …"), for metadata when no package names it.
#pragma once

#include <string>

#include "grammar/expressions.h"

namespace treaty::grammar {

// "YYYY-MM-DD" of the last date that a provision opening with a signing formula holds; "" when
// the text has none.
std::string SignatureDateOf(const ExtractedText& text);

}  // namespace treaty::grammar
