// Throughput of the text and document stages: bytes of a plain-text agreement in, Document out.
//
// Inputs, all read from the repository (TREATY_SOURCE_DIR):
//   parse/lv.txt, parse/en.txt   the bundled agreement, one parse per iteration
//   parse/corpus-each            every tests/data/corpus/*.txt, one parse per file per iteration
//   parse/50MB                   the corpus and bundled texts concatenated, repeated to >= 50 MiB,
//                                parsed as one document
//
// Each benchmark runs 5 repetitions and reports their mean, median, stddev and cv in wall-clock
// milliseconds with bytes/s. After the run a summary prints, for each input, the median time and
// MB/s (10^6 bytes per second). Figures are printed, never asserted.
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

#include "document/parser.h"
#include "text/source_reader.h"

namespace {

constexpr size_t kLargeInputBytes = size_t{50} * 1024 * 1024;

std::string SourcePath(std::string_view relative) {
  return std::string(TREATY_SOURCE_DIR) + "/" + std::string(relative);
}

struct Input {
  std::string name;   // file name, for labels
  std::string bytes;  // its contents
};

// The corpus texts in name order; empty when the folder is missing.
const std::vector<Input>& CorpusInputs() {
  static const std::vector<Input> inputs = [] {
    std::vector<std::filesystem::path> paths;
    std::error_code error;
    for (const auto& entry :
         std::filesystem::directory_iterator(SourcePath("tests/data/corpus"), error)) {
      if (entry.is_regular_file() && entry.path().extension() == ".txt") {
        paths.push_back(entry.path());
      }
    }
    std::sort(paths.begin(), paths.end());
    std::vector<Input> result;
    for (const auto& path : paths) {
      treaty::Result<std::string> bytes = treaty::text::ReadFile(path.string());
      if (bytes.ok()) result.push_back({path.filename().string(), std::move(bytes).value()});
    }
    return result;
  }();
  return inputs;
}

const char* const kBundledTexts[] = {"data/agreements/lv-ua-2024/lv.txt",
                                     "data/agreements/lv-ua-2024/en.txt"};

// Every corpus and bundled text, each ending in a blank line, repeated until >= 50 MiB.
const std::string& LargeInput() {
  static const std::string input = [] {
    std::string round;
    auto append = [&round](std::string_view bytes) {
      round.append(bytes);
      if (!round.empty() && round.back() != '\n') round.push_back('\n');
      round.push_back('\n');
    };
    for (const Input& input : CorpusInputs()) append(input.bytes);
    for (const char* relative : kBundledTexts) {
      treaty::Result<std::string> bytes = treaty::text::ReadFile(SourcePath(relative));
      if (bytes.ok()) append(bytes.value());
    }
    std::string result;
    if (round.empty()) return result;
    result.reserve(kLargeInputBytes + round.size());
    while (result.size() < kLargeInputBytes) result.append(round);
    return result;
  }();
  return input;
}

// Bytes parsed per iteration, by benchmark name, for the summary.
std::map<std::string, int64_t>& BytesPerIteration() {
  static std::map<std::string, int64_t> bytes;
  return bytes;
}

// Parses `inputs` once each per iteration. Skips with the first error, found by an untimed parse
// that also loads whatever the parser loads on first use (dictionaries).
void RunParse(benchmark::State& state, const std::string& benchmark_name,
              const std::vector<std::string_view>& inputs, const std::vector<std::string>& names) {
  int64_t total = 0;
  for (size_t i = 0; i < inputs.size(); ++i) {
    treaty::Result<treaty::document::Document> warm_up =
        treaty::document::ParseBytes(inputs[i], names[i]);
    if (!warm_up.ok()) {
      state.SkipWithError(warm_up.error().ToString().c_str());
      return;
    }
    total += static_cast<int64_t>(inputs[i].size());
  }
  BytesPerIteration()[benchmark_name] = total;
  for (auto _ : state) {
    for (size_t i = 0; i < inputs.size(); ++i) {
      treaty::Result<treaty::document::Document> document =
          treaty::document::ParseBytes(inputs[i], names[i]);
      benchmark::DoNotOptimize(document);
    }
  }
  state.SetBytesProcessed(state.iterations() * total);
}

void BM_ParseFile(benchmark::State& state, const std::string& benchmark_name,
                  const std::string& relative) {
  treaty::Result<std::string> bytes = treaty::text::ReadFile(SourcePath(relative));
  if (!bytes.ok()) {
    state.SkipWithError(bytes.error().ToString().c_str());
    return;
  }
  RunParse(state, benchmark_name, {bytes.value()}, {relative});
}

void BM_ParseCorpusEach(benchmark::State& state, const std::string& benchmark_name) {
  std::vector<std::string_view> inputs;
  std::vector<std::string> names;
  for (const Input& input : CorpusInputs()) {
    inputs.push_back(input.bytes);
    names.push_back(input.name);
  }
  if (inputs.empty()) {
    state.SkipWithError(("no .txt files in " + SourcePath("tests/data/corpus")).c_str());
    return;
  }
  RunParse(state, benchmark_name, inputs, names);
}

void BM_ParseLarge(benchmark::State& state, const std::string& benchmark_name) {
  const std::string& bytes = LargeInput();
  if (bytes.empty()) {
    state.SkipWithError("no corpus or bundled texts to build the large input from");
    return;
  }
  RunParse(state, benchmark_name, {bytes}, {"concatenated texts"});
}

void Configure(benchmark::internal::Benchmark* benchmark) {
  benchmark->Repetitions(5)
      ->ReportAggregatesOnly(true)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
}

void RegisterAll() {
  for (const char* relative : kBundledTexts) {
    std::string file = std::filesystem::path(relative).filename().string();
    std::string name = "parse/" + file;
    Configure(benchmark::RegisterBenchmark(
        name.c_str(), [name, relative](benchmark::State& s) { BM_ParseFile(s, name, relative); }));
  }
  Configure(benchmark::RegisterBenchmark("parse/corpus-each", [](benchmark::State& s) {
    BM_ParseCorpusEach(s, "parse/corpus-each");
  }));
  Configure(benchmark::RegisterBenchmark(
      "parse/50MB", [](benchmark::State& s) { BM_ParseLarge(s, "parse/50MB"); }));
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

  // Prints one line per benchmark: median milliseconds and MB/s, or why it did not run.
  void PrintSummary() const {
    std::FILE* out = stdout;
    std::fprintf(out,
                 "\nSummary (median of 5 runs; MB = 10^6 bytes; targets: the 40 KB agreement in "
                 "under 2 ms, at least 50 MB/s per core)\n");
    for (const Row& row : rows_) {
      const char* name = row.name.c_str();
      if (!row.median) {
        std::fprintf(out, "  %-18s not run: %s\n", name, row.error.c_str());
        continue;
      }
      double seconds = row.median->GetAdjustedRealTime() * Multiplier(row.median->time_unit);
      auto bytes = BytesPerIteration().find(row.name);
      if (bytes == BytesPerIteration().end() || seconds <= 0) continue;
      double megabytes = static_cast<double>(bytes->second) / 1e6;
      std::fprintf(out, "  %-18s %9.2f MB  median %10.3f ms  %8.1f MB/s\n", name, megabytes,
                   seconds * 1e3, megabytes / seconds);
    }
  }

 private:
  static double Multiplier(benchmark::TimeUnit unit) {
    switch (unit) {
      case benchmark::kNanosecond:
        return 1e-9;
      case benchmark::kMicrosecond:
        return 1e-6;
      case benchmark::kMillisecond:
        return 1e-3;
      case benchmark::kSecond:
        return 1.0;
    }
    return 1.0;
  }

  struct Row {
    std::string name;
    std::optional<Run> median;
    std::string error;
  };
  std::vector<Row> rows_;  // in the order the benchmarks ran
};

// True when the command line asks for a format other than the console table.
bool NonConsoleFormat(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.starts_with("--benchmark_format=") && arg != "--benchmark_format=console") return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  bool plain_reporter = NonConsoleFormat(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RegisterAll();
  if (plain_reporter) {
    benchmark::RunSpecifiedBenchmarks();
  } else {
    SummaryReporter reporter(isatty(fileno(stdout)) ? benchmark::ConsoleReporter::OO_Color
                                                    : benchmark::ConsoleReporter::OO_None);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    reporter.PrintSummary();
  }
  benchmark::Shutdown();
  return 0;
}
