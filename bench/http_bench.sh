#!/usr/bin/env bash
# Load figures for the server: wrk against GET /api/v1/status (the status JSON, as clients that
# send Accept-Encoding: gzip get it, and uncompressed), GET / (the overview page) and a bare
# Boost.Beast endpoint returning a constant (http_bare_server), at 64 and 256 connections, 2
# threads, on 127.0.0.1, each measured TREATY_BENCH_RUNS times (default 3, interleaved, 10 s
# each). Prints the median requests/s and the median p99 latency and, per connection count, the
# status route's median rate as a share of the bare endpoint's, measured in the same run.
# Asserts nothing.
# Usage: bench/http_bench.sh [BUILD_DIR] (default build); needs wrk (Debian package).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
duration=${TREATY_BENCH_DURATION:-10s}
runs=${TREATY_BENCH_RUNS:-3}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

"$build/treaty" load data/agreements/lv-ua-2024 --db "$work/treaty.sqlite" >/dev/null
"$build/treaty" import data/agreements/lv-ua-2024/ledger/reported-support.csv \
  --profile reported-support --db "$work/treaty.sqlite" --user demo >/dev/null 2>&1

"$build/treaty" serve --db "$work/treaty.sqlite" --listen 127.0.0.1:18480 --quiet >"$work/serve.out" 2>&1 &
pids+=($!)
"$build/http_bare_server" 127.0.0.1 18481 >"$work/bare.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
  if grep -q serving "$work/serve.out" 2>/dev/null && grep -q serving "$work/bare.out" 2>/dev/null; then break; fi
  sleep 0.1
done

# Prints "RATE P99_MS" of one wrk run.
measure() {
  local url=$1 connections=$2
  shift 2
  wrk -t2 -c"$connections" -d"$duration" --latency "$@" "$url" 2>/dev/null | awk '
    /Requests\/sec/ { rate = $2 }
    /^ +99%/ { p = $2; if (p ~ /us$/) { sub(/us$/, "", p); p = p / 1000 } else if (p ~ /ms$/) { sub(/ms$/, "", p) } else if (p ~ /s$/) { sub(/s$/, "", p); p = p * 1000 } p99 = p }
    END { printf "%s %s\n", rate, p99 }'
}

# Prints "RATE P99_MS": the medians of the lines of "RATE P99_MS" on stdin, each column alone.
median() {
  local lines
  lines=$(awk 'NF')
  printf '%s %s\n' \
    "$(printf '%s\n' "$lines" | sort -g -k1,1 | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')" \
    "$(printf '%s\n' "$lines" | sort -g -k2,2 | awk '{ v[NR] = $2 } END { print v[int((NR + 1) / 2)] }')"
}

declare -A samples
targets=(bare api plain page)
declare -A urls=([bare]="http://127.0.0.1:18481/" [api]="http://127.0.0.1:18480/api/v1/status"
  [plain]="http://127.0.0.1:18480/api/v1/status" [page]="http://127.0.0.1:18480/")
declare -A names=([bare]="bare Beast constant" [api]="GET /api/v1/status (gzip)"
  [plain]="GET /api/v1/status (identity)" [page]="GET / (overview page)")

printf '%-34s %6s %12s %10s\n' "endpoint" "conns" "req/s" "p99 ms"
for connections in 64 256; do
  for target in "${targets[@]}"; do samples[$target]=""; done
  for _ in $(seq "$runs"); do
    for target in "${targets[@]}"; do
      if [ "$target" = api ]; then
        line=$(measure "${urls[$target]}" "$connections" -H 'Accept-Encoding: gzip')
      else
        line=$(measure "${urls[$target]}" "$connections")
      fi
      samples[$target]+="$line"$'\n'
    done
  done
  declare -A rate=()
  for target in "${targets[@]}"; do
    read -r value p99 < <(printf '%s' "${samples[$target]}" | median)
    rate[$target]=$value
    printf '%-34s %6s %12s %10s\n' "${names[$target]}" "$connections" "$value" "$p99"
  done
  awk -v a="${rate[api]}" -v b="${rate[bare]}" 'BEGIN { if (b > 0) printf "%-34s %6s %12.2f\n", "status JSON (gzip) / bare Beast", "", a / b }'
done
