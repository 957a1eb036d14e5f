#include "document/bundled_path.h"

#include <filesystem>
#include <system_error>

namespace treaty::document {

std::string BundledPath(const std::string& relative) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(relative, ec)) return relative;
  const fs::path program = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return relative;
  const fs::path beside = program.parent_path().parent_path() / relative;
  if (fs::exists(beside, ec)) return beside.string();
  return relative;
}

}  // namespace treaty::document
