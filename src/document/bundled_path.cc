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
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec).lexically_normal();
  if (ec) return path;
  // Inside a `data` folder laid out as the bundled one (with `agreements/`): from the folder that
  // holds it, wherever the program and the current folder are.
  for (fs::path folder = absolute.parent_path(); folder.has_relative_path();
       folder = folder.parent_path()) {
    if (folder.filename() == "data" && fs::is_directory(folder / "agreements", ec)) {
      return absolute.lexically_relative(folder.parent_path()).string();
    }
  }
  // Else the current folder, where BundledPath looks first, then the project folder, when each
  // holds the bundled data.
  for (const fs::path& folder : {fs::current_path(ec), ProjectFolder()}) {
    if (folder.empty() || !fs::is_directory(folder / "data", ec)) continue;
    const fs::path inside = absolute.lexically_relative(folder);
    if (!inside.empty() && *inside.begin() != "..") return inside.string();
  }
  return path;
}

}  // namespace treaty::document
