#include "document/bundled_path.h"

#include <filesystem>
#include <system_error>

namespace treaty::document {
namespace fs = std::filesystem;

namespace {

// The folder above the program's own (the project folder, for build/treaty); empty when unknown.
fs::path ProjectFolder() {
  std::error_code ec;
  const fs::path program = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return program.parent_path().parent_path();
}

}  // namespace

std::string BundledPath(const std::string& relative) {
  std::error_code ec;
  if (fs::exists(relative, ec)) return relative;
  const fs::path project = ProjectFolder();
  if (project.empty()) return relative;
  const fs::path beside = project / relative;
  if (fs::exists(beside, ec)) return beside.string();
  return relative;
}

std::string BundledName(const std::string& path) {
  const fs::path normal = fs::path(path).lexically_normal();
  if (normal.is_relative()) return normal.string();
  const fs::path project = ProjectFolder();
  if (project.empty()) return path;
  const fs::path inside = normal.lexically_relative(project);
  if (inside.empty() || *inside.begin() == "..") return path;
  return inside.string();
}

}  // namespace treaty::document
