#include <algorithm>
#include <charconv>
#include <iterator>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
// twice, said as the other errors are ("--flag: message"); every other message but those of
// unexpected arguments (UnexpectedArguments) and of a missing subcommand (MissingSubcommand) is
// CLI11's own.
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
  if (const size_t too_many = message.find(kTooMany); too_many != std::string::npos) {
    return fmt::format("{}: given {} times; give it once", message.substr(0, too_many),
                       message.substr(too_many + kTooMany.size()));
  }
  return message;
}

// The arguments of the command line `app` parsed that no option or positional took, in the order
// typed, each in quotes if it holds a space (CLI11's own message lists them last first, split
// at their spaces).
std::string UnexpectedArguments(const CLI::App* app) {
  std::vector<std::string> arguments;
  for (const std::string& argument : app->remaining(true)) {
    const bool quoted = argument.empty() || argument.find_first_of(" \t") != std::string::npos;
    arguments.push_back(quoted ? "\"" + argument + "\"" : argument);
  }
  return fmt::format("{}: no such option, or an argument too many", fmt::join(arguments, " "));
}

// The command `app`'s arguments chose: the deepest subcommand they name, else `app`.
const CLI::App* ChosenCommand(const CLI::App* app) {
  while (!app->get_subcommands().empty()) app = app->get_subcommands().front();
  return app;
}

// The words that run `command`: "treaty user add" for the subcommand `add` of `user`.
std::string CommandWords(const CLI::App* command) {
  std::string words;
  for (; command->get_parent() != nullptr; command = command->get_parent()) {
    words = " " + command->get_name() + words;
  }
  return "treaty" + words;
}

// CLI11's "A subcommand is required" of a command with subcommands of its own (`treaty user`):
// what was given instead, if anything, and the subcommands there are. The top level's unknown
// subcommands are named before parsing (RunCli).
std::string MissingSubcommand(const CLI::App* parsed, const CLI::App* command) {
  std::vector<std::string> names;
  for (const CLI::App* subcommand :
       command->get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(subcommand->get_name());
  }
  const std::vector<std::string> given = parsed->remaining(true);
  return fmt::format("{}give one of its subcommands: {}",
                     given.empty() ? "" : fmt::format("no subcommand \"{}\"; ", given.front()),
                     fmt::join(names, ", "));
}

// The options and arguments that name a file, a folder or a database, and those that choose a
// thing by its name or a date. Given empty, they name none, and would otherwise be read as not
// given (standard output, the package's review file, every agreement, no filter) or be refused
// without saying which option was empty. Each with what to give instead.
constexpr std::pair<std::string_view, std::string_view> kNamingOptions[] = {
    {"--db", "a path"},
    {"--accounts-db", "a path"},
    {"--output", "a path"},
    {"--package", "a path"},
    {"--review", "a path"},
    {"--keys", "a path"},
    {"--key", "a path"},
    {"--facts", "a path"},
    {"--web", "a path"},
    {"--known", "a path"},
    {"--evidence-file", "a path"},
    {"FILE", "a path"},
    {"PACKAGE", "a path"},
    {"LEFT", "a path"},
    {"RIGHT", "a path"},
    {"--agreement", "a value, or leave the option out"},
    {"--evidence", "a value, or leave the option out"},
    {"--type", "a value, or leave the option out"},
    {"--commitment", "a value, or leave the option out"},
    {"--from", "a value, or leave the option out"},
    {"--to", "a value, or leave the option out"},
    {"--institution", "a value, or leave the option out"},
    {"--classification", "a value, or leave the option out"},
};

// "COMMAND: --FLAG: empty: give a path" for the first option of `command` in kNamingOptions
// given as "" (or spaces alone); empty when there is none.
std::string EmptyOptionProblem(const CLI::App* command) {
  for (const CLI::Option* option : command->get_options()) {
    const std::string name = option->get_name();
    const auto* named = std::find_if(std::begin(kNamingOptions), std::end(kNamingOptions),
                                     [&name](const auto& entry) { return entry.first == name; });
    if (named == std::end(kNamingOptions)) continue;
    const std::vector<std::string>& given = option->results();
    if (std::any_of(given.begin(), given.end(), [](const std::string& value) {
          return value.find_first_not_of(" \t") == std::string::npos;
        })) {
      const std::string words = CommandWords(command);
      return fmt::format("{}: {}: empty: give {} ({} --help)", words, name, named->second, words);
    }
  }
  return "";
}

// Whether what the command wrote reached standard output; what went to a full disk is lost, and
// the command did not do its job.
bool OutputWritten(std::ostream& out) { return static_cast<bool>(out.flush()); }

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
  // Said as the commands' own errors are: after the command's words, then where its options are.
  // Set before the subcommands are added, which copy it.
  app.failure_message([](const CLI::App* failed, const CLI::Error& error) {
    const CLI::App* chosen = ChosenCommand(failed);
    const std::string command = CommandWords(chosen);
    std::string message;
    if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
      message = UnexpectedArguments(failed);
    } else if (chosen->get_parent() != nullptr &&
               std::string_view(error.what()) == "A subcommand is required") {
      message = MissingSubcommand(failed, chosen);
    } else {
      message = PlainParseMessage(error.what());
    }
    return fmt::format("{}: {} ({} --help)\n", command, message, command);
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
    const int code = app.exit(e, out, err);
    if (!OutputWritten(out)) {
      err << "treaty: standard output: cannot write\n";
      return kExitBadInput;
    }
    return code == 0 ? kExitOk : kExitBadInput;
  }
  for (const Subcommand& subcommand : subcommands) {
    if (!subcommand.command->parsed()) continue;
    const CLI::App* chosen = ChosenCommand(subcommand.command);
    if (const std::string problem = EmptyOptionProblem(chosen); !problem.empty()) {
      err << problem << "\n";
      return kExitBadInput;
    }
    const int code = subcommand.run(out, err);
    if (!OutputWritten(out)) {
      err << CommandWords(chosen) << ": standard output: cannot write\n";
      return kExitBadInput;
    }
    return code;
  }
  return kExitBadInput;
}

}  // namespace treaty::views
