#!/usr/bin/env bash
# The ledger commands and the server as a user runs them on PostgreSQL (`--db postgresql://…`):
# record, import, events, verify, proof, consistency, verify-proof, status, export, serve, and the
# server's accounts beside the ledger (user add, token create|list|revoke), bad input that writes
# nothing, a tampered row that verify names, writers in separate processes at
# once, and a schema without the ledger that the reading commands leave untouched. Runs against the server of TREATY_TEST_POSTGRES_URL
# (scripts/test.sh starts one), each run in a schema of its own, dropped at the end; without the
# variable it is skipped (exit 77). Usage: tests/cli/ledger_postgres.sh PATH_TO_TREATY.
set -uo pipefail
source "$(dirname "$0")/lib.sh" "$1"
cd "$root" || exit 1
source "$root/tests/postgres_lib.sh"
schema="cli_$$"
empty_schema="cli_empty_$$"
writers_schema="cli_writers_$$"
sql "CREATE SCHEMA $schema; CREATE SCHEMA $empty_schema; CREATE SCHEMA $writers_schema" || exit 1
cleanup() {
  stop_server
  sql "DROP SCHEMA $schema CASCADE; DROP SCHEMA $empty_schema CASCADE; DROP SCHEMA $writers_schema CASCADE"
  rm -rf "$work"
}
trap cleanup EXIT
db=$(in_schema "$schema")
empty_db=$(in_schema "$empty_schema")

size() { "$treaty" events --db "$db" | wc -l; }
same_size() { [ "$(size)" -eq "$1" ] || { echo "size $(size), expected $1"; return 1; }; }
military="sec_2__hcontainer_1__para_2__sent_2"

# ---- record and import ----
check "record from flags" run 0 record --db "$db" --user tester --type disbursement \
  --participant LV --date 2024-06-01 --commitment "$military" --amount 1500000.50 --currency EUR \
  --description "First tranche" --classification public --idempotency-key lv-mod/t1
first_id=$(head -1 "$work/out")
cat >"$work/training.json" <<JSON
{"type": "training", "participant": "LV", "date": "2024-05-02", "commitments": ["$military"],
 "quantity": 40, "unit": "person", "description": "Sapper course", "evidence": [],
 "classification": "restricted", "idempotency_key": "lv-mod/course-1"}
JSON
stdin="$work/training.json" check "record JSON on stdin" run 0 record --db "$db" --user tester
stdin="$work/training.json" check "the same record again is harmless" run 0 record --db "$db" --user tester
check "it says so" has "already recorded" "$work/err"
check "two events" same_size 2
check "an unknown currency exit 2" run 2 record --db "$db" --user tester --type disbursement \
  --participant LV --date 2024-06-01 --commitment "$military" --amount 10 --currency EUX \
  --description "Bad" --classification public
check "is named" has '--currency: currency: unknown currency "EUX"' "$work/err"
check "and writes nothing" same_size 2
demo=data/agreements/lv-ua-2024/ledger/reported-support.csv
check "import the demo ledger" run 0 import "$demo" --profile reported-support --db "$db" --user demo
check "acknowledges its batch" has "batch 1: lines 2-8: 7 added, 0 already recorded; tree size 9" "$work/out"
check "import it again" run 0 import "$demo" --profile reported-support --db "$db" --user demo
check "adds nothing" has "0 added, 7 already recorded; tree size 9" "$work/out"
printf 'type,participant,date,amount,currency,commitments,description,classification\n' >"$work/bad.csv"
printf 'disbursement,LV,2024-06-01,"12,5",EUR,%s,Bad,public\n' "$military" >>"$work/bad.csv"
check "a malformed amount in an import exit 2" run 2 import "$work/bad.csv" --db "$db" --user tester
check "is named at its cell" has 'bad.csv:2:28: amount: not a number: "12,5"' "$work/err"
check "and nothing is written" same_size 9

# ---- read back and verify ----
check "events as CSV, filtered" run 0 events --db "$db" --format csv --type training
check "finds the training" has "Sapper course" "$work/out"
check "and nothing else" [ "$(wc -l <"$work/out")" -eq 2 ]
check "verify" run 0 verify --db "$db"
check "verify OK" has "verify: OK lv-ua-2024: 9 events, 3 tree heads" "$work/out"
check "proof" run 0 proof "$first_id" --db "$db"
cp "$work/out" "$work/proof.json"
check "consistency" run 0 consistency 1 --db "$db"
cp "$work/out" "$work/consistency.json"
keys="$root/data/agreements/lv-ua-2024/ledger/keys.json"
check "verify-proof of the inclusion" run 0 verify-proof "$work/proof.json" --keys "$keys"
check "inclusion OK" has "OK inclusion: event $first_id (recorded by lv-mod) is leaf 0 of lv-ua-2024 at tree size 9" "$work/out"
check "verify-proof of the consistency" run 0 verify-proof "$work/consistency.json" --keys "$keys"
check "status counts the events" run 0 status --db "$db" --at 2025-01-01
check "seven of the nine" has "; from the ledger's 9 events: 7 dated by then count, 2 dated later do not)" "$work/out"
check "a public export" run 0 export csv --db "$db" --public
check "leaves the restricted event out" [ "$(wc -l <"$work/out")" -eq 9 ]

# ---- accounts beside the ledger, and the server on both ----
check "token list where there are no accounts exit 2" run 2 token list --db "$db"
check "says so" has "holds no accounts (treaty user add makes them with its first user)" "$work/err"
check "and makes no tables" [ "$(sql "SELECT to_regclass('$schema.http_users') IS NULL")" = t ]
echo "recorder-password" >"$work/password"
stdin="$work/password" check "a recorder added" run 0 user add rec --role recorder \
  --institution lv-mod --db "$db"
check "in the ledger's schema" [ "$(sql "SELECT role FROM $schema.http_users WHERE name = 'rec'")" = recorder ]
check "a token for them" run 0 token create rec --label ci --db "$db"
token=$(head -1 "$work/out")
check "listed" run 0 token list --db "$db"
token_id=$(cut -d' ' -f1 "$work/out")
check "as valid" has "valid" "$work/out"
serve "$work/serve" --db "$db"
check "the server starts without --accounts-db" [ -n "$base" ]
curl -sf "$base/api/v1/events?limit=20" >"$work/api-events.json"
check "serves the public events" [ "$(grep -c '"idempotency_key"' "$work/api-events.json")" -eq 8 ]
check "not the restricted one" bash -c "! grep -q 'Sapper course' '$work/api-events.json'"
curl -sf -H "Authorization: Bearer $token" "$base/api/v1/events?limit=20" >"$work/api-insider.json"
check "the recorder's token sees the restricted one" has "Sapper course" "$work/api-insider.json"
body='{"type":"disbursement","participant":"LV","date":"2024-06-01","commitments":["'$military'"],"amount":{"currency":"EUR","minor_units":500},"description":"Through the API","evidence":[],"classification":"public"}'
status=$(curl -s -o "$work/api-record.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d "$body" "$base/api/v1/events")
check "records an event with it" [ "$status" = 201 ]
check "into the PostgreSQL ledger" same_size 10
curl -sf "$base/api/v1/tree-heads" >"$work/api-heads.json"
check "and its tree heads" has '"tree_size": 10' "$work/api-heads.json"
check "revoke the token" run 0 token revoke "$token_id" --db "$db"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base/api/v1/events")
check "the running server refuses it at once" [ "$status" = 401 ]
stop_server

# ---- a changed row is named ----
sql "SET search_path = $schema; ALTER TABLE events DISABLE TRIGGER USER;
     UPDATE events SET canonical = convert_to(replace(convert_from(canonical, 'UTF8'),
       'First tranche', 'Last tranche'), 'UTF8') WHERE leaf_index = 0;
     ALTER TABLE events ENABLE TRIGGER USER" || exit 1
check "verify of a changed event exit 1" run 1 verify --db "$db"
check "names its leaf" has "leaf 0 (event $first_id)" "$work/out"

# ---- writers in separate processes at once: no event lost, none twice, one tree ----
writers_db=$(in_schema "$writers_schema")
for p in 1 2 3 4; do
  awk -v p="$p" -v c="$military" 'BEGIN { for (i = 1; i <= 300; i++)
    printf "{\"type\":\"disbursement\",\"participant\":\"LV\",\"date\":\"2024-06-01\",\"commitments\":[\"%s\"],\"amount\":{\"currency\":\"EUR\",\"minor_units\":%d},\"description\":\"Writer %d row %d\",\"evidence\":[],\"classification\":\"public\",\"idempotency_key\":\"w%d/%d\"}\n", c, i, p, i, p, i }' \
    >"$work/writer-$p.jsonl"
done
pids=()
for p in 1 2 3 4; do
  "$treaty" import "$work/writer-$p.jsonl" --db "$writers_db" --user "writer$p" --batch-size 25 \
    >/dev/null 2>"$work/writer-$p.err" &
  pids+=($!)
done
for r in 1 2 3 4 5 6; do
  "$treaty" record --db "$writers_db" --user "recorder$r" --type training --participant LV \
    --date 2024-05-02 --commitment "$military" --quantity "$r" --unit person \
    --description "Course $r" --classification public >/dev/null 2>"$work/recorder-$r.err" &
  pids+=($!)
done
all_done=0
for pid in "${pids[@]}"; do wait "$pid" || all_done=1; done
check "ten writers at once all succeed" [ "$all_done" -eq 0 ]
check "every event is there" [ "$("$treaty" events --db "$writers_db" | wc -l)" -eq 1206 ]
check "each once" [ "$("$treaty" events --db "$writers_db" | sed 's/.*"description":"\([^"]*\)".*/\1/' | sort -u | wc -l)" -eq 1206 ]
check "and the tree verifies" run 0 verify --db "$writers_db"
check "as one tree of them all" has "verify: OK lv-ua-2024: 1206 events" "$work/out"

# ---- a schema without the ledger, and a server that cannot be reached ----
for command in verify events "consistency 1" "proof $first_id"; do
  check "$command of a schema without the ledger exit 2" run 2 $command --db "$empty_db"
  check "$command says it holds none" has "holds no ledger: it has no ledger tables" "$work/err"
done
check "status of a schema without the ledger" run 0 status --db "$empty_db" --at 2025-01-01
check "reads no events" has "; from the ledger's 0 events)" "$work/out"
check "a failed import into a schema without the ledger exit 2" \
  run 2 import "$work/bad.csv" --db "$empty_db" --user tester
check "status of a schema that does not exist exit 2" run 2 status --db "$(in_schema "${schema}_typo")"
check "says so" has "no schema of the connection's search_path exists" "$work/err"
check "a record into a schema that does not exist exit 2" run 2 record \
  --db "$(in_schema "${schema}_typo")" --user tester --type disbursement --participant LV \
  --date 2024-06-01 --commitment sec_2__hcontainer_1__para_2__sent_2 --amount 5 --currency EUR \
  --description "Typo" --classification public
check "is told so too" has "no schema of the connection's search_path exists" "$work/err"
check "no table was made in it" \
  [ "$(sql "SELECT count(*) FROM pg_tables WHERE schemaname = '$empty_schema'")" -eq 0 ]
check "an unreachable server exit 2" run 2 verify --db "postgresql://treaty:secret@127.0.0.1:1/none"
check "is named without the password" has "postgresql://treaty:***@127.0.0.1:1/none" "$work/err"
check "the password is not shown" bash -c "! grep -q secret '$work/err'"
check "nor one given as a parameter" run 2 verify --db "postgresql://treaty@127.0.0.1:1/none?password=secret"
check "which is named without it" has "postgresql://treaty@127.0.0.1:1/none?password=***" "$work/err"
check "and not shown" bash -c "! grep -q secret '$work/err'"

finish
