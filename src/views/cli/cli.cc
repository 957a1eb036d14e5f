#include <algorithm>
#include <charconv>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <absl/strings/str_split.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include "views/cli/commands.h"
#include "views/cli/subcommands.h"

namespace treaty::views {

const CLI::Validator& LanguageValidator() {
  static const CLI::Validator validator =
      CLI::IsMember({"lv", "en", "uk"}).description("lv, en or uk");
  return validator;
}

namespace {

// "" when `text` is a whole number of at least 1, else why not.
std::string AtLeastOneProblem(const std::string& text, const std::string& what) {
  int64_t number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error == std::errc() && end == text.data() + text.size() && number >= 1) return "";
  if (error == std::errc::result_out_of_range && end == text.data() + text.size()) {
    return what + " is at most " + std::to_string(std::numeric_limits<int64_t>::max()) +
           ", not \"" + text + "\"";
  }
  return what + " is a whole number of at least 1, not \"" + text + "\"";
}

// CLI11's words for a value that is not a number or out of its range and for an option given
// twice, said as the other errors are ("--flag: message"); every other message is CLI11's own.
std::string PlainParseMessage(const std::string& message) {
  constexpr std::string_view kNotConverted = "Could not convert: ";
  constexpr std::string_view kTooMany = ": At Most 1 required but received ";
  if (message.starts_with(kNotConverted)) {
    const std::string named = message.substr(kNotConverted.size());
    if (const size_t equals = named.find(" = "); equals != std::string::npos) {
      return fmt::format("{}: not a whole number: \"{}\"", named.substr(0, equals),
                         named.substr(equals + 3));
    }
  }
  constexpr std::string_view kValue = ": Value ";
  constexpr std::string_view kRange = " not in range ";
  if (const size_t value = message.find(kValue), range = message.find(kRange);
      value != std::string::npos && range != std::string::npos && value < range) {
    const size_t begin = value + kValue.size();
    return fmt::format("{}: \"{}\" is not a whole number from {}", message.substr(0, value),
                       message.substr(begin, range - begin), message.substr(range + kRange.size()));
  }
  // CLI11 lists the arguments it did not expect last first.
  for (const std::string_view extras : {"The following argument was not expected: ",
                                        "The following arguments were not expected: "}) {
    if (!message.starts_with(extras)) continue;
    std::vector<std::string> arguments = absl::StrSplit(message.substr(extras.size()), ' ');
    std::reverse(arguments.begin(), arguments.end());
    return fmt::format("{}: no such option, or an argument too many", fmt::join(arguments, " "));
  }
  if (const size_t too_many = message.find(kTooMany); too_many != std::string::npos) {
    return fmt::format("{}: given {} times; give it once", message.substr(0, too_many),
                       message.substr(too_many + kTooMany.size()));
  }
  return message;
}

// The words of the command `app`'s arguments chose: "treaty user add" for the subcommand `add` of
// `user`, "treaty" when they chose none.
std::string ChosenCommandWords(const CLI::App* app) {
  std::string words = "treaty";
  while (!app->get_subcommands().empty()) {
    app = app->get_subcommands().front();
    words += " " + app->get_name();
  }
  return words;
}

}  // namespace

const CLI::Validator& TreeSizeValidator() {
  static const CLI::Validator validator(
      [](const std::string& text) { return AtLeastOneProblem(text, "a tree size"); }, "SIZE");
  return validator;
}

const CLI::Validator& LimitValidator() {
  static const CLI::Validator validator(
      [](const std::string& text) { return AtLeastOneProblem(text, "a limit"); }, "N");
  return validator;
}

int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"treaty: an international agreement as structured, checkable data"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "treaty 0.1.0");
  // Set before the subcommands are added, which copy it.
  // Said as the commands' own errors are: after the command's words, then where its options are.
  app.failure_message([](const CLI::App* failed, const CLI::Error& error) {
    const std::string command = ChosenCommandWords(failed);
    return fmt::format("{}: {} ({} --help)\n", command, PlainParseMessage(error.what()), command);
  });

  const std::vector<Subcommand> subcommands = {
      AddParseSubcommand(app),       AddExtractSubcommand(app),     AddAlignSubcommand(app),
      AddLoadSubcommand(app),        AddOverviewSubcommand(app),    AddCommitmentsSubcommand(app),
      AddSearchSubcommand(app),      AddRecordSubcommand(app),      AddImportSubcommand(app),
      AddEventsSubcommand(app),      AddVerifySubcommand(app),      AddProofSubcommand(app),
      AddConsistencySubcommand(app), AddVerifyProofSubcommand(app), AddStatusSubcommand(app),
      AddCalendarSubcommand(app),    AddServeSubcommand(app),       AddUserSubcommand(app),
      AddTokenSubcommand(app),       AddExportSubcommand(app),      AddKeygenSubcommand(app),
  };

  // CLI11 would say only that a subcommand is required.
  if (argc > 1 && argv[1][0] != '-' &&
      std::none_of(subcommands.begin(), subcommands.end(), [&](const Subcommand& subcommand) {
        return subcommand.command->check_name(argv[1]);
      })) {
    err << "treaty: unknown subcommand \"" << argv[1] << "\" (treaty --help lists them)\n";
    return kExitBadInput;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e, out, err);
    return code == 0 ? kExitOk : kExitBadInput;
  }
  for (const Subcommand& subcommand : subcommands) {
    if (subcommand.command->parsed()) return subcommand.run(out, err);
  }
  return kExitBadInput;
}

}  // namespace treaty::views
