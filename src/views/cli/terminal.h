// Whether the process's standard streams are terminals: what the commands draw (ANSI marks,
// progress bars) depends on it; and whether something was sent on standard input.
#pragma once

namespace treaty::views {

bool StdoutIsTerminal();
bool StderrIsTerminal();

// Whether standard input holds data now: a file with bytes left, or a pipe with bytes already
// written (one byte of it is read). Never waits: a terminal, or a pipe with nothing yet, is false.
bool StandardInputHasData();

}  // namespace treaty::views
