// The bundled agreement end to end through the commitments stage: both texts read, parsed,
// their expressions found and their commitments extracted, aligned and reviewed, as
// `treaty commitments` does on every run. Stages apart, for where the time goes:
//   commitments/end-to-end   ExtractAgreementCommitments on data/agreements/lv-ua-2024 (files
//                            read from the page cache; the review file applied)
//   commitments/extract-only ExtractCommitments over the two texts already parsed and extracted
// Each runs 5 repetitions; the summary prints medians. Target: end to end under 20 ms.
#include "bench_support.h"
#include "commitments/agreement_commitments.h"
#include "commitments/extraction.h"

namespace {

const std::string kPackage = treaty::bench::SourcePath("data/agreements/lv-ua-2024");

// Bytes of the two texts, for the summary's MB/s.
int64_t TextBytes() {
  int64_t total = 0;
  for (const char* file :
       {"data/agreements/lv-ua-2024/lv.txt", "data/agreements/lv-ua-2024/en.txt"})
    if (auto input = treaty::bench::FileInput(file))
      total += static_cast<int64_t>(input->bytes.size());
  return total;
}

void BM_EndToEnd(benchmark::State& state) {
  treaty::bench::BytesPerIteration()["commitments/end-to-end"] = TextBytes();
  for (auto _ : state) {
    treaty::Result<treaty::commitments::AgreementCommitments> read =
        treaty::commitments::ExtractAgreementCommitments(kPackage);
    if (!read.ok()) {
      state.SkipWithError(read.error().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(read.value().reviewed.data());
  }
}

void BM_ExtractOnly(benchmark::State& state) {
  treaty::Result<treaty::commitments::AgreementCommitments> read =
      treaty::commitments::ExtractAgreementCommitments(kPackage);
  if (!read.ok()) {
    state.SkipWithError(read.error().ToString().c_str());
    return;
  }
  treaty::bench::BytesPerIteration()["commitments/extract-only"] = TextBytes();
  std::vector<std::string> parties;
  for (const auto& party : read.value().package.parties) parties.push_back(party.code);
  for (auto _ : state) {
    std::vector<treaty::commitments::Commitment> found =
        treaty::commitments::ExtractCommitments(read.value().versions, parties);
    benchmark::DoNotOptimize(found.data());
  }
}

}  // namespace

int main(int argc, char** argv) {
  treaty::bench::Configure(benchmark::RegisterBenchmark("commitments/end-to-end", BM_EndToEnd));
  treaty::bench::Configure(
      benchmark::RegisterBenchmark("commitments/extract-only", BM_ExtractOnly));
  return treaty::bench::RunBenchmarks(argc, argv,
                                      "Summary (median of 5 runs; target: end to end under 20 ms)");
}
