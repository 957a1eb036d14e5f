// What the benchmarks share: reading inputs from the repository, building large inputs, the
// Google Benchmark settings (5 repetitions, medians) and a summary that prints each benchmark's
// median time and MB/s (10^6 bytes per second). Figures are printed, never asserted.
#pragma once

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/source_reader.h"

namespace treaty::bench {

inline constexpr size_t kLargeInputBytes = size_t{50} * 1024 * 1024;

inline std::string SourcePath(std::string_view relative) {
  return std::string(TREATY_SOURCE_DIR) + "/" + std::string(relative);
}

struct Input {
  std::string name;   // file name, for labels
  std::string bytes;  // its contents
};

// The texts of tests/data/corpus whose names end in `suffix` (".txt": all), in name order.
inline std::vector<Input> CorpusInputs(std::string_view suffix = ".txt") {
  std::vector<std::filesystem::path> paths;
  std::error_code error;
  for (const auto& entry :
       std::filesystem::directory_iterator(SourcePath("tests/data/corpus"), error)) {
    if (entry.is_regular_file() && entry.path().filename().string().ends_with(suffix)) {
      paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<Input> result;
  for (const auto& path : paths) {
    Result<std::string> bytes = text::ReadFile(path.string());
    if (bytes.ok()) result.push_back({path.filename().string(), std::move(bytes).value()});
  }
  return result;
}

// A repository file as an input; nullopt when it cannot be read.
inline std::optional<Input> FileInput(std::string_view relative) {
  Result<std::string> bytes = text::ReadFile(SourcePath(relative));
  if (!bytes.ok()) return std::nullopt;
  return Input{std::filesystem::path(relative).filename().string(), std::move(bytes).value()};
}

// The inputs, each ending in a blank line, repeated until the result holds at least `size`
// bytes; empty when there are no inputs.
inline std::string Repeated(const std::vector<Input>& inputs, size_t size = kLargeInputBytes) {
  std::string round;
  for (const Input& input : inputs) {
    round.append(input.bytes);
    if (!round.empty() && round.back() != '\n') round.push_back('\n');
    round.push_back('\n');
  }
  std::string result;
  if (round.empty()) return result;
  result.reserve(size + round.size());
  while (result.size() < size) result.append(round);
  return result;
}

// Bytes processed per iteration, by benchmark name, for the summary.
inline std::map<std::string, int64_t>& BytesPerIteration() {
  static std::map<std::string, int64_t> bytes;
  return bytes;
}

inline void Configure(benchmark::internal::Benchmark* benchmark) {
  benchmark->Repetitions(5)
      ->ReportAggregatesOnly(true)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
}

// The console reporter, remembering each benchmark's median for a plain summary at the end.
class SummaryReporter : public benchmark::ConsoleReporter {
 public:
  using benchmark::ConsoleReporter::ConsoleReporter;

  void ReportRuns(const std::vector<Run>& reports) override {
    benchmark::ConsoleReporter::ReportRuns(reports);
    for (const Run& run : reports) {
      if (run.error_occurred) {
        // Reported once per repetition; keep one.
        if (!rows_.empty() && rows_.back().name == run.run_name.function_name) continue;
        rows_.push_back({run.run_name.function_name, std::nullopt, run.error_message});
      } else if (run.run_type == Run::RT_Aggregate && run.aggregate_name == "median") {
        rows_.push_back({run.run_name.function_name, run, ""});
      }
    }
  }

  // Prints `title`, then one line per benchmark: median milliseconds and MB/s, or why it did not
  // run.
  void PrintSummary(const char* title) const {
    std::FILE* out = stdout;
    std::fprintf(out, "\n%s\n", title);
    for (const Row& row : rows_) {
      const char* name = row.name.c_str();
      if (!row.median) {
        std::fprintf(out, "  %-22s not run: %s\n", name, row.error.c_str());
        continue;
      }
      double seconds = row.median->GetAdjustedRealTime() /
                       benchmark::GetTimeUnitMultiplier(row.median->time_unit);
      auto bytes = BytesPerIteration().find(row.name);
      if (bytes == BytesPerIteration().end() || seconds <= 0) continue;
      double megabytes = static_cast<double>(bytes->second) / 1e6;
      std::fprintf(out, "  %-22s %9.2f MB  median %10.3f ms  %8.1f MB/s\n", name, megabytes,
                   seconds * 1e3, megabytes / seconds);
    }
  }

 private:
  struct Row {
    std::string name;
    std::optional<Run> median;
    std::string error;
  };
  std::vector<Row> rows_;  // in the order the benchmarks ran
};

// Runs the registered benchmarks and, with the console format, prints the summary under
// `title`. Returns main's exit code.
inline int RunBenchmarks(int argc, char** argv, const char* title) {
  bool console = true;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.starts_with("--benchmark_format=") && arg != "--benchmark_format=console") {
      console = false;
    }
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  if (console) {
    SummaryReporter reporter(isatty(fileno(stdout)) ? benchmark::ConsoleReporter::OO_Color
                                                    : benchmark::ConsoleReporter::OO_None);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    reporter.PrintSummary(title);
  } else {
    benchmark::RunSpecifiedBenchmarks();
  }
  benchmark::Shutdown();
  return 0;
}

}  // namespace treaty::bench
