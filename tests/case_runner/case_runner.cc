// Runs the data-driven cases under a folder: each *.case file holds one or more cases separated
// by a line "====". A case is a treaty command line without the program name ("parse --lang lv
// --format text FILE", "align LEFT RIGHT"), then the case's own input text, a line "----", and the
// expected output: stdout, then each stderr line prefixed "stderr: ", then "exit: N" when the exit
// code is not 0. The command runs through the same argument parsing as the binary, from the
// repository root; the word INPUT in it names a temporary file holding the case's input.
//
// Usage: treaty_case_runner [--rewrite] FOLDER. With --rewrite the expected outputs are replaced
// by what the code prints now. Prints "N passed, M failed" and exits 1 on any failure.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "views/cli/commands.h"

namespace fs = std::filesystem;
using namespace treaty;

namespace {

struct Case {
  std::string command;
  std::string input;
  std::string expected;
};

std::vector<std::string> Words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<Case> ParseCases(const std::string& content) {
  std::vector<Case> cases;
  Case current;
  enum { kCommand, kInput, kExpected } state = kCommand;
  std::istringstream in(content);
  for (std::string line; std::getline(in, line);) {
    if (line == "====") {
      cases.push_back(current);
      current = Case{};
      state = kCommand;
      continue;
    }
    if (state == kCommand) {
      if (line.empty() || line[0] == '#') continue;
      current.command = line;
      state = kInput;
    } else if (state == kInput) {
      if (line == "----") {
        state = kExpected;
      } else {
        current.input += line + "\n";
      }
    } else {
      current.expected += line + "\n";
    }
  }
  if (!current.command.empty()) cases.push_back(current);
  return cases;
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

std::string Run(const Case& c, const fs::path& root, const fs::path& scratch) {
  std::string input_path = (scratch / "input.txt").string();
  std::ofstream(input_path, std::ios::binary) << c.input;
  std::vector<std::string> words = Words(c.command);
  std::vector<const char*> argv = {"treaty"};
  for (std::string& word : words) {
    if (word == "INPUT") word = input_path;
    argv.push_back(word.c_str());
  }
  std::ostringstream out, err;
  int code = views::RunCli(static_cast<int>(argv.size()), argv.data(), out, err);
  std::string result = out.str();
  std::istringstream errors(err.str());
  for (std::string line; std::getline(errors, line);) result += "stderr: " + line + "\n";
  if (code != 0) result += "exit: " + std::to_string(code) + "\n";
  result = Replace(result, input_path, "INPUT");
  return Replace(result, root.string() + "/", "");
}

}  // namespace

int main(int argc, char** argv) {
  bool rewrite = argc > 1 && std::string(argv[1]) == "--rewrite";
  if (argc != (rewrite ? 3 : 2)) {
    std::cerr << "usage: treaty_case_runner [--rewrite] FOLDER\n";
    return 2;
  }
  fs::path folder = fs::absolute(argv[rewrite ? 2 : 1]);
  fs::path root = fs::canonical(folder / ".." / "..");
  fs::path scratch = fs::temp_directory_path() / ("treaty-cases-" + std::to_string(::getpid()));
  fs::create_directories(scratch);
  fs::current_path(root);
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.path().extension() == ".case") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  int passed = 0, failed = 0;
  for (const fs::path& file : files) {
    std::vector<Case> cases = ParseCases(ReadAll(file));
    std::string rewritten;
    for (size_t k = 0; k < cases.size(); ++k) {
      std::string actual = Run(cases[k], root, scratch);
      if (actual == cases[k].expected) {
        ++passed;
      } else {
        ++failed;
        std::cout << "FAIL " << fs::relative(file, root).string() << " case " << k + 1 << ": "
                  << cases[k].command << "\n--- expected\n"
                  << cases[k].expected << "--- actual\n"
                  << actual;
      }
      if (k) rewritten += "====\n";
      rewritten += cases[k].command + "\n" + cases[k].input + "----\n" + actual;
    }
    if (rewrite) {
      // Keep the file's leading comment lines.
      std::string content = ReadAll(file), header;
      std::istringstream in(content);
      for (std::string line; std::getline(in, line) && (line.empty() || line[0] == '#');) {
        header += line + "\n";
      }
      std::ofstream(file, std::ios::binary) << header << rewritten;
    }
  }
  fs::remove_all(scratch);
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 || rewrite ? 0 : 1;
}
