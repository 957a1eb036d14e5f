// Throughput of the expression stage, per language: a parsed agreement in, its expressions out.
//
// Inputs, built from the repository's texts (TREATY_SOURCE_DIR) and repeated to >= 50 MiB:
//   extract/lv/50MB   the bundled Latvian text
//   extract/en/50MB   the bundled English text and every English corpus text
//   extract/uk/50MB   the Ukrainian corpus text
// and, for the per-text figure, extract/<lang>/bundled (lv, en) on one copy of the bundled text.
// Linearity: extract/en/years-list-{1,10}MB is one paragraph listing years ("1900, 1901, …"),
// the worst case for list rules; equal MB/s at both sizes means time linear in the input.
// The text and document stages run once, untimed; each iteration runs ExtractExpressions over the
// whole document. Each benchmark runs 5 repetitions; the summary prints medians and MB/s.
#include <functional>
#include <memory>

#include "bench_support.h"
#include "document/parser.h"
#include "grammar/expressions.h"

namespace {

using treaty::bench::Input;

// A benchmark's input, built, normalised and parsed on first use (untimed) and kept for the
// later repetitions; benchmarks filtered out never build theirs.
class Workload {
 public:
  Workload(std::function<std::string()> build, treaty::text::Language language)
      : build_(std::move(build)), language_(language) {}

  // The prepared input, or null with the reason in error().
  const Workload* Prepared() {
    if (!ready_) Prepare();
    return error_.empty() ? this : nullptr;
  }
  const std::string& error() const { return error_; }

  std::string bytes;
  treaty::text::NormalizedText text;
  treaty::document::Document doc;

 private:
  void Prepare() {
    ready_ = true;
    bytes = build_();
    if (bytes.empty()) {
      error_ = "no input texts for this language";
      return;
    }
    treaty::Result<treaty::text::NormalizedText> normalized =
        treaty::text::Normalize(bytes, "benchmark input", language_);
    if (!normalized.ok()) {
      error_ = normalized.error().ToString();
      return;
    }
    text = std::move(normalized).value();
    doc = treaty::document::BuildDocument(text, "benchmark input");
  }

  std::function<std::string()> build_;
  treaty::text::Language language_;
  bool ready_ = false;
  std::string error_;
};

void BM_Extract(benchmark::State& state, const std::string& name, Workload& workload) {
  const Workload* input = workload.Prepared();
  if (!input) {
    state.SkipWithError(workload.error().c_str());
    return;
  }
  int64_t size = static_cast<int64_t>(input->bytes.size());
  treaty::bench::BytesPerIteration()[name] = size;
  for (auto _ : state) {
    treaty::grammar::Expressions found =
        treaty::grammar::ExtractExpressions(input->text, input->doc);
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(state.iterations() * size);
}

std::vector<Input> Inputs(std::initializer_list<const char*> files, const char* corpus_suffix) {
  std::vector<Input> inputs;
  for (const char* file : files) {
    if (std::optional<Input> input = treaty::bench::FileInput(file)) {
      inputs.push_back(std::move(*input));
    }
  }
  if (corpus_suffix) {
    for (Input& input : treaty::bench::CorpusInputs(corpus_suffix)) {
      inputs.push_back(std::move(input));
    }
  }
  return inputs;
}

void Register(const std::string& name, std::function<std::string()> build,
              treaty::text::Language language) {
  auto workload = std::make_shared<Workload>(std::move(build), language);
  treaty::bench::Configure(benchmark::RegisterBenchmark(
      name.c_str(), [name, workload](benchmark::State& s) { BM_Extract(s, name, *workload); }));
}

// One paragraph of comma-separated years, at least `size` bytes long.
std::string YearsList(size_t size) {
  std::string text = "1. Years\nThe years ";
  for (int i = 0; text.size() < size; ++i) text += std::to_string(1900 + i % 200) + ", ";
  return text + "and 2024.\n";
}

void RegisterAll() {
  using treaty::text::Language;
  const char* lv = "data/agreements/lv-ua-2024/lv.txt";
  const char* en = "data/agreements/lv-ua-2024/en.txt";
  Register(
      "extract/lv/bundled", [lv] { return treaty::bench::Repeated(Inputs({lv}, nullptr), 1); },
      Language::kLatvian);
  Register(
      "extract/en/bundled", [en] { return treaty::bench::Repeated(Inputs({en}, nullptr), 1); },
      Language::kEnglish);
  Register(
      "extract/lv/50MB", [lv] { return treaty::bench::Repeated(Inputs({lv}, nullptr)); },
      Language::kLatvian);
  Register(
      "extract/en/50MB", [en] { return treaty::bench::Repeated(Inputs({en}, ".en.txt")); },
      Language::kEnglish);
  Register(
      "extract/uk/50MB", [] { return treaty::bench::Repeated(Inputs({}, ".uk.txt")); },
      Language::kUkrainian);
  Register(
      "extract/en/years-list-1MB", [] { return YearsList(size_t{1} << 20); }, Language::kEnglish);
  Register(
      "extract/en/years-list-10MB", [] { return YearsList(size_t{10} << 20); }, Language::kEnglish);
}

}  // namespace

int main(int argc, char** argv) {
  RegisterAll();
  return treaty::bench::RunBenchmarks(
      argc, argv, "Summary (median of 5 runs; MB = 10^6 bytes; target: at least 30 MB/s per core)");
}
