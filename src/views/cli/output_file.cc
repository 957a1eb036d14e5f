#include "views/cli/output_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "views/cli/commands.h"

namespace treaty::views {
namespace {

namespace fs = std::filesystem;

// True when `path` is an SQLite database: its first 16 bytes are SQLite's header string.
bool IsSqliteDatabase(const std::string& path) {
  static constexpr std::string_view kHeader("SQLite format 3\0", 16);
  std::ifstream in(path, std::ios::binary);
  std::array<char, 16> head{};
  return in.read(head.data(), head.size()) && std::string_view(head.data(), head.size()) == kHeader;
}

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(written));
  }
  return true;
}

// The permissions of a new file: those of the file it replaces, else 0666 less the umask.
mode_t ModeFor(const fs::file_status& status) {
  if (fs::exists(status)) return static_cast<mode_t>(status.permissions() & fs::perms::mask);
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// Writes a regular file whole or not at all: into a new file beside it, renamed over it once
// complete, so that a failed write leaves the old file as it was.
bool ReplaceFile(const std::string& path, std::string_view bytes, mode_t mode) {
  std::string temporary = path + ".XXXXXX";
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return false;
  const bool written = WriteAll(fd, bytes) && ::fchmod(fd, mode) == 0 && ::fsync(fd) == 0;
  const bool closed = ::close(fd) == 0;
  if (!written || !closed || ::rename(temporary.c_str(), path.c_str()) != 0) {
    ::unlink(temporary.c_str());
    return false;
  }
  return true;
}

// A device, a pipe or a symbolic link ("/dev/stdout") is written in place, through the link: it
// is not a file of its own to replace.
bool WriteInPlace(const std::string& path, std::string_view bytes) {
  std::ofstream file(path, std::ios::binary);
  file << bytes;
  file.close();
  return static_cast<bool>(file);
}

}  // namespace

int WriteOutput(std::string_view command, const std::string& path, std::string_view bytes,
                std::string_view summary, std::ostream& out, std::ostream& err) {
  if (path.empty()) {
    out << bytes;
    return kExitOk;
  }
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  const bool exists = fs::exists(status);
  const bool replaceable =
      !exists || (fs::is_regular_file(status) && !fs::is_symlink(fs::symlink_status(path, error)));
  if (exists && fs::is_regular_file(status) && IsSqliteDatabase(path)) {
    err << "treaty " << command << ": " << path
        << ": is an SQLite database; it is not replaced by the output (choose another --output)\n";
    return kExitBadInput;
  }
  if (exists && fs::is_directory(status)) {
    err << "treaty " << command << ": " << path << ": is a directory\n";
    return kExitBadInput;
  }
  // A folder where no new file may be made still lets its files be written: in place, then.
  const bool written = replaceable ? ReplaceFile(path, bytes, ModeFor(status)) ||
                                         (errno == EACCES && WriteInPlace(path, bytes))
                                   : WriteInPlace(path, bytes);
  if (!written) {
    err << "treaty " << command << ": " << path
        << ": cannot write the file: " << std::strerror(errno) << "\n";
    return kExitBadInput;
  }
  out << summary << " written to " << path << "\n";
  return kExitOk;
}

}  // namespace treaty::views
