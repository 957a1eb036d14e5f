#!/usr/bin/env bash
# Crash safety of the ledger (docs/ledger-format.md §6.4, §7.2), on SQLite or on PostgreSQL: a
# 100,000-event import is killed with SIGKILL at a random moment, 20 times. After each kill every
# acknowledged event (the batch lines the import printed after COMMIT) is in the store, the tree
# verifies, and no event is there twice; finally the import is run to completion and once more,
# which adds nothing. PostgreSQL runs in a schema of its own on the server of
# TREATY_TEST_POSTGRES_URL (scripts/test.sh starts one), dropped at the end; without the variable
# it is skipped (exit 77).
# Usage: tests/slow/ledger_crash_test.sh PATH_TO_TREATY [sqlite|postgresql] [ROWS] [KILLS]
set -uo pipefail
treaty=$1
store=${2:-sqlite}
rows=${3:-100000}
kills=${4:-20}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root" || exit 1
file="$work/events.jsonl"

# On stderr: check_store's output is captured, and a failure must still be seen.
fail() {
  echo "FAIL $*" >&2
  exit 1
}

if [ "$store" = postgresql ]; then
  source "$root/tests/postgres_lib.sh"
  schema="crash_$$"
  sql "CREATE SCHEMA $schema" || fail "cannot create schema $schema on $server"
  trap 'sql "DROP SCHEMA $schema CASCADE"; rm -rf "$work"' EXIT
  db=$(in_schema "$schema")
elif [ "$store" = sqlite ]; then
  db="$work/crash.sqlite"
else
  fail "unknown store \"$store\": sqlite or postgresql"
fi

# Rows with keys crash/1 … crash/ROWS; row N is on line N.
awk -v n="$rows" 'BEGIN {
  for (i = 1; i <= n; i++)
    printf "{\"type\":\"disbursement\",\"participant\":\"LV\",\"date\":\"2024-06-01\",\"commitments\":[\"sec_2__hcontainer_1__para_2__sent_2\"],\"amount\":{\"currency\":\"EUR\",\"minor_units\":%d},\"description\":\"Payment %d\",\"evidence\":[],\"classification\":\"public\",\"idempotency_key\":\"crash/%d\"}\n", i, i, i
}' >"$file"

# The number of acknowledged rows: the last line of the last batch line ("lines A-B").
acknowledged() {
  sed -n 's/^batch [0-9]*: lines [0-9]*-\([0-9]*\):.*/\1/p' "$1" | tail -1
}

# Checks the store after a kill: every key up to $1 present, no key twice, the tree verifies.
check_store() {
  local acked=$1
  if ! "$treaty" events --db "$db" >"$work/events" 2>"$work/events.err"; then
    # Killed while validating, before the store or its tables were made.
    grep -qE "no such database|holds no ledger" "$work/events.err" ||
      fail "events after a kill: $(cat "$work/events.err")"
    [ "$acked" -eq 0 ] || fail "$acked rows acknowledged, but there is no ledger"
    echo 0
    return
  fi
  sed 's/.*"idempotency_key":"crash\/\([0-9]*\)".*/\1/' "$work/events" >"$work/keys"
  local total distinct present
  total=$(wc -l <"$work/keys")
  distinct=$(sort -u "$work/keys" | wc -l)
  present=$(awk -v a="$acked" '$1 <= a' "$work/keys" | sort -u | wc -l)
  [ "$total" -eq "$distinct" ] || fail "an event is there twice: $total events, $distinct keys"
  [ "$present" -eq "$acked" ] || fail "$acked rows acknowledged, only $present of them stored"
  "$treaty" verify --db "$db" >"$work/verify" 2>&1 || fail "verify after a kill: $(cat "$work/verify")"
  echo "$total"
}

for run in $(seq 1 "$kills"); do
  : >"$work/ack"
  "$treaty" import "$file" --db "$db" --batch-size 1000 >"$work/ack" 2>"$work/import.err" &
  pid=$!
  # Odd runs are killed at a random moment of the first seconds (validation, skipping recorded
  # rows, or writing); even runs once new rows are being written (a batch beyond the rows
  # acknowledged before).
  before=$(cat "$work/acked-total" 2>/dev/null || echo 0)
  if [ $((run % 2)) -eq 0 ]; then
    while kill -0 "$pid" 2>/dev/null; do
      latest=$(acknowledged "$work/ack")
      [ "${latest:-0}" -gt "$before" ] && break
      sleep 0.05
    done
    sleep "0.$(printf '%03d' $((RANDOM % 1000)))"
  else
    sleep "$((RANDOM % 3)).$(printf '%03d' $((RANDOM % 1000)))"
  fi
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  acked=$(acknowledged "$work/ack")
  acked=$(( ${acked:-0} > before ? ${acked:-0} : before ))
  echo "$acked" >"$work/acked-total"
  stored=$(check_store "$acked") || exit 1
  echo "kill $run: $acked rows acknowledged, $stored stored"
done

"$treaty" import "$file" --db "$db" --batch-size 1000 >"$work/ack" 2>"$work/import.err" ||
  fail "the last import: $(cat "$work/import.err")"
stored=$(check_store "$rows") || exit 1
[ "$stored" -eq "$rows" ] || fail "$stored events after the complete import, expected $rows"
"$treaty" import "$file" --db "$db" --batch-size 1000 >"$work/ack" 2>"$work/import.err" ||
  fail "the repeated import: $(cat "$work/import.err")"
grep -q "imported $file: $rows rows, 0 added, $rows already recorded; tree size $rows" "$work/ack" ||
  fail "the repeated import added something: $(tail -1 "$work/ack")"
echo "ok: $kills kills, $rows events, nothing lost, nothing twice"
