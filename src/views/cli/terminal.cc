#include "views/cli/terminal.h"

#include <termios.h>
#include <unistd.h>

#include <array>
#include <csignal>
#include <iostream>

namespace treaty::views {
namespace {

// The terminal's settings while a hidden line is read, for the signal handler to put back.
termios shown_settings{};

// Signals that end the process while the echo is off: the echo comes back first.
constexpr std::array<int, 4> kEndingSignals = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

void RestoreEchoAndDie(int signal) {
  ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &shown_settings);
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

}  // namespace

bool StdinIsTerminal() { return ::isatty(STDIN_FILENO) == 1; }

bool StdoutIsTerminal() { return ::isatty(STDOUT_FILENO) == 1; }

bool StderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

std::string ReadHiddenLine(const std::string& prompt, std::ostream& err) {
  err << prompt << std::flush;
  std::array<struct sigaction, kEndingSignals.size()> before{};
  const bool installed = ::tcgetattr(STDIN_FILENO, &shown_settings) == 0;
  bool hidden = false;
  if (installed) {
    struct sigaction restore {};
    restore.sa_handler = RestoreEchoAndDie;
    sigemptyset(&restore.sa_mask);
    for (size_t i = 0; i < kEndingSignals.size(); ++i) {
      ::sigaction(kEndingSignals[i], &restore, &before[i]);
    }
    termios quiet = shown_settings;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    hidden = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  }
  std::string line;
  std::getline(std::cin, line);
  if (hidden) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &shown_settings);
  for (size_t i = 0; installed && i < kEndingSignals.size(); ++i) {
    ::sigaction(kEndingSignals[i], &before[i], nullptr);
  }
  err << "\n";
  return line;
}

}  // namespace treaty::views
