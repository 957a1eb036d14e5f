#!/usr/bin/env bash
# Puts treaty's English expression stage next to Microsoft Recognizers-Text: money, date and
# duration counts on data/agreements/lv-ua-2024/en.txt, and throughput on the English corpus.
# Usage: bench/peers/compare.sh [--build DIR] [--mb N] [--runs N]
#   --build DIR  treaty's build folder (default build, in the repository)
#   --mb, --runs passed to recognizers_bench.js (MB of the corpus timed, runs; default 1 and 5)
# Installs the peer's npm packages (npm ci) when bench/peers/node_modules is missing.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="$repo/build"
peer_args=()
while (($#)); do
  case "$1" in
    --build) build="${2:?--build needs a folder}"; shift 2 ;;
    --mb | --runs) peer_args+=("$1" "${2:?$1 needs a number}"); shift 2 ;;
    *) echo "usage: bench/peers/compare.sh [--build DIR] [--mb N] [--runs N]" >&2; exit 2 ;;
  esac
done
[[ $build == /* ]] || build="$PWD/$build"

missing=0
for binary in treaty extract_bench; do
  if [[ ! -x $build/$binary ]]; then
    echo "compare.sh: $build/$binary is missing; run scripts/build.sh first" >&2
    missing=1
  fi
done
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "compare.sh: node and npm are needed for the peer benchmark" >&2
  missing=1
fi
((missing == 0)) || exit 2

if [[ ! -d $here/node_modules ]]; then
  echo "installing the peer's npm packages (npm ci)" >&2
  (cd "$here" && npm ci --no-audit --no-fund) >&2
fi

en_text="data/agreements/lv-ua-2024/en.txt"

# Our counts: lines of `treaty extract --format jsonl` per kind.
echo "counting with treaty extract" >&2
treaty_counts="$("$build/treaty" extract "$repo/$en_text" --lang en --format jsonl | node -e '
  const counts = {};
  for (const line of require("fs").readFileSync(0, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const kind = JSON.parse(line).kind;
    counts[kind] = (counts[kind] || 0) + 1;
  }
  for (const [kind, count] of Object.entries(counts)) console.log(kind, count);
')"
treaty_count() {
  awk -v kind="$1" '$1 == kind { print $2; found = 1 } END { if (!found) print 0 }' <<<"$treaty_counts"
}

echo "running $build/extract_bench --benchmark_filter=en/" >&2
bench_status=0
bench_output="$("$build/extract_bench" --benchmark_filter=en/ 2>&1)" || bench_status=$?
treaty_throughput="$(grep '^extract/en/50MB' <<<"$bench_output" | grep 'MB/s' || true)"
if [[ -z $treaty_throughput ]]; then
  treaty_throughput="extract/en/50MB: no summary line (extract_bench exit status $bench_status)"
fi

echo "running recognizers_bench.js (about 100 s per MB and run)" >&2
peer_output="$(node "$here/recognizers_bench.js" --repo "$repo" "${peer_args[@]}")"
peer_count() { awk -v kind="$1" '$1 == kind { print $2 }' <<<"$peer_output"; }

echo "$peer_output"
echo
echo "treaty extract --lang en on $en_text: kinds money, date, duration" \
  "(also year $(treaty_count year), years $(treaty_count years), period $(treaty_count period))"
echo
printf '%-10s %8s %12s\n' "en.txt" "treaty" "recognizers"
for kind in money date duration; do
  printf '%-10s %8s %12s\n' "$kind" "$(treaty_count "$kind")" "$(peer_count "$kind")"
done
echo
echo "throughput (MB = 10^6 bytes):"
echo "$treaty_throughput"
grep '^  recognizers/en/' <<<"$peer_output" | sed 's/^  //'
