#!/usr/bin/env bash
# End-to-end checks of `treaty export` on the bundled agreement and its demo ledger: the CSV with
# its formula guard, the XLSX workbook (read with unzip), the IATI XML (validated with xmllint
# against the shipped schema), restricted events left out with --public, and bad input (a clear
# message, exit 2). Usage: tests/cli/export.sh PATH_TO_TREATY. Prints "N passed, M failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh" "$1"
cd "$root" || exit 1

lacks() { ! grep -qF -- "$1" "$2" || { echo "'$1' in $2"; return 1; }; }

db="$work/treaty.sqlite"
named="sec_2__hcontainer_1__para_2__sent_2"
schema="tests/data/schemas/iati-2.03/iati-activities-schema.xsd"

check "import the demo ledger" run 0 import data/agreements/lv-ua-2024/ledger/reported-support.csv \
  --profile reported-support --db "$db" --user demo
check "record a public payment" run 0 record --db "$db" --user tester --type disbursement \
  --participant LV --date 2024-09-30 --commitment "$named" --amount 1500000.5 --currency EUR \
  --description '=HYPERLINK("http://example.org"), paid' --classification public \
  --idempotency-key lv-mod/export-public
check "record a restricted payment" run 0 record --db "$db" --user tester --type disbursement \
  --participant LV --date 2024-10-01 --commitment "$named" --amount 7000000 --currency EUR \
  --description "Restricted payment QRS" --classification restricted \
  --idempotency-key lv-mod/export-restricted

# ---- CSV ----
check "csv to stdout" run 0 export csv --db "$db"
check "a header row" bash -c "head -1 '$work/out' | grep -q '^leaf_index,id,recorded_at,institution,'"
check "one row per event: the 7 of the demo ledger and 2 more" \
  test "$(grep -cE '^[0-9]+,[0-9a-f]{8}-[0-9a-f]{4}-7' "$work/out")" -eq 9
check "the formula is guarded and quoted" has "\"'=HYPERLINK(\"\"http://example.org\"\"), paid\"" "$work/out"
check "amounts in major units" has ",1500000.50,EUR," "$work/out"
check "the restricted event is there for an insider" has "Restricted payment QRS" "$work/out"
check "csv to a full disk fails" bash -c "! '$treaty' export csv --db '$db' >/dev/full 2>'$work/err'"
check "saying so" has "treaty export: standard output: cannot write" "$work/err"
check "an empty --output" run 2 export csv --db "$db" --output ""
check "is refused, not read as stdout" has "treaty export: --output: empty: give a path (treaty export --help)" "$work/err"
check "and nothing is written" bash -c "[ ! -s '$work/out' ]"
check "csv --public" run 0 export csv --db "$db" --public
check "no restricted event" lacks "Restricted payment QRS" "$work/out"
check "events --format csv shares the writer" run 0 events --db "$db" --format csv
check "same columns" bash -c "head -1 '$work/out' | grep -q ',corrects,action,replacement,corrected_by'\$'\\r''\$'"

# ---- XLSX ----
check "xlsx to a file" run 0 export xlsx --db "$db" --output "$work/ledger.xlsx"
check "it says what it wrote" has "written to $work/ledger.xlsx" "$work/out"
check "a zip archive" bash -c "unzip -tq '$work/ledger.xlsx' >/dev/null"
unzip -p "$work/ledger.xlsx" xl/workbook.xml >"$work/workbook.xml"
check "an Events sheet" has '<sheet name="Events"' "$work/workbook.xml"
check "a Commitments sheet" has '<sheet name="Commitments"' "$work/workbook.xml"
unzip -p "$work/ledger.xlsx" xl/worksheets/sheet1.xml >"$work/events.xml"
check "the header row is frozen" has 'state="frozen"' "$work/events.xml"
check "an autofilter" has '<autoFilter ref="A1:AE' "$work/events.xml"
check "the amount is a number" has '<v>1500000.5</v>' "$work/events.xml"
unzip -p "$work/ledger.xlsx" xl/sharedStrings.xml >"$work/strings.xml"
check "the description as text" has '<t>=HYPERLINK("http://example.org"), paid</t>' "$work/strings.xml"
check "commitments with their status" has "status at" "$work/strings.xml"
check "a final provision with the life cycle's finding" \
  has "<t>signed on 2024-04-11, so in force from that day</t>" "$work/strings.xml"
check "the restricted event for an insider" has "Restricted payment QRS" "$work/strings.xml"
check "xlsx --public" run 0 export xlsx --db "$db" --public --output "$work/public.xlsx"
unzip -p "$work/public.xlsx" xl/sharedStrings.xml >"$work/public-strings.xml"
check "no restricted event in the public workbook" lacks "Restricted payment QRS" "$work/public-strings.xml"

# ---- IATI ----
check "iati to a file" run 0 export iati --db "$db" --output "$work/iati.xml"
check "valid against the IATI 2.03 schema" bash -c "xmllint --noout --nonet --schema '$schema' '$work/iati.xml' 2>'$work/xmllint'"
activities=$(xmllint --xpath "count(//iati-activity)" "$work/iati.xml")
check "every activity has a default currency, a share of GDP that of its transactions" \
  test "$(xmllint --xpath "count(//iati-activity[@default-currency='EUR'])" "$work/iati.xml")" = "$activities"
transactions=$(xmllint --xpath "count(//iati-activity/transaction)" "$work/iati.xml")
check "it says what the file holds" \
  has "iati: $activities activities, $transactions transactions of " "$work/out"
check "an activity of the EUR 112 million" has "<iati-identifier>lv-mod-lv-ua-2024-$named</iati-identifier>" "$work/iati.xml"
check "the year's target is its budget" \
  bash -c "xmllint --xpath \"string(//iati-activity[other-identifier/@ref='$named']/budget[period-start/@iso-date='2024-01-01']/value)\" '$work/iati.xml' | grep -qx 112000000.00"
check "the payment is a disbursement" has '<value currency="EUR" value-date="2024-09-30">1500000.50</value>' "$work/iati.xml"
check "the restricted payment for an insider" has "Restricted payment QRS" "$work/iati.xml"
check "iati --public to stdout" run 0 export iati --db "$db" --public
check "no restricted event in the public file" lacks "Restricted payment QRS" "$work/out"
ended="$work/ended.sqlite"
cp "$db" "$ended"
check "record a termination notice" record_termination "$ended" 2025-01-15
check "iati after a termination" run 0 export iati --db "$ended" --output "$work/ended.xml"
check "still valid" bash -c "xmllint --noout --nonet --schema '$schema' '$work/ended.xml' 2>'$work/xmllint'"
# The planned end of an activity of the file written after the termination.
planned_end() {
  xmllint --xpath "string(//iati-activity[other-identifier/@ref='$1']/activity-date[@type='3']/@iso-date)" \
    "$work/ended.xml"
}
check "a plan ends on the last day in force" \
  test "$(planned_end sec_3__hcontainer_16__para_2__sent_2)" = 2025-07-15
check "one with a pledge decided before the termination too" \
  test "$(planned_end sec_2__hcontainer_1__para_2__sent_1)" = 2025-07-15

# ---- bad input: a clear error, exit 2 ----
check "an unknown format" run 2 export pdf --db "$db"
check "no format" run 2 export --db "$db"
check "an unknown agreement" run 2 export csv --db "$db" --agreement xx-yy-2030
check "names the folder" has "data/agreements/xx-yy-2030" "$work/err"
check "into a missing folder" run 2 export csv --db "$db" --output "$work/no/such/folder/x.csv"
check "names the file" has "$work/no/such/folder/x.csv" "$work/err"
cp "$db" "$work/precious.sqlite"
check "the database given as the output" run 2 export csv --db "$work/precious.sqlite" \
  --output "$work/precious.sqlite"
check "is refused" has "is an SQLite database; it is not replaced" "$work/err"
check "and the ledger is intact" run 0 verify --db "$work/precious.sqlite"
check "the calendar refuses it too" run 2 calendar --db "$work/precious.sqlite" \
  --output "$work/precious.sqlite"
printf 'old\n' >"$work/kept.csv"
chmod 640 "$work/kept.csv"
check "a file replaced" run 0 export csv --db "$db" --output "$work/kept.csv"
check "holds the export" grep -q '^leaf_index,' "$work/kept.csv"
check "keeps its permissions" test "$(stat -c %a "$work/kept.csv")" = 640
check "and leaves no temporary file" test "$(ls "$work" | grep -c '^kept.csv')" = 1
check "a device is written in place" run 0 export csv --db "$db" --output /dev/null
printf 'old\n' >"$work/target.csv"
ln -s "$work/target.csv" "$work/link.csv"
check "a symbolic link" run 0 export csv --db "$db" --output "$work/link.csv"
check "stays a link" test -L "$work/link.csv"
check "and its target holds the export" grep -q '^leaf_index,' "$work/target.csv"
check "--keys with csv" run 2 export csv --db "$db" --keys "$work/no-such-keys.json"
check "says --keys is for iati" has "only the iati format" "$work/err"
check "iati with a missing keys file" run 2 export iati --db "$db" --keys "$work/no-such-keys.json"
check "names the keys file" has "$work/no-such-keys.json" "$work/err"
script -qec "$treaty export xlsx --db $db" /dev/null >"$work/tty" 2>&1
check "xlsx to a terminal is refused" has "write it to a file with --output" "$work/tty"
check "and writes no workbook there" lacks "PK" "$work/tty"

finish
