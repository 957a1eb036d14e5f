#include "views/cli/error_list.h"

#include <fmt/format.h>

namespace treaty::views {

void WriteErrorList(const std::vector<std::string>& lines, std::ostream& err) {
  for (size_t i = 0; i < lines.size() && i < kMaxListedErrors; ++i) err << lines[i] << "\n";
  if (lines.size() > kMaxListedErrors) {
    err << fmt::format("… and {} more\n", lines.size() - kMaxListedErrors);
  }
}

}  // namespace treaty::views
