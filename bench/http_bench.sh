#!/usr/bin/env bash
# Load figures for the server: wrk against GET /api/v1/status (the status JSON, as clients that
# send Accept-Encoding: gzip get it, and uncompressed), GET / (the overview page) and a bare
# Boost.Beast endpoint returning a constant (http_bare_server), at 64 and 256 connections, 2
# threads, 10 s each, on 127.0.0.1. Prints requests/s and p99 latency and, per connection count,
# the status route's rate as a share of the bare endpoint's. Asserts nothing.
# Usage: bench/http_bench.sh [BUILD_DIR] (default build); needs wrk (Debian package).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
duration=${TREATY_BENCH_DURATION:-10s}
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

printf '%-34s %6s %12s %10s\n' "endpoint" "conns" "req/s" "p99 ms"
for connections in 64 256; do
  read -r bare bare_p99 < <(measure "http://127.0.0.1:18481/" "$connections")
  read -r api api_p99 < <(measure "http://127.0.0.1:18480/api/v1/status" "$connections" \
    -H 'Accept-Encoding: gzip')
  read -r plain plain_p99 < <(measure "http://127.0.0.1:18480/api/v1/status" "$connections")
  read -r page page_p99 < <(measure "http://127.0.0.1:18480/" "$connections")
  printf '%-34s %6s %12s %10s\n' "bare Beast constant" "$connections" "$bare" "$bare_p99"
  printf '%-34s %6s %12s %10s\n' "GET /api/v1/status (gzip)" "$connections" "$api" "$api_p99"
  printf '%-34s %6s %12s %10s\n' "GET /api/v1/status (identity)" "$connections" "$plain" "$plain_p99"
  printf '%-34s %6s %12s %10s\n' "GET / (overview page)" "$connections" "$page" "$page_p99"
  awk -v a="$api" -v b="$bare" 'BEGIN { if (b > 0) printf "%-34s %6s %12.2f\n", "status JSON (gzip) / bare Beast", "", a / b }'
done
