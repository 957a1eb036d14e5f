// Whether the process's standard streams are terminals: what the commands draw (ANSI marks,
// progress bars) depends on it.
#pragma once

#include <ostream>
#include <string>

namespace treaty::views {

bool StdinIsTerminal();
bool StdoutIsTerminal();
bool StderrIsTerminal();

// Shows `prompt` on `err` and reads one line from the terminal on standard input with its echo
// off, so that a password typed is not shown; the echo is restored, and a line break written,
// before it returns. REQUIRES: StdinIsTerminal().
std::string ReadHiddenLine(const std::string& prompt, std::ostream& err);

}  // namespace treaty::views
