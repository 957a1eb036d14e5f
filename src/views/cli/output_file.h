// Where a command's document goes: standard output, or the file of its `--output`.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace treaty::views {

// Writes `bytes` to `out` when `path` is empty; otherwise to the file `path` (replaced), then
// prints "SUMMARY written to PATH" to `out`. kExitOk, or kExitBadInput after printing
// "treaty COMMAND: PATH: cannot write the file" to `err`.
int WriteOutput(std::string_view command, const std::string& path, std::string_view bytes,
                std::string_view summary, std::ostream& out, std::ostream& err);

}  // namespace treaty::views
