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
#include "bench_support.h"
#include "document/parser.h"
#include "grammar/expressions.h"

namespace {

using treaty::bench::Input;

struct Prepared {
  std::string bytes;
  treaty::text::NormalizedText text;
  treaty::document::Document doc;
};

// Normalises and parses `bytes` once; nullopt (with the reason in `error`) when that fails.
std::optional<Prepared> Prepare(std::string bytes, treaty::text::Language language,
                                std::string& error) {
  treaty::Result<treaty::text::NormalizedText> text =
      treaty::text::Normalize(bytes, "benchmark input", language);
  if (!text.ok()) {
    error = text.error().ToString();
    return std::nullopt;
  }
  Prepared prepared{std::move(bytes), std::move(text).value(), {}};
  prepared.doc = treaty::document::BuildDocument(prepared.text, "benchmark input");
  return prepared;
}

void BM_Extract(benchmark::State& state, const std::string& name, const std::string& bytes,
                treaty::text::Language language) {
  if (bytes.empty()) {
    state.SkipWithError("no input texts for this language");
    return;
  }
  std::string error;
  std::optional<Prepared> prepared = Prepare(bytes, language, error);
  if (!prepared) {
    state.SkipWithError(error.c_str());
    return;
  }
  treaty::bench::BytesPerIteration()[name] = static_cast<int64_t>(bytes.size());
  for (auto _ : state) {
    treaty::grammar::Expressions found =
        treaty::grammar::ExtractExpressions(prepared->bytes, prepared->text, prepared->doc);
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes.size()));
}

std::vector<Input> Inputs(std::initializer_list<const char*> files, const char* corpus_suffix) {
  std::vector<Input> inputs;
  for (const char* file : files) {
    if (std::optional<Input> input = treaty::bench::FileInput(file)) inputs.push_back(*input);
  }
  if (corpus_suffix) {
    for (Input& input : treaty::bench::CorpusInputs(corpus_suffix)) inputs.push_back(input);
  }
  return inputs;
}

void Register(const std::string& name, std::string bytes, treaty::text::Language language) {
  auto shared = std::make_shared<std::string>(std::move(bytes));
  treaty::bench::Configure(benchmark::RegisterBenchmark(
      name.c_str(),
      [name, shared, language](benchmark::State& s) { BM_Extract(s, name, *shared, language); }));
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
  Register("extract/lv/bundled", treaty::bench::Repeated(Inputs({lv}, nullptr), 1),
           Language::kLatvian);
  Register("extract/en/bundled", treaty::bench::Repeated(Inputs({en}, nullptr), 1),
           Language::kEnglish);
  Register("extract/lv/50MB", treaty::bench::Repeated(Inputs({lv}, nullptr)), Language::kLatvian);
  Register("extract/en/50MB", treaty::bench::Repeated(Inputs({en}, ".en.txt")), Language::kEnglish);
  Register("extract/uk/50MB", treaty::bench::Repeated(Inputs({}, ".uk.txt")), Language::kUkrainian);
  Register("extract/en/years-list-1MB", YearsList(size_t{1} << 20), Language::kEnglish);
  Register("extract/en/years-list-10MB", YearsList(size_t{10} << 20), Language::kEnglish);
}

}  // namespace

int main(int argc, char** argv) {
  RegisterAll();
  return treaty::bench::RunBenchmarks(
      argc, argv, "Summary (median of 5 runs; MB = 10^6 bytes; target: at least 30 MB/s per core)");
}
