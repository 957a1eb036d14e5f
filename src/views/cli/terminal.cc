#include "views/cli/terminal.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace treaty::views {

bool StdinIsTerminal() { return ::isatty(STDIN_FILENO) == 1; }

bool StdoutIsTerminal() { return ::isatty(STDOUT_FILENO) == 1; }

bool StderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

std::string ReadHiddenLine(const std::string& prompt, std::ostream& err) {
  err << prompt << std::flush;
  termios shown{};
  const bool hidden = ::tcgetattr(STDIN_FILENO, &shown) == 0;
  if (hidden) {
    termios quiet = shown;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (hidden) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &shown);
  err << "\n";
  return line;
}

}  // namespace treaty::views
