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
#include "bench_support.h"
#include "document/parser.h"

namespace {

using treaty::bench::Input;

const char* const kBundledTexts[] = {"data/agreements/lv-ua-2024/lv.txt",
                                     "data/agreements/lv-ua-2024/en.txt"};

// Every corpus and bundled text, each ending in a blank line, repeated until >= 50 MiB.
const std::string& LargeInput() {
  static const std::string input = [] {
    std::vector<Input> inputs = treaty::bench::CorpusInputs();
    for (const char* relative : kBundledTexts) {
      if (std::optional<Input> bundled = treaty::bench::FileInput(relative)) {
        inputs.push_back(*bundled);
      }
    }
    return treaty::bench::Repeated(inputs);
  }();
  return input;
}

// The corpus texts, read once.
const std::vector<Input>& CorpusInputs() {
  static const std::vector<Input> inputs = treaty::bench::CorpusInputs();
  return inputs;
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
  treaty::bench::BytesPerIteration()[benchmark_name] = total;
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
  treaty::Result<std::string> bytes = treaty::text::ReadFile(treaty::bench::SourcePath(relative));
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
    state.SkipWithError(
        ("no .txt files in " + treaty::bench::SourcePath("tests/data/corpus")).c_str());
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

void RegisterAll() {
  for (const char* relative : kBundledTexts) {
    std::string file = std::filesystem::path(relative).filename().string();
    std::string name = "parse/" + file;
    treaty::bench::Configure(benchmark::RegisterBenchmark(
        name.c_str(), [name, relative](benchmark::State& s) { BM_ParseFile(s, name, relative); }));
  }
  treaty::bench::Configure(benchmark::RegisterBenchmark(
      "parse/corpus-each",
      [](benchmark::State& s) { BM_ParseCorpusEach(s, "parse/corpus-each"); }));
  treaty::bench::Configure(benchmark::RegisterBenchmark(
      "parse/50MB", [](benchmark::State& s) { BM_ParseLarge(s, "parse/50MB"); }));
}

}  // namespace

int main(int argc, char** argv) {
  RegisterAll();
  return treaty::bench::RunBenchmarks(
      argc, argv,
      "Summary (median of 5 runs; MB = 10^6 bytes; targets: the 40 KB "
      "agreement in under 2 ms, at least 50 MB/s per core)");
}
