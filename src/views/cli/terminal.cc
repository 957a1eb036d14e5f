#include "views/cli/terminal.h"

#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace treaty::views {

bool StdoutIsTerminal() { return ::isatty(STDOUT_FILENO) == 1; }

bool StderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

bool StandardInputHasData() {
  struct stat status {};
  if (::fstat(STDIN_FILENO, &status) != 0) return false;
  if (S_ISREG(status.st_mode)) {
    const off_t at = ::lseek(STDIN_FILENO, 0, SEEK_CUR);
    return at >= 0 && at < status.st_size;
  }
  if (!S_ISFIFO(status.st_mode) && !S_ISSOCK(status.st_mode)) return false;
  pollfd ready{STDIN_FILENO, POLLIN, 0};
  if (::poll(&ready, 1, 0) != 1 || (ready.revents & POLLIN) == 0) return false;
  char byte = 0;
  return ::read(STDIN_FILENO, &byte, 1) == 1;
}

}  // namespace treaty::views
