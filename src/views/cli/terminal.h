// Whether the process's standard streams are terminals: what the commands draw (ANSI marks,
// progress bars) depends on it.
#pragma once

namespace treaty::views {

bool StdoutIsTerminal();
bool StderrIsTerminal();

}  // namespace treaty::views
