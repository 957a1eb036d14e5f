// Where a command's document goes: standard output, or the file of its `--output`.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace treaty::views {

// Writes `bytes` to `out` when `path` is empty; otherwise to the file `path`, then prints
// "SUMMARY written to PATH" to `out`. A regular file is replaced whole or, on failure, left as it
// was (written in place when its folder allows no new file); a device, a pipe or a symbolic link
// is written in place, through the link. An SQLite database (the ledger itself, given by
// mistake) and a directory are refused. kExitOk, or kExitBadInput after printing
// "treaty COMMAND: PATH: …" to `err`.
int WriteOutput(std::string_view command, const std::string& path, std::string_view bytes,
                std::string_view summary, std::ostream& out, std::ostream& err);

}  // namespace treaty::views
