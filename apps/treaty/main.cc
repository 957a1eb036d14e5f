// The one treaty binary: every subcommand is in src/views/cli.
#include <iostream>

#include "views/cli/commands.h"

int main(int argc, char** argv) { return treaty::views::RunCli(argc, argv, std::cout, std::cerr); }
