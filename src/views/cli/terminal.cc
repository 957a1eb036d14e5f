#include "views/cli/terminal.h"

#include <unistd.h>

namespace treaty::views {

bool StdoutIsTerminal() { return ::isatty(STDOUT_FILENO) == 1; }

bool StderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

}  // namespace treaty::views
