#!/usr/bin/env bash
# End-to-end checks of the ledger commands as a user runs them: record, import, events, verify,
# proof, consistency, verify-proof, and every kind of bad input (a clear message, a non-zero exit,
# nothing written). Usage: tests/cli/ledger.sh PATH_TO_TREATY. Prints "N passed, M failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh" "$1"
cd "$root" || exit 1

size() { "$treaty" events --db "$1" | wc -l; }  # number of events in database $1
same_size() { [ "$(size "$1")" -eq "$2" ] || { echo "size $(size "$1"), expected $2"; return 1; }; }

db="$work/ledger.sqlite"
ledger="$root/data/agreements/lv-ua-2024/ledger"
military="sec_2__hcontainer_1__para_2__sent_2"
drones="sec_2__hcontainer_1__para_3__sent_2"

# ---- record: from flags, then JSON on stdin ----
check "record from flags" run 0 record --db "$db" --user tester --type disbursement \
  --participant LV --date 2024-06-01 --commitment "$military" --amount 1500000.50 --currency EUR \
  --description "First tranche" --classification public --idempotency-key lv-mod/t1 \
  --evidence https://example.org/decision
first_id=$(head -1 "$work/out")
check "record prints the id" grep -qE '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-' "$work/out"
check "the amount is kept in minor units" run 0 events --db "$db"
check "minor units" has '"minor_units":150000050' "$work/out"
check "the user is recorded" has '"recorded_by":{"institution":"lv-mod","user":"tester"}' "$work/out"

cat >"$work/delivery.json" <<JSON
{"type": "delivery", "participant": "LV", "date": "2024-12-20", "commitments": ["$drones"],
 "item": "FPV combat drone", "quantity": 5000, "unit": "drone",
 "description": "5,000 FPV drones handed over", "evidence": [{"reference": "https://example.org/act"}],
 "classification": "public", "idempotency_key": "lv-mod/act-12"}
JSON
stdin="$work/delivery.json" check "record JSON on stdin" run 0 record --db "$db" --user tester
delivery_id=$(head -1 "$work/out")
check "two events" same_size "$db" 2
stdin="$work/delivery.json" check "the same record again is harmless" run 0 record --db "$db"
check "it says so" has "already recorded: event $delivery_id" "$work/err"
check "still two events" same_size "$db" 2

# ---- bad input to record: a clear message, exit 2, nothing written ----
bad_record() {  # bad_record MESSAGE FLAGS... (a disbursement missing its date and amount)
  local message=$1
  shift
  run 2 record --db "$db" --user tester --type disbursement --participant LV \
    --commitment "$military" --description "Bad" --classification public "$@" &&
    has "$message" "$work/err" && same_size "$db" 2
}
ok=(--date 2024-06-01 --currency EUR)
check "unknown commitment id" bad_record \
  '--commitment: commitments[1]: unknown commitment id "sec_99__para_1" in agreement lv-ua-2024' \
  --commitment sec_99__para_1 --amount 10 "${ok[@]}"
check "amount not a number" bad_record '--amount: amount: not a number: "12,5"' --amount 12,5 "${ok[@]}"
check "only the amount's own error" bash -c "! grep -q required '$work/err'"
check "a negative amount" bad_record '--amount: amount: must not be negative: "-5"' --amount -5 "${ok[@]}"
check "a training given by both" run 2 record --db "$db" --user tester --type training \
  --participant both --commitment "$military" --date 2024-06-01 --quantity 5 --unit person \
  --description "Bad" --classification public
check "says a training is one Participant's" \
  has '--participant: participant: type training is one Participant'"'"'s act: give one party code, not "both" (which only meeting, consultation_held, technical_agreement take)' "$work/err"
check "a byte of no UTF-8 in a flag" bad_record '--amount: amount: invalid UTF-8 at byte 2' \
  --amount $'5\xff' "${ok[@]}"
check "is named by its place, not printed" bash -c "! grep -q \$'\\xff' '$work/err'"
check "a quantity that is not an integer" run 2 record --db "$db" --user tester --type pledge \
  --participant LV --date 2024-06-01 --commitment "$drones" --quantity 5x --unit drone \
  --item FPV --description "Bad" --classification public
check "is its own error alone" bash -c "[ \"\$(cat '$work/err')\" = 'treaty record: --quantity: quantity: not an integer: \"5x\"' ]"
printf 'x' >"$work/act.pdf "
check "an evidence file whose name ends with a space" bad_record \
  'a file name that is empty or begins or ends with a space cannot be a reference' \
  --amount 5 "${ok[@]}" --evidence-file "$work/act.pdf "
check "too many decimals" bad_record 'EUR has 2 decimals; "10.005" has 3' --amount 10.005 "${ok[@]}"
check "unknown currency" bad_record '--currency: currency: unknown currency "EUX" (not an active ISO 4217 code)' \
  --amount 10 --currency EUX --date 2024-06-01
check "withdrawn currency" bad_record 'unknown currency "LVL"' --amount 10 --currency LVL --date 2024-06-01
check "impossible date" bad_record '--date: date: impossible date: 2024-02-30' --amount 10 \
  --currency EUR --date 2024-02-30
check "date in the future" bad_record 'later than the recording date' --amount 10 --currency EUR \
  --date 2999-01-01
bad_user() {  # bad_user MESSAGE USER: the default user is held to the rules of a given one
  run 2 record --db "$db" --user "$2" --type disbursement --participant LV \
    --commitment "$military" --description Bad --classification public --amount 10 "${ok[@]}" &&
    has "$1" "$work/err" && same_size "$db" 2
}
check "a user longer than 100 characters" bad_user '--user: longer than 100 characters' \
  "$(printf 'u%.0s' {1..101})"
check "a user with a tab" bad_user '--user: control character U+0009 at character 2' \
  "$(printf 'a\tb')"
login_name_refused() {
  USER="$(printf 'x\ny')" run 2 record --db "$db" --type disbursement --participant LV \
    --commitment "$military" --description Bad --classification public --amount 10 "${ok[@]}" &&
    same_size "$db" 2
}
check "a login name that cannot be a user" login_name_refused
check "it names the login name" has \
  '$USER: the login name is not a recorded_by.user (must be one line): give --user' "$work/err"
echo "{\"type\":\"training\",\"participant\":\"LV\",\"date\":\"2024-05-02\",\"commitments\":[\"$military\"],\"quantity\":1,\"unit\":\"person\",\"description\":\"Recorded without USER\",\"evidence\":[],\"classification\":\"public\"}" \
  >"$work/no-user.json"
USER="" stdin="$work/no-user.json" check "without \$USER" run 0 record --db "$work/no-user.sqlite"
check "the user is the user id's name" run 0 events --db "$work/no-user.sqlite"
check "in the event" has "\"user\":\"$(id -un)\"" "$work/out"
check "reused idempotency key" bad_record 'idempotency_key: reused with different content: event' \
  --amount 99 --idempotency-key lv-mod/t1 "${ok[@]}"
check "the reused key names the event" has "$first_id (leaf 0)" "$work/err"
check "the reused key names its flag" has '--idempotency-key: idempotency_key: reused' "$work/err"
check "another institution's key names its flag" bad_record \
  '--institution: recorded_by.institution: event signed with the wrong key' \
  --amount 10 "${ok[@]}" --institution ua-mod
many_evidence=()
for i in $(seq 21); do many_evidence+=(--evidence "https://example.org/$i"); done
check "more than 20 evidence items" bad_record '--evidence: at most 20 evidence items (§1.1), 21 given' \
  --amount 10 "${ok[@]}" "${many_evidence[@]}"
check "a reference that is no URL points to --evidence-file" bad_record \
  '--evidence: "ftp://example.org/act.pdf" does not begin with http:// or https://: give a document with --evidence-file FILE' \
  --amount 10 "${ok[@]}" --evidence https://example.org/1 --evidence ftp://example.org/act.pdf
check "a file given twice names --evidence-file" bad_record \
  '--evidence-file: evidence[1]: duplicate evidence item' --amount 10 "${ok[@]}" \
  --evidence-file "$root/README.md" --evidence-file "$root/README.md"

cat >"$work/negative.json" <<JSON
{"type": "delivery", "participant": "LV", "date": "2024-12-20", "commitments": ["$drones"],
 "item": "FPV combat drone", "quantity": -5, "unit": "drone", "description": "Minus five",
 "evidence": [], "classification": "public"}
JSON
stdin="$work/negative.json" check "negative quantity" run 2 record --db "$db"
check "negative quantity message" has 'stdin: quantity: must not be negative: -5' "$work/err"
check "nothing written after a negative quantity" same_size "$db" 2
printf '{"type": "disbursement", "amount": {"currency": "EUR", "minor_units": "abc"}}' >"$work/nan.json"
stdin="$work/nan.json" check "JSON amount not a number" run 2 record --db "$db"
check "JSON amount message" has 'stdin: amount.minor_units: not an integer' "$work/err"
printf '{"type": "disbursement", "type": "pledge"}' >"$work/dup.json"
stdin="$work/dup.json" check "duplicate JSON member" run 2 record --db "$db"
check "duplicate member message" has 'duplicate member' "$work/err"
check "wrong key" run 2 record --db "$db" --key "$root/tests/data/ledger/ua-mod-demo-key.json" \
  --user tester --type disbursement --participant LV --date 2024-06-01 --commitment "$military" \
  --amount 10 --currency EUR --description "Signed by Ukraine" --classification public \
  --institution lv-mod
check "wrong key message" has 'event signed with the wrong key: key b34fd3eeb4f1e898802dd9f6784d3cb1 belongs to ua-mod, the event is recorded by lv-mod' "$work/err"
check "nothing written with the wrong key" same_size "$db" 2
check "a key file that is not there exit 2" run 2 record --db "$db" --key "$work/nosuch.key" \
  --type training --participant LV --date 2024-06-01 --commitment "$military" --description x \
  --classification public
check "names the flag and the file" has "treaty record: --key: $work/nosuch.key: " "$work/err"
check "an import of a file that is not there exit 2" run 2 import "$work/nosuch.txt" --db "$db"
check "says it is not there, not its extension" has "$work/nosuch.txt: no such file" "$work/err"
cp "$ledger/demo-key.json" "$work/tampered-key.json"
sed -i 's/"seed": "6/"seed": "7/' "$work/tampered-key.json"
check "a key file whose seed does not match" run 2 record --db "$db" --key "$work/tampered-key.json" \
  --type training --participant LV --date 2024-06-01 --commitment "$military" --description x \
  --classification public
check "seed message" has 'does not match' "$work/err"
check "unknown agreement" run 2 record --db "$db" --agreement xx-yy-2099 --type training
check "unknown agreement message" has 'no agreement "xx-yy-2099"' "$work/err"
echo '{"agreement":"xx-yy-2099","type":"training"}' >"$work/other-agreement.json"
stdin="$work/other-agreement.json" check "an event of another agreement" run 2 record --db "$db" --user tester
check "names the agreement recorded here" has \
  'stdin: agreement: no agreement "xx-yy-2099" here: events are recorded for lv-ua-2024' "$work/err"

# ---- import: the demo ledger, JSON Lines, CSV ----
check "import the demo ledger" run 0 import "$ledger/reported-support.csv" --profile reported-support \
  --db "$db" --key "$ledger/demo-key.json" --user demo
check "one batch acknowledged" has 'batch 1: lines 2-8: 7 added, 0 already recorded; tree size 9' "$work/out"
check "demo summary" has 'imported' "$work/out"
check "the demo keeps each source as evidence" run 0 events --db "$db" --type allocation --format jsonl
check "source URL kept" has '"evidence":[{"reference":"https://www.pravda.com.ua/eng/news/2024/08/24/7471738/"}]' "$work/out"
check "demo import again adds nothing" run 0 import "$ledger/reported-support.csv" \
  --profile reported-support --db "$db" --user demo
check "nothing twice" has '0 added, 7 already recorded; tree size 9' "$work/out"
check "a profile with another format" run 2 import "$ledger/reported-support.csv" \
  --profile reported-support --format jsonl --db "$db" --user demo
check "is a contradiction named" has "--format: the profile reported-support reads CSV, not jsonl" \
  "$work/err"
head -2 "$ledger/reported-support.csv" | sed '2s|https://[^,]*$|decision.pdf|' >"$work/file-source.csv"
check "a profile row whose source is a file exit 2" run 2 import "$work/file-source.csv" \
  --profile reported-support --db "$work/file-source.sqlite" --user demo
check "says a file needs its hash" has 'source: "decision.pdf" is not an http(s) URL: the reported-support profile keeps sources as web addresses; a file needs its SHA-256' "$work/err"

for i in 1 2 3; do
  printf '{"type":"training","participant":"LV","date":"2024-0%s-01","commitments":["%s"],"quantity":%s,"unit":"person","description":"Course %s","evidence":[],"classification":"public","idempotency_key":"lv-mod/course-%s"}\n\n' \
    "$i" "$military" "$((i * 10))" "$i" "$i"
done >"$work/courses.jsonl"
check "import JSON Lines" run 0 import "$work/courses.jsonl" --db "$db" --batch-size 2
check "two batches" has 'batch 2: lines 5-5: 1 added, 0 already recorded; tree size 12' "$work/out"

# On a terminal (script(1) gives a pseudo-terminal) the progress bar is erased before each batch
# line and drawn again below it: a batch line is never run into the bar's text.
on_terminal() { script -qec "$1" /dev/null | tr '\r' '\n' >"$work/tty"; }
no_line_with() { ! grep -aq -- "$1" "$work/tty" || { echo "a line has '$1':"; cat -v "$work/tty"; return 1; }; }
check "import on a terminal" on_terminal "$treaty import $work/courses.jsonl --db $db --batch-size 2"
check "its batch lines" has 'batch 2: lines 5-5: 0 added, 1 already recorded' "$work/tty"
check "its bar" has 'written [####################] 3/3 rows' "$work/tty"
check "no batch line after the bar" no_line_with 'rows, [0-9]*/s.*batch'

cat >"$work/support.csv" <<CSV
type,participant,date,commitments,amount,currency,description,classification,idempotency_key,evidence_reference
allocation,LV,2024-07-01,$military,2500000,EUR,"Budget line, July",public,lv-mod/b-7,https://example.org/b7
allocation,LV,2024-08-01,$military;$drones,10.5,EUR,"Budget line ""August""",restricted,lv-mod/b-8,https://example.org/b8
CSV
check "import CSV" run 0 import "$work/support.csv" --db "$db"
check "CSV tree size" has 'tree size 14' "$work/out"

# ---- no commitment: --no-commitments, or an empty commitments cell, where §1.3 allows [] ----
none_db="$work/none.sqlite"
meeting=(--user tester --type meeting --subtype strategic_dialogue --participant both
  --date 2024-06-01 --description Dialogue --classification public)
check "a meeting serving no commitment" run 0 record --db "$none_db" "${meeting[@]}" --no-commitments
check "is recorded with none" run 0 events --db "$none_db"
check "commitments []" has '"commitments":[]' "$work/out"
check "a disbursement needs one" run 2 record --db "$none_db" --user tester --type disbursement \
  --participant LV --date 2024-06-01 --amount 5 --currency EUR --description D \
  --classification public --no-commitments
check "says so" has "--commitment: commitments: at least one commitment id for disbursement" "$work/err"
check "--no-commitments with --commitment exits 2" run 2 record --db "$none_db" "${meeting[@]}" \
  --no-commitments --commitment "$military"
cat >"$work/none.csv" <<CSV
type,subtype,participant,date,commitments,amount,currency,description,classification
meeting,strategic_dialogue,both,2024-09-01,,,,Second dialogue,public
allocation,,LV,2024-09-01,,10,EUR,No commitment,public
CSV
check "an empty commitments cell of an allocation" run 2 import "$work/none.csv" --db "$none_db"
check "is named with its place" has "none.csv:3:27: commitments: at least one commitment id for allocation" "$work/err"
check "and nothing is written" same_size "$none_db" 1
sed -i '3d' "$work/none.csv"
check "an empty commitments cell of a meeting" run 0 import "$work/none.csv" --db "$none_db"
check "is no commitment" bash -c "'$treaty' events --db '$none_db' | grep -c '\"commitments\":\[\]' | grep -qx 2"

# ---- evidence keeps the order typed, URLs and files interleaved (§1.4) ----
check "evidence of both kinds" run 0 record --db "$none_db" --user tester --type pledge \
  --participant LV --date 2024-01-01 --commitment "$military" --amount 1 --currency EUR \
  --description Ordered --classification public --evidence "https://a.example/x;y" \
  --evidence-file "$root/README.md" --evidence https://b.example
check "in the order typed" bash -c "'$treaty' events --db '$none_db' --type pledge | grep -q '\"evidence\":\[{\"reference\":\"https://a.example/x;y\"},{\"reference\":\"README.md\",\"sha256\":\"[0-9a-f]*\"},{\"reference\":\"https://b.example\"}\]'"

# ---- a file's reference is its name: the same document by another path is the same event ----
check "the same evidence file by another path" bash -c "cd '$root/docs' && '$treaty' record --db '$none_db' \
  --package '$root/data/agreements/lv-ua-2024' --user tester --type pledge --participant LV \
  --date 2024-01-01 --commitment '$military' --amount 1 \
  --currency EUR --description Ordered --classification public --evidence 'https://a.example/x;y' \
  --evidence-file ../README.md --evidence https://b.example > '$work/out' 2> '$work/err'"
check "is the event already recorded" has "already recorded: event" "$work/err"

# ---- "day" precision is what no precision means: saying it records nothing new ----
cat >"$work/day.csv" <<CSV
type,subtype,participant,date,date_precision,commitments,description,classification
meeting,strategic_dialogue,both,2024-06-01,day,,Dialogue,public
CSV
check "a day precision spelt out" run 0 import "$work/day.csv" --db "$none_db"
check "is the event already recorded" has "0 added, 1 already recorded" "$work/out"

# ---- cells and flags padded with spaces, as spreadsheets leave them, are trimmed (§1.4) ----
cat >"$work/padded.csv" <<CSV
type, participant ,date,commitments,amount,currency,quantity,unit,item,description, classification
 delivery , LV , 2024-10-01 , $drones , 10.50 , EUR , 5 , drone , FPV , Padded cells , public
CSV
check "a padded CSV row" run 0 import "$work/padded.csv" --db "$none_db"
check "a padded flag" run 0 record --db "$none_db" --user tester --type disbursement \
  --participant LV --date 2024-10-02 --commitment "$military" --amount " 5" --currency " EUR " \
  --description "Padded flags" --classification public
check "reads as typed without the spaces" bash -c "'$treaty' events --db '$none_db' --type delivery | grep -q '\"amount\":{\"currency\":\"EUR\",\"minor_units\":1050}.*\"quantity\":5'"

# ---- bad import files: every error listed with its place, nothing written ----
cat >"$work/bad.csv" <<CSV
type,participant,date,commitments,amount,currency,description,classification
allocation,LV,2024-02-30,$military,10,EUR,Impossible date,public
allocation,LV,2024-07-01,$military,"12,5",EUR,Comma decimal,public
allocation,LV,2024-07-01,unknown_commitment,10,EUR,Unknown commitment,public
allocation,LV,2024-07-01,$military,10,EUX,Unknown currency,public
allocation,LV,2024-07-01,$military,1e3,EUX,Two faults,public
allocation,LV,2024-07-01,$military,99999999999999999,EUR,Too large,public
CSV
check "bad CSV values" run 2 import "$work/bad.csv" --db "$db"
check "impossible date at line and column" has "bad.csv:2:15: date: impossible date: 2024-02-30" "$work/err"
check "not a number at line and column" has 'bad.csv:3:62: amount: not a number: "12,5"' "$work/err"
check "unknown commitment at line and column" has 'bad.csv:4:26: commitments: unknown commitment id "unknown_commitment"' "$work/err"
check "unknown currency at line and column" has 'bad.csv:5:65: currency: unknown currency "EUX"' "$work/err"
check "both faults of one row" bash -c "grep -q 'bad.csv:6:62: amount: not a number: \"1e3\"' '$work/err' && grep -q 'bad.csv:6:66: currency: unknown currency \"EUX\"' '$work/err'"
check "too large, in the units typed" has 'bad.csv:7:62: amount: larger than 90071992547409.91 EUR, the most an amount can be' "$work/err"
check "each bad cell once" [ "$(grep -c 'bad.csv' "$work/err")" -eq 8 ]
check "says nothing was written" has '7 errors; nothing was written' "$work/err"
check "nothing written by a bad CSV" same_size "$db" 14
cat >"$work/gap.csv" <<CSV
type,participant,date,commitments,amount,currency,description,classification,evidence_reference_2
pledge,LV,2024-01-05,$military,1,EUR,Gap,public,https://x.example
CSV
check "a second evidence item without a first" run 2 import "$work/gap.csv" --db "$db"
check "is named at its column" has 'gap.csv:2:75: evidence_reference_2: evidence item 2 without item 1' "$work/err"
printf 'type,participant,date\nallocation,LV,"2024-07-01\n' >"$work/unterminated.csv"
check "unterminated quote" run 2 import "$work/unterminated.csv" --db "$db"
check "unterminated quote place" has 'unterminated.csv:2:15: unterminated quoted field' "$work/err"
printf 'type,participant,da"te\n' >"$work/quote.csv"
check "quote inside a field" run 2 import "$work/quote.csv" --db "$db"
check "quote inside a field place" has "quote.csv:1:20: '\"' inside an unquoted field" "$work/err"
printf 'type,amout\nallocation,1\n' >"$work/column.csv"
check "unknown column" run 2 import "$work/column.csv" --db "$db"
check "unknown column place" has 'column.csv:1:6: unknown column "amout"' "$work/err"
printf 'type,participant\nallocation,LV,extra\n' >"$work/fields.csv"
check "too many fields" run 2 import "$work/fields.csv" --db "$db"
check "too many fields place" has 'fields.csv:2:15: 3 fields, the header has 2' "$work/err"
sed 's/Course 2/Course two/' "$work/courses.jsonl" >"$work/changed.jsonl"
check "a reused key in a file" run 2 import "$work/changed.jsonl" --db "$db"
check "a reused key names its line" has 'changed.jsonl:3: idempotency_key: reused with different content: event' "$work/err"
# A row another institution records, and a correction of no event: found before the first batch.
{
  sed -n 1p "$work/courses.jsonl" | sed 's/course-1/course-9/'
  sed -n 3p "$work/courses.jsonl" | sed 's/course-2/course-10/; s/"classification"/"recorded_by":{"institution":"ua-mod"},"classification"/'
  printf '{"type":"correction","corrects":"01a24780-0000-7000-8000-000000000001","action":"retract","description":"Wrong","evidence":[],"classification":"public"}\n'
} >"$work/refused.jsonl"
check "rows the append refuses" run 2 import "$work/refused.jsonl" --db "$db" --batch-size 1
check "the other institution's row" has 'refused.jsonl:2: recorded_by.institution: event signed with the wrong key: key' "$work/err"
check "the correction of no event" has 'refused.jsonl:3: corrects: no event 01a24780-0000-7000-8000-000000000001 in lv-ua-2024' "$work/err"
check "no batch was written" [ ! -s "$work/out" ]
# Rows with errors of their own do not hide the errors the store finds in the others.
{ cat "$work/refused.jsonl"; printf '{"type":"training","quantity":-1}\n'; } >"$work/both.jsonl"
check "errors of both kinds" run 2 import "$work/both.jsonl" --db "$db"
check "the store's errors are listed" has 'both.jsonl:2: recorded_by.institution: event signed' "$work/err"
check "with the row's own" has 'both.jsonl:4: quantity: must not be negative: -1' "$work/err"
check "all counted" has 'both.jsonl: 10 errors; nothing was written' "$work/err"
printf 'type,participant,date,commitments,amount,currency,description,classification,institution\n' \
  >"$work/other-key.csv"
printf 'allocation,LV,2024-06-01,%s,10,EUR,Other key,public,ua-mod\n' "$military" >>"$work/other-key.csv"
check "a CSV row of another institution" run 2 import "$work/other-key.csv" --db "$db"
check "is placed at its column" has \
  'other-key.csv:2:86: institution: event signed with the wrong key' "$work/err"
printf '{"type":"training"\n' >"$work/broken.jsonl"
check "broken JSON line" run 2 import "$work/broken.jsonl" --db "$db"
check "broken JSON line place" has 'broken.jsonl:1: column 19: malformed JSON: syntax error while parsing object' "$work/err"
check "one error in the singular" has 'broken.jsonl: 1 error; nothing was written' "$work/err"
check "nothing written by bad files" same_size "$db" 14

# ---- events: formats and filters ----
check "events jsonl is the canonical bytes" run 0 events --db "$db"
check "14 lines" [ "$(wc -l <"$work/out")" -eq 14 ]
check "first line is leaf 0" has "\"id\":\"$first_id\"" <(head -1 "$work/out")
check "events csv" run 0 events --db "$db" --format csv --type allocation --from 2024-07-01
check "csv header" has 'leaf_index,id,recorded_at,institution,user,type' "$work/out"
check "csv amount in major units" has '2500000.00,EUR' "$work/out"
check "csv quotes" has '"Budget line ""August"""' "$work/out"
check "csv filter" [ "$(wc -l <"$work/out")" -eq 5 ]
check "filter by commitment" run 0 events --db "$db" --commitment "$drones"
check "commitment filter count" [ "$(wc -l <"$work/out")" -eq 5 ]
check "filter by classification" run 0 events --db "$db" --classification restricted
check "restricted count" [ "$(wc -l <"$work/out")" -eq 1 ]
check "bad filter date" run 2 events --db "$db" --from 2024-13-01
check "filters padded with spaces" run 0 events --db "$db" --type " allocation " --from " 2024-07-01" --format csv
check "read as typed without them" [ "$(wc -l <"$work/out")" -eq 5 ]
check "a filter that is not UTF-8 exit 2" run 2 events --db "$db" --institution "$(printf 'lv\377')"
check "names the byte, not echoing it" has "--institution: invalid UTF-8 at byte 3" "$work/err"

# ---- verify ----
check "verify" run 0 verify --db "$db"
check "verify on a terminal" on_terminal "$treaty verify --db $db"
check "its events bar" has 'verify lv-ua-2024 [####################]' "$work/tty"
check "then its rows bar" has 'event_commitments [####################]' "$work/tty"
check "the verdict on its own line" grep -aq '^verify: OK lv-ua-2024' "$work/tty"
check "verify OK line" has 'verify: OK lv-ua-2024: 14 events, 6 tree heads, root' "$work/out"

# ---- proof, consistency, verify-proof: without the database ----
check "proof" run 0 proof "$delivery_id" --db "$db"
cp "$work/out" "$work/proof.json"
check "proof format" has '"format": "treaty-inclusion-proof/1"' "$work/proof.json"
check "consistency" run 0 consistency 2 --db "$db"
cp "$work/out" "$work/consistency.json"
check "consistency from a size no head has exit 2" run 2 consistency 100 --db "$db"
check "names the size of the latest head" \
  has 'OLD_SIZE: no signed tree head of size 100 in lv-ua-2024 (the latest is of size 14)' "$work/err"
check "consistency of a mistyped agreement exit 2" run 2 consistency 2 --agreement LV-UA-2024 --db "$db"
check "names the agreement, not a size" \
  has '--agreement: the ledger holds no events of "LV-UA-2024" (it holds lv-ua-2024)' "$work/err"
check "old proof at size 2" run 0 proof "$first_id" --size 2 --db "$db"
cp "$work/out" "$work/old-proof.json"
check "proof at size 0 exit 2" run 2 proof "$first_id" --size 0 --db "$db"
check "proof at size 0 message" has '--size: a tree size is a whole number of at least 1, not "0"' "$work/err"
sed 's/"agreement": *"lv-ua-2024"/"agreement": "lv-ua-other"/' "$ledger/keys.json" >"$work/other-keys.json"
check "keys of another agreement" run 2 verify --db "$db" --keys "$work/other-keys.json"
check "are named" has 'other-keys.json: agreement: the keys are of "lv-ua-other", not of lv-ua-2024' \
  "$work/err"
sed 's/"institution": "ua-mod"/"institution": "ua-mfa"/' "$ledger/keys.json" >"$work/stray-keys.json"
stray_line=$(grep -n '"ua-mfa"' "$work/stray-keys.json" | cut -d: -f1)
check "a key of an institution not listed exit 2" run 2 verify --db "$db" --keys "$work/stray-keys.json"
check "names the file, the line and the member" \
  has "stray-keys.json:$stray_line: keys[1].institution: no institution \"ua-mfa\"" "$work/err"
for command in verify events "consistency 1" "proof $first_id"; do
  check "$command of a missing database exit 2" run 2 $command --db "$work/missing.sqlite"
  check "$command names it" has "$work/missing.sqlite: no such database" "$work/err"
  check "$command does not make it" [ ! -e "$work/missing.sqlite" ]
done
# A database with the agreement loaded and nothing recorded: the commands about the ledger say it
# holds none, status and export read no events, and none of them adds the ledger's tables.
"$treaty" load data/agreements/lv-ua-2024 --db "$work/loaded.sqlite" >/dev/null 2>&1
ledger_tables() { sqlite3 "$work/loaded.sqlite" "SELECT count(*) FROM sqlite_master WHERE name IN ('events', 'ledger_schema')"; }
for command in verify events "consistency 1" "proof $first_id"; do
  check "$command of a database without a ledger exit 2" run 2 $command --db "$work/loaded.sqlite"
  check "$command says it holds none" \
    has "$work/loaded.sqlite: holds no ledger: it has no ledger tables (treaty record or import makes them)" "$work/err"
done
check "status of a database without a ledger" run 0 status --db "$work/loaded.sqlite" --at 2025-01-01
check "reads no events" has "; from the ledger's 0 events)" "$work/out"
check "export of a database without a ledger" run 0 export csv --db "$work/loaded.sqlite"
check "is its header alone" [ "$(wc -l <"$work/out")" -eq 1 ]
check "no ledger tables were made" [ "$(ledger_tables)" -eq 0 ]
sqlite3 "$work/other-program.sqlite" "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('kept')"
before=$(sha256sum <"$work/other-program.sqlite")
check "verify of another program's database exit 2" run 2 verify --db "$work/other-program.sqlite"
check "leaves its file as it was" [ "$(sha256sum <"$work/other-program.sqlite")" = "$before" ]
check "and its journal mode" [ "$(sqlite3 "$work/other-program.sqlite" 'PRAGMA journal_mode')" = delete ]
# Read as an empty ledger, another program's file would report every commitment unmet.
for command in status calendar "export csv"; do
  check "$command of another program's database exit 2" run 2 $command --db "$work/other-program.sqlite"
  check "$command says it holds neither" has "$work/other-program.sqlite: holds neither a ledger nor a loaded agreement (treaty load, record or import makes them)" "$work/err"
  check "$command prints nothing" [ ! -s "$work/out" ]
done
check "and leaves the file as it was" [ "$(sha256sum <"$work/other-program.sqlite")" = "$before" ]
# Nor do the commands that write add their tables to it.
other_message="other-program.sqlite: another program's database: its tables are none of treaty's"
check "record into another program's database exit 2" run 2 record --db "$work/other-program.sqlite" \
  --user tester --type disbursement --participant LV --date 2024-06-01 --commitment "$military" \
  --amount 10 --currency EUR --description "Paid" --classification public
check "record says whose it is" has "$other_message" "$work/err"
check "import into another program's database exit 2" run 2 import "$ledger/reported-support.csv" \
  --profile reported-support --user demo --db "$work/other-program.sqlite"
check "import says whose it is" has "$other_message" "$work/err"
check "load into another program's database exit 2" run 2 load data/agreements/lv-ua-2024 \
  --db "$work/other-program.sqlite"
check "load says whose it is" has "$other_message" "$work/err"
echo 'a long password' >"$work/password"
stdin="$work/password" check "user add into another program's database exit 2" run 2 user add kim \
  --role reader --db "$work/other-program.sqlite"
check "user add says whose it is" has "$other_message" "$work/err"
check "none of them changed the file" [ "$(sha256sum <"$work/other-program.sqlite")" = "$before" ]
# Names treaty also uses prove nothing: another program's "events" table, or its "agreements",
# "texts" and "nodes", are not treaty's.
sqlite3 "$work/other-events.sqlite" "CREATE TABLE events (what TEXT)"
sqlite3 "$work/other-texts.sqlite" "CREATE TABLE agreements (id); CREATE TABLE texts (id); CREATE TABLE nodes (id)"
for other in other-events other-texts; do
  before_other=$(sha256sum <"$work/$other.sqlite")
  check "record into $other exit 2" run 2 record --db "$work/$other.sqlite" \
    --user tester --type disbursement --participant LV --date 2024-06-01 --commitment "$military" \
    --amount 10 --currency EUR --description "Paid" --classification public
  check "says whose $other is" has "$other.sqlite: another program's database" "$work/err"
  check "status of $other exit 2" run 2 status --db "$work/$other.sqlite" --at 2025-01-01
  check "and leaves $other as it was" [ "$(sha256sum <"$work/$other.sqlite")" = "$before_other" ]
done
# A file of treaty's accounts alone (--accounts-db) is no ledger: given as --db by mistake, it is
# refused rather than read as a ledger with no events.
stdin="$work/password" check "user add to a new file" run 0 user add kim --role reader \
  --db "$work/accounts-only.sqlite"
check "status of the accounts alone exit 2" run 2 status --db "$work/accounts-only.sqlite" --at 2025-01-01
check "says it holds neither" has "accounts-only.sqlite: holds neither a ledger nor a loaded agreement" "$work/err"
# A ledger that the reading commands open is left as it was, byte for byte: here a copy kept in
# rollback-journal mode, which an append would turn to WAL.
"$treaty" import "$ledger/reported-support.csv" --profile reported-support --user demo \
  --db "$work/copy.sqlite" >/dev/null
sqlite3 "$work/copy.sqlite" 'PRAGMA journal_mode = DELETE' >/dev/null
copy_id=$("$treaty" events --db "$work/copy.sqlite" --limit 1 | sed 's/.*"id":"\([^"]*\)".*/\1/')
before=$(sha256sum <"$work/copy.sqlite")
for command in verify events "proof $copy_id" "consistency 7" "status --at 2025-01-01" "export csv"; do
  check "$command of a ledger" run 0 $command --db "$work/copy.sqlite"
done
check "leaves the ledger's file as it was" [ "$(sha256sum <"$work/copy.sqlite")" = "$before" ]
check "and its journal mode" [ "$(sqlite3 "$work/copy.sqlite" 'PRAGMA journal_mode')" = delete ]
sqlite3 "$work/copy.sqlite" 'DROP TABLE tree_node_children'
before=$(sha256sum <"$work/copy.sqlite")
check "verify of an earlier version's tables exit 2" run 2 verify --db "$work/copy.sqlite"
check "says so" has 'copy.sqlite: the ledger tables are of an earlier version: open them once with treaty record or import' "$work/err"
check "and brings nothing up to date" [ "$(sha256sum <"$work/copy.sqlite")" = "$before" ]
mkdir "$work/a-folder"
check "status of a folder exit 2" run 2 status --db "$work/a-folder"
check "names it" has "$work/a-folder: cannot open the database" "$work/err"
# A file with errors leaves no database behind.
printf 'type,participant\ntraining,XX\n' >"$work/bad-participant.csv"
check "a failed import into a new file exit 2" run 2 import "$work/bad-participant.csv" --db "$work/never.sqlite"
check "makes no file" [ ! -e "$work/never.sqlite" ]
check "a failed import into a database without a ledger exit 2" \
  run 2 import "$work/bad-participant.csv" --db "$work/loaded.sqlite"
check "adds no ledger tables to it" [ "$(ledger_tables)" -eq 0 ]
printf 'type,participant\n' >"$work/header-only.csv"
check "an import of no rows" run 0 import "$work/header-only.csv" --db "$work/empty.sqlite"
check "says the root of the empty tree" has \
  'tree size 0, root e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' "$work/out"
check "consistency of an empty ledger exit 2" run 2 consistency 1 --db "$work/empty.sqlite"
check "consistency of an empty ledger message" has 'treaty consistency: lv-ua-2024 has no signed tree head' "$work/err"
mkdir "$work/other" && cp "$ledger/keys.json" "$work/other/keys.json" && rm -f "$work/other-db"
(cd "$work/other" && "$treaty" verify-proof "$work/proof.json" --keys keys.json >"$work/out" 2>"$work/err")
check "verify-proof inclusion" [ $? -eq 0 ]
check "inclusion OK" has "OK inclusion: event $delivery_id (recorded by lv-mod) is leaf 1 of lv-ua-2024 at tree size 14" "$work/out"
check "demo key warning" has 'warning: key ' "$work/err"
check "says the key is a demo key" has 'is a demo key' "$work/err"
jq '.keys[0].revoked_at = "2099-01-01T00:00:00.000000Z"' "$ledger/keys.json" >"$work/revoked-keys.json"
check "verify-proof with a key revoked since" run 0 verify-proof "$work/proof.json" \
  --keys "$work/revoked-keys.json"
check "warns of the revocation, beside the demo key" \
  has 'was revoked at 2099-01-01T00:00:00.000000Z, after this head was signed' "$work/err"
check "verify with a key revoked since" run 0 verify --db "$db" --keys "$work/revoked-keys.json"
check "warns of it too" \
  has 'warning: key ' "$work/err"
check "naming the revocation" \
  has 'was revoked at 2099-01-01T00:00:00.000000Z, after this head was signed' "$work/err"
check "verify-proof consistency" run 0 verify-proof "$work/consistency.json" --keys "$ledger/keys.json" \
  --known "$work/old-proof.json"
check "consistency OK" has 'OK consistency: lv-ua-2024 at tree size 2' "$work/out"
sed 's/5,000 FPV/6,000 FPV/' "$work/proof.json" >"$work/forged.json"
check "a changed event fails" run 1 verify-proof "$work/forged.json" --keys "$ledger/keys.json"
check "changed event category" has 'leaf: leaf_hash differs' "$work/err"
python3 - "$work/proof.json" "$work/resigned.json" <<'PY'
import json, sys
proof = json.load(open(sys.argv[1]))
proof["tree_head"]["head"]["tree_size"] = proof["tree_head"]["head"]["tree_size"] + 1
json.dump(proof, open(sys.argv[2], "w"), indent=2)
PY
check "a changed head fails" run 1 verify-proof "$work/resigned.json" --keys "$ledger/keys.json"
check "changed head category" has 'signature: the signature of the head of size 15' "$work/err"
printf '{"format": "treaty-inclusion-proof/1",' >"$work/truncated.json"
check "a truncated proof" run 2 verify-proof "$work/truncated.json" --keys "$ledger/keys.json"
check "truncated category" has 'syntax: not JSON at column 39: ' "$work/err"

# ---- a tampered database: verify names the first bad event ----
cp "$db" "$work/tampered.sqlite"
sqlite3 "$work/tampered.sqlite" "DROP TRIGGER events_no_update;
  UPDATE events SET canonical = CAST(replace(CAST(canonical AS TEXT), '5000', '6000') AS BLOB)
  WHERE leaf_index = 1;"
check "verify a tampered database" run 1 verify --db "$work/tampered.sqlite"
check "names the first bad event" has "verify: lv-ua-2024: leaf 1 (event $delivery_id)" "$work/out"
cp "$db" "$work/escape.sqlite"
sqlite3 "$work/escape.sqlite" "DROP TRIGGER events_no_update;
  UPDATE events SET institution = 'lv-mod' || char(27) || '[2K' || char(13) WHERE leaf_index = 1;"
check "a stored value with control characters" run 1 verify --db "$work/escape.sqlite"
check "is quoted with them visible" has 'lv-mod\u001b[2K\u000d' "$work/out"
check "and none reaches the terminal" bash -c "! grep -q \$'\\x1b\\|\\r' '$work/out'"
cp "$db" "$work/head.sqlite"
sqlite3 "$work/head.sqlite" "DROP TRIGGER tree_heads_no_update;
  UPDATE tree_heads SET timestamp = '2030-01-01T00:00:00.000000Z' WHERE tree_size = 1;"
check "a head with a changed column does not verify" run 1 verify --db "$work/head.sqlite"
check "names the head and the column" \
  has 'tree head 1: column timestamp holds "2030-01-01T00:00:00.000000Z", the stored head bytes "' "$work/out"
check "the ledger refuses edits" bash -c "! sqlite3 '$db' 'DELETE FROM events' 2>/dev/null"
cp "$db" "$work/gap.sqlite"
sqlite3 "$work/gap.sqlite" "DROP TRIGGER events_no_delete; DELETE FROM events WHERE leaf_index = 7;"
check "recording into a ledger with a leaf deleted exits 1" run 1 record --db "$work/gap.sqlite" \
  "${meeting[@]}" --no-commitments
check "names the database and the one leaf missing" \
  has "treaty record: $work/gap.sqlite: leaf 7 of lv-ua-2024 is missing" "$work/err"
cp "$db" "$work/wiped.sqlite"
sqlite3 "$work/wiped.sqlite" "$(sqlite3 "$work/wiped.sqlite" \
  "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE type = 'trigger'")
  DELETE FROM events; DELETE FROM event_commitments; DELETE FROM tree_heads; DELETE FROM tree_nodes;
  DELETE FROM tree_node_children; DELETE FROM ledgers;"
check "a ledger emptied by hand does not verify" run 2 verify --db "$work/wiped.sqlite"
check "says it holds no ledger" has "$work/wiped.sqlite: holds no ledger: its ledger tables hold no agreement's events" "$work/err"
check "nor of the agreement named" run 2 verify --db "$work/wiped.sqlite" --agreement lv-ua-2024

# ---- filters that can match nothing are named ----
check "events of no type exit 2" run 2 events --db "$db" --type nonsense
check "names the type" has '--type: not an event type: "nonsense"' "$work/err"
check "events of a mistyped agreement exit 2" run 2 events --db "$db" --agreement lv-ua-2042
check "names those it holds" has '--agreement: the ledger holds no events of "lv-ua-2042" (it holds lv-ua-2024)' "$work/err"
check "events to a date before from exit 2" run 2 events --db "$db" --from 2024-07-01 --to 2024-06-01
check "says so" has "--to: 2024-06-01 is before from (2024-07-01)" "$work/err"
check "events --limit -1 exit 2" run 2 events --db "$db" --limit -1
check "says what a limit is" has '--limit: a limit is a whole number of at least 1, not "-1"' "$work/err"
check "events of an unknown commitment exit 2" run 2 events --db "$db" --commitment sec_2__para_99
check "says the id is no commitment" has '--commitment: no event serves "sec_2__para_99", and it is no commitment of lv-ua-2024' "$work/err"
check "events of an unknown institution exit 2" run 2 events --db "$db" --institution nobody
check "names the institutions" has '--institution: no event is recorded by "nobody", and it is no institution of lv-ua-2024 (lv-mod, ua-mod)' "$work/err"
check "events of a participant code for an institution exit 2" run 2 events --db "$db" --institution UA
check "says what an institution id is" has '--institution: not an institution id (lower case, as lv-mod): "UA"' "$work/err"
check "verify of an agreement the database lacks exits 2" run 2 verify --db "$db" --agreement xx
check "says which it holds" has 'treaty verify: --agreement: the ledger holds no events of "xx" (it holds lv-ua-2024)' "$work/err"
check "events of a commitment without events exit 0" run 0 events --db "$db" --commitment sec_1__para_2__sent_1
check "and list none" [ ! -s "$work/out" ]

# ---- a package names its agreement: --package without --agreement is of the package's id ----
cp -r "$root/data/agreements/lv-ua-2024" "$work/copy-package"
sed -i 's/"lv-ua-2024"/"lv-ua-copy"/' "$work/copy-package/agreement.json" "$work/copy-package/ledger/keys.json"
copy_db="$work/copy-package.sqlite"
check "record into the package's agreement" run 0 record --db "$copy_db" --package "$work/copy-package" \
  --user tester --type disbursement --participant LV --date 2024-06-01 --commitment "$military" \
  --amount 10 --currency EUR --description "Of the copy" --classification public
check "events of the package's agreement" run 0 events --db "$copy_db" --package "$work/copy-package"
check "are the one recorded" has '"agreement":"lv-ua-copy"' "$work/out"
check "--agreement contradicting the package exits 2" run 2 events --db "$copy_db" \
  --package "$work/copy-package" --agreement lv-ua-2024
check "says which agreement the package is of" \
  has "--agreement: \"lv-ua-2024\", but the package $work/copy-package is of \"lv-ua-copy\"" "$work/err"
check "a package that cannot be read exits 2" run 2 events --db "$copy_db" --package "$work/nowhere"
check "names it" has "--package: $work/nowhere: not a folder" "$work/err"

# ---- an agreement of other parties: its events name them, and its proofs verify with its keys ----
cp -r "$root/data/agreements/lv-ua-2024" "$work/lt-package"
sed -i 's/"lv-ua-2024"/"lt-ua-2024"/; s/"LV"/"LT"/g' "$work/lt-package/agreement.json" \
  "$work/lt-package/ledger/keys.json"
rm "$work/lt-package/commitments.review.jsonl"  # reviewed with LV as a party
lt_db="$work/lt-package.sqlite"
check "record an event of a party named LT" run 0 record --db "$lt_db" --package "$work/lt-package" \
  --user tester --type disbursement --participant LT --date 2024-06-01 --commitment "$military" \
  --amount 10 --currency EUR --description "Of the other parties" --classification public
lt_event=$(jq -r .id <("$treaty" events --db "$lt_db" --agreement lt-ua-2024))
check "its proof" run 0 proof "$lt_event" --db "$lt_db"
cp "$work/out" "$work/lt-proof.json"
check "verifies with the agreement's keys" run 0 verify-proof "$work/lt-proof.json" \
  --keys "$work/lt-package/ledger/keys.json"
check "naming the event" has "OK inclusion: event $lt_event (recorded by lv-mod) is leaf 0 of lt-ua-2024" \
  "$work/out"
# Ukraine acts, Latvia records: a keys file of Latvian institutions alone still verifies both.
jq '.institutions |= map(select(.participant == "LT")) | .keys |= map(select(.institution == "lv-mod"))' \
  "$work/lt-package/ledger/keys.json" >"$work/lt-keys-of-one-party.json"
check "record an event of the party without keys" run 0 record --db "$lt_db" \
  --package "$work/lt-package" --keys "$work/lt-keys-of-one-party.json" --user tester \
  --type disbursement --participant UA --date 2024-06-02 --commitment "$military" --amount 10 \
  --currency EUR --description "By Ukraine, recorded in Latvia" --classification public
ua_event=$(jq -r 'select(.participant == "UA") | .id' <("$treaty" events --db "$lt_db" --agreement lt-ua-2024))
check "its proof" run 0 proof "$ua_event" --db "$lt_db"
cp "$work/out" "$work/ua-proof.json"
check "verifies with the keys of one party" run 0 verify-proof "$work/ua-proof.json" \
  --keys "$work/lt-keys-of-one-party.json"
check "verify of the package's ledger" run 0 verify --db "$lt_db" --package "$work/lt-package" \
  --keys "$work/lt-keys-of-one-party.json"
check "says it holds" has "verify: OK lt-ua-2024: 2 events, 2 tree heads" "$work/out"
# verify reads the parties from the package: one that names others finds the event that does not.
cp -r "$work/lt-package" "$work/ee-package"
sed -i 's/"LT"/"EE"/g' "$work/ee-package/agreement.json" "$work/ee-package/ledger/keys.json"
check "verify against a package of other parties exit 1" run 1 verify --db "$lt_db" \
  --package "$work/ee-package"
check "names the participant" has 'not a valid event: participant: must be one of EE, UA: "LT"' "$work/out"
check "verify of an agreement without a bundled package exits 2" run 2 verify --db "$lt_db"
check "and asks for the package" \
  has 'no agreement "lt-ua-2024": no package folder (give one with --package)' "$work/err"

# ---- JSON nested deeper than anything walks ----
python3 -c "print('{\"type\":' + '[' * 50000 + ']' * 50000 + '}')" >"$work/deep.json"
stdin="$work/deep.json" check "a record nested too deep exit 2" run 2 record --db "$work/deep.sqlite"
check "says so, at its place" has "stdin: column 72: malformed JSON: arrays and objects nested more than 64 deep" "$work/err"
check "and makes no database" [ ! -e "$work/deep.sqlite" ]

# ---- options the option parser refuses, in the words of the other errors ----
check "a batch size that is no number exit 2" run 2 import "$work/courses.jsonl" --db "$db" --batch-size abc
check "names the option and the value" has '--batch-size: "abc" is not a whole number from 1 to 10000' "$work/err"
check "a batch size out of its range exit 2" run 2 import "$work/courses.jsonl" --db "$db" --batch-size 0
check "names the value, the range and the help" \
  has 'treaty import: --batch-size: "0" is not a whole number from 1 to 10000 (treaty import --help)' "$work/err"
check "an option given twice exit 2" run 2 record --db "$db" --user a --user b
check "says to give it once" has "--user: given 2 times; give it once" "$work/err"
check "a proof without its event exit 2" run 2 proof --db "$db"
check "names what is missing as the usage does" has "EVENT_ID is required" "$work/err"
check "a value out of an option's range exit 2" run 2 serve --db "$db" --threads abc
check "names the range" has '--threads: "abc" is not a whole number from 1 to 64' "$work/err"
check "a limit beyond any whole number exit 2" run 2 events --db "$db" --limit 99999999999999999999
check "says how large it may be" has '--limit: a limit is at most 9223372036854775807' "$work/err"

# ---- stdin that holds no event, and an event of very many errors ----
check "a record with nothing on stdin exit 2" run 2 record --db "$work/nothing.sqlite"
check "says to give the event" has "stdin: no event: give it as one JSON object on stdin, or its fields as flags" "$work/err"
printf '\xff\xfe{\x00}\x00' >"$work/utf16.json"
stdin="$work/utf16.json" check "a record in UTF-16 exit 2" run 2 record --db "$work/nothing.sqlite"
check "says to save it as UTF-8" has "stdin: the text is UTF-16: save the event as UTF-8" "$work/err"
check "and makes no database" [ ! -e "$work/nothing.sqlite" ]
python3 -c "
import json
print(json.dumps({'type': 'disbursement', 'participant': 'LV', 'date': '2024-06-01',
                  'commitments': ['no_such_%03d' % i for i in range(150)],
                  'amount': {'currency': 'EUR', 'minor_units': 5}, 'description': 'Many',
                  'evidence': [], 'classification': 'public'}))" >"$work/many.json"
stdin="$work/many.json" check "a record of 150 errors exit 2" run 2 record --db "$work/nothing.sqlite"
check "lists the first 100" [ "$(grep -c '^treaty record: stdin: commitments' "$work/err")" -eq 100 ]
check "then says how many more" grep -q "^… and [0-9]* more$" "$work/err"

# ---- a CSV of semicolons, and a --db that is no database ----
printf 'type;participant;date\ndisbursement;LV;2024-01-01\n' >"$work/semicolons.csv"
printf 'type,participant\n' | iconv -t UTF-16 >"$work/unicode-text.csv"
check "a CSV in UTF-16 exit 2" run 2 import "$work/unicode-text.csv" --db "$work/nothing.sqlite"
check "says to save it as UTF-8" has "unicode-text.csv: the file is UTF-16: save it as UTF-8" "$work/err"
check "and makes no database" [ ! -e "$work/nothing.sqlite" ]
check "a CSV of semicolons exit 2" run 2 import "$work/semicolons.csv" --db "$work/nothing.sqlite"
check "says to save it with commas" has "(columns separated by ';': save the file with commas between columns" "$work/err"
echo "notes" >"$work/notes.txt"
check "events of a text file exit 2" run 2 events --db "$work/notes.txt"
check "says it is no database" has "notes.txt: not an SQLite database" "$work/err"
check "and leaves it as it was" [ "$(cat "$work/notes.txt")" = "notes" ]

# ---- numbers beyond a double: an error at their place, not a crash ----
printf '{"type":"disbursement","participant":"LV","date":"2024-06-01","commitments":["%s"],"amount":{"currency":"EUR","minor_units":1e400},"description":"n","evidence":[],"classification":"public"}' \
  "$military" >"$work/huge.json"
stdin="$work/huge.json" check "a record with 1e400 exit 2" run 2 record --db "$work/huge.sqlite"
check "names the number and its place" has "stdin: column 158: malformed JSON: number too large: 1e400" "$work/err"
check "and makes no database" [ ! -e "$work/huge.sqlite" ]
sed 's/1e400/15e2/' "$work/huge.json" >"$work/exponent.json"
stdin="$work/exponent.json" check "a record with 15e2 minor units exit 2" run 2 record --db "$work/huge.sqlite"
check "says which whole number to write" has "stdin: amount.minor_units: written with a fraction or an exponent: write the whole number 1500" "$work/err"
sed 's/"leaf_index": *[0-9]*/"leaf_index": 1e400/' "$work/proof.json" >"$work/huge-proof.json"
check "a proof file with 1e400 exit 2" run 2 verify-proof "$work/huge-proof.json" --keys "$ledger/keys.json"
check "is a syntax error" has "syntax: not JSON at line" "$work/err"
sed 's/"lv-ua-2024"/"lv-ua-2024\xff"/' "$work/proof.json" >"$work/latin1-proof.json"
check "a proof file with a byte of no UTF-8 exit 2" run 2 verify-proof "$work/latin1-proof.json" --keys "$ledger/keys.json"
check "names its byte, not the byte itself" bash -c "grep -q 'syntax: invalid UTF-8 at byte' '$work/err' && ! grep -q \$'\\xff' '$work/err'"

# ---- files that are pipes ----
head -3 "$ledger/reported-support.csv" | "$treaty" import /dev/stdin --profile reported-support \
  --db "$work/piped.sqlite" --user demo >"$work/out" 2>"$work/err"
check "an import from a pipe" [ $? -eq 0 ]
check "adds its rows" has "imported /dev/stdin: 2 rows, 2 added" "$work/out"
check "a key that is not a file of keys exit 2" run 2 record --db "$work/piped.sqlite" --type \
  training --participant LV --date 2024-05-02 --commitment "$military" --quantity 3 --unit person \
  --description "Course" --classification public --key <(printf '')
check "is named, not a crash" has "column 1: malformed JSON" "$work/err"

# ---- a new institution's key: made by keygen, added to the keys file, signs, verifies ----
keygen_db="$work/keygen.sqlite"
check "keygen" run 0 keygen lv-mfa --output "$work/lv-mfa.key" --valid-from 2024-01-01T02:00:00+02:00
check "the moment is kept in UTC to the microsecond" has '"valid_from":"2024-01-01T00:00:00.000000Z"' "$work/out"
check "the private key is its owner's alone" [ "$(stat -c %a "$work/lv-mfa.key")" = "600" ]
check "the entry names the institution" has '"institution":"lv-mfa"' "$work/out"
jq --slurpfile entry "$work/out" '.institutions += [{"id": "lv-mfa", "participant": "LV",
  "name": "Ministry of Foreign Affairs of the Republic of Latvia"}] | .keys += $entry' \
  "$ledger/keys.json" >"$work/keys-with-mfa.json"
mfa_key_id=$(jq -r .key_id "$work/out")
check "a key the keys file lacks exit 2" run 2 record --db "$keygen_db" --key "$work/lv-mfa.key" \
  --user diplomat --type meeting --subtype strategic_dialogue --participant both \
  --date 2024-06-01 --commitment sec_2__para_6__sent_1 --description x --classification public
check "names the flag, the key file and the keys file" \
  grep -q -- "--key: $work/lv-mfa.key: key $mfa_key_id is not in the keys file .*lv-ua-2024/ledger/keys.json$" "$work/err"
check "keygen to a full disk fails" \
  bash -c "! '$treaty' keygen lv-mfa --output '$work/full.key' >/dev/full 2>'$work/err'"
check "and keeps no key without its entry" bash -c "[ ! -e '$work/full.key' ]"
check "saying so" has "full.key: removed: its keys-file entry could not be written" "$work/err"
check "keygen of a moment without a zone exit 2" run 2 keygen lv-mfa --output "$work/no-zone.key" \
  --valid-from 2024-01-01T00:00:00
check "says what a moment is" has '--valid-from: not a moment with seconds and a zone' "$work/err"
check "and writes no key" test ! -e "$work/no-zone.key"
check "it signs an event" run 0 record --db "$keygen_db" --key "$work/lv-mfa.key" \
  --keys "$work/keys-with-mfa.json" --user diplomat --type meeting --subtype strategic_dialogue \
  --participant both --date 2024-06-01 --commitment sec_2__para_6__sent_1 \
  --description "Dialogue in Riga" --classification public
check "which verifies" run 0 verify --db "$keygen_db" --keys "$work/keys-with-mfa.json"
check "never over a key" run 2 keygen lv-mfa --output "$work/lv-mfa.key"
check "says so" has "exists already: a key file is never overwritten" "$work/err"
check "an institution id is checked" run 2 keygen "LV MFA" --output "$work/other.key"
check "the keys file is no signing key" run 2 record --db "$keygen_db" --key "$ledger/keys.json" \
  --user diplomat --type meeting --subtype strategic_dialogue --participant both \
  --date 2024-06-01 --commitment sec_2__para_6__sent_1 --description x --classification public
check "and is told so" has "this is the keys file (treaty-keys/1), which holds public keys" \
  "$work/err"
check "a key valid only from 2030" run 0 keygen lv-mfa --output "$work/later.key" \
  --valid-from 2030-01-01T00:00:00.000000Z
jq --slurpfile entry "$work/out" '.keys |= map(if .institution == "lv-mfa"
  then .valid_until = "2030-01-01T00:00:00.000000Z" else . end) | .keys += $entry' \
  "$work/keys-with-mfa.json" >"$work/keys-with-later.json"
printf 'type,participant,date,commitments,description,classification\nmeeting,both,2024-06-02,sec_2__para_6__sent_1,Dialogue,public\n' \
  >"$work/later.csv"
check "cannot import yet" run 2 import "$work/later.csv" --db "$keygen_db" --key "$work/later.key" \
  --keys "$work/keys-with-later.json" --user diplomat
check "says why, naming the key file, before any batch" \
  has "$work/later.key: key " "$work/err"
check "that it cannot sign now" has "(valid from 2030-01-01T00:00:00.000000Z): it cannot sign now" \
  "$work/err"
check "and speaks of no batch" bash -c "! grep -q batch '$work/err'"

# ---- a correction is listed with the event it corrects, by that event's date and commitments ----
corrected_db="$work/corrected.sqlite"
cp "$db" "$corrected_db"
printf '{"type":"correction","corrects":"%s","action":"retract","description":"Recorded twice","evidence":[],"classification":"public"}' \
  "$first_id" >"$work/retract.json"
stdin="$work/retract.json" check "retract the first tranche" run 0 record --db "$corrected_db" --user tester
retraction_id=$(head -1 "$work/out")
check "its day lists the retraction" run 0 events --db "$corrected_db" --from 2024-06-01 --to 2024-06-01
check "beside the tranche" bash -c "grep -q '\"id\":\"$first_id\"' '$work/out' && grep -q '\"id\":\"$retraction_id\"' '$work/out'"
check "its commitment lists it too" run 0 events --db "$corrected_db" --commitment "$military" --type correction
check "the retraction alone" bash -c "[ \"\$(wc -l <'$work/out')\" -eq 1 ] && grep -q '$retraction_id' '$work/out'"
check "another day does not" run 0 events --db "$corrected_db" --type correction --from 2025-01-01
check "list it" [ ! -s "$work/out" ]
check "the tranche's type lists it too" run 0 events --db "$corrected_db" --type disbursement
check "beside the tranche it withdraws" bash -c "grep -q '\"id\":\"$first_id\"' '$work/out' && grep -q '\"id\":\"$retraction_id\"' '$work/out'"
check "the tranche's row in CSV" run 0 events --db "$corrected_db" --type disbursement --format csv
check "names the correction that withdraws it" \
  bash -c "grep '^[0-9]*,$first_id,' '$work/out' | grep -q ',$retraction_id'\$'\\r''\$'"
check "another type does not" run 0 events --db "$corrected_db" --type training
check "list it" bash -c "! grep -q '$retraction_id' '$work/out'"

finish
