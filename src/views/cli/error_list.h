// Lists of input errors on stderr, as the ledger's commands print them (docs/ledger-format.md
// §7.1): at most kMaxListedErrors lines, then how many more there are.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace treaty::views {

inline constexpr size_t kMaxListedErrors = 100;

// Writes the first kMaxListedErrors of `lines`, one per line, then "… and N more" for the rest.
void WriteErrorList(const std::vector<std::string>& lines, std::ostream& err);

}  // namespace treaty::views
