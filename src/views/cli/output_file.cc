#include "views/cli/output_file.h"

#include <fstream>

#include "views/cli/commands.h"

namespace treaty::views {

int WriteOutput(std::string_view command, const std::string& path, std::string_view bytes,
                std::string_view summary, std::ostream& out, std::ostream& err) {
  if (path.empty()) {
    out << bytes;
    return kExitOk;
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << bytes;
  file.close();
  if (!file) {
    err << "treaty " << command << ": " << path << ": cannot write the file\n";
    return kExitBadInput;
  }
  out << summary << " written to " << path << "\n";
  return kExitOk;
}

}  // namespace treaty::views
