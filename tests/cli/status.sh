#!/usr/bin/env bash
# End-to-end checks of `treaty status` and `treaty calendar` as a user runs them on the bundled
# agreement and its demo ledger: the report, the JSON, a disbursement recorded and seen, the
# calendar file, and bad input (a clear message, exit 2). Usage: tests/cli/status.sh
# PATH_TO_TREATY. Prints "N passed, M failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh" "$1"
cd "$root" || exit 1

json_is() {  # json_is JQ_FILTER EXPECTED (on $work/out)
  local got
  got=$(jq -c "$1" "$work/out")
  [ "$got" = "$2" ] || { echo "$1: $got, expected $2"; return 1; }
}

db="$work/treaty.sqlite"
gdp="sec_2__hcontainer_1__para_2__sent_1"
named="sec_2__hcontainer_1__para_2__sent_2"

check "import the demo ledger" run 0 import data/agreements/lv-ua-2024/ledger/reported-support.csv \
  --profile reported-support --db "$db" --user demo

# ---- the report for a person ----
check "status text" run 0 status --db "$db" --at 2026-12-04
check "it names the agreement" has "Latvia" "$work/out"
check "it gives the state in words" has "state: in force" "$work/out"
check "the extension deadline" has "extension to be agreed in writing by 2033-10-11 (still possible)" "$work/out"
check "each date of the life cycle cites its words" \
  has '      - signed on 2024-04-11, so in force from that day (sec_6__para_1: "The Agreement comes into effect on the day of its signature.")' "$work/out"
check "targets are listed" has "$gdp  missed" "$work/out"
check "upcoming deadlines with their provision" has "2033-10-11  upcoming" "$work/out"
check "a target is named by what it promises" has "$gdp  missed
      Provide the necessary military support to Ukraine in the amount of 0.25% of the gross domestic product annually" "$work/out"
check "a commitment with no events too" \
  has "    sec_5__para_5__sent_1  Conclude technical agreements on specific areas of cooperation" "$work/out"
check "a rule's sentence by its opening words" \
  has "    sec_6__para_9__sent_2  In the event of divergence of interpretation, the English text shall prevail" "$work/out"
check "the header says all events count" has "from the ledger's 7 events, all dated by then)" "$work/out"
# A deadline gone by with nothing to measure yet (2024's GDP is published in March 2025) is listed
# as passed, not left out until it is missed or met.
check "status in January 2025" run 0 status --db "$db" --at 2025-01-15
check "lists the year's GDP target as passed" \
  has "2024-12-31  passed    End of 2024 for 0.25% of GDP  (sec_2__hcontainer_1__para_2)" "$work/out"
check "status before the signature" run 0 status --db "$db" --at 2023-01-01
check "is not yet in force" has "state: not yet in force" "$work/out"
# The day before signature, with the pledge of 2024-04-03 already recorded: nothing of the
# Agreement runs yet, so its 2024 targets are upcoming, not in progress.
check "status the day before signature" run 0 status --db "$db" --at 2024-04-10
check "has the year's target upcoming" has "sec_2__hcontainer_1__para_2__sent_2  upcoming" "$work/out"
check "and none in progress" bash -c "! grep -q 'in progress' '$work/out'"
check "and how many events count" has "from the ledger's 7 events: 2 dated by then count, 5 dated later do not)" "$work/out"
check "and its extension possible once in force, not past" \
  has "extension to be agreed in writing by 2033-10-11 (possible once in force)" "$work/out"

# ---- the JSON ----
check "a moment's day is on its own clock" run 0 status --db "$db" --at 2024-04-11T00:00:00+03:00
check "the signature day in Vilnius is in force" has "state: in force" "$work/out"
check "on that day, at the moment as given" \
  has "Status on 2024-04-11 (at 2024-04-11T00:00:00+03:00; " "$work/out"
check "RFC 3339's lower-case t and z" run 0 status --db "$db" --at 2024-04-11t00:00:00z
check "are its T and Z" has "Status on 2024-04-11 (at 2024-04-11T00:00:00Z; " "$work/out"
check "a wrong lower-case moment" run 2 status --db "$db" --at 2024-04-11t25:00:00z
check "is quoted as typed" has "--at: '2024-04-11t25:00:00z' is not a moment" "$work/err"
check "a date among spaces" run 0 status --db "$db" --at " 2024-04-11 "
check "is that date's end" has "Status on 2024-04-11 (at 2024-04-11T23:59:59Z; " "$work/out"
check "an empty --at is refused" run 2 status --db "$db" --at ""
check "saying what it takes" has "--at: empty: give a date (YYYY-MM-DD) or a moment" "$work/err"
check "a word for a day is refused" run 2 status --db "$db" --at yesterday
check "saying both forms" has "--at: 'yesterday' is neither a date (YYYY-MM-DD) nor a moment (RFC 3339" "$work/err"
check "a date mistyped" run 2 status --db "$db" --at 2024-4-1
check "is told as a date" has "--at: '2024-4-1' is not a date (YYYY-MM-DD)" "$work/err"
check "status json" run 0 status --db "$db" --at 2026-12-04 --format json
check "lifecycle" json_is '.lifecycle | [.state, .in_force_from, .last_day_in_force, .extension_deadline]' \
  '["in_force","2024-04-11","2034-04-11","2033-10-11"]'
check "no termination without a notice" json_is '.lifecycle | has("termination_effective")' 'false'
check "the term's last day says how it is counted" json_is \
  '[.lifecycle.reasons[] | select(.finding | test("^a term of 10 years from 2024-04-11: its last day is 2034-04-11 \\(a period counted from a day begins the day after, as Regulation 1182/71 counts\\)$"))] | length' '1'
check "the demo ledger is folded" json_is ".ledger_size" "7"
check "all its events count on that day" json_is ".events_counted" "7"
check "each commitment has its title" json_is \
  "[.commitments[] | select(.id == \"$named\") | .title]" \
  '["Provide approximately 112 million EUR of military support to Ukraine"]'
check "2024 measured against the published GDP" json_is \
  ".commitments[] | select(.id == \"$gdp\") | .progress.periods[0] | [.status, .target_minor_units, .allocated_minor_units]" \
  '["missed",10050000000,3200000000]'
check "the reference row is cited" json_is \
  ".commitments[] | select(.id == \"$gdp\") | .references[0] | [.file, .line]" \
  '["data/reference/latvia-gdp.csv",3]'
# Cited by the project's name for it from any folder: no path of the machine in the API's answers.
elsewhere() { (cd "$work" && "$treaty" status --db "$db" --at 2026-12-04 --format json >"$work/out"); }
check "status from another folder" elsewhere
check "cites the reference file by the same name" json_is \
  ".commitments[] | select(.id == \"$gdp\") | .references[0] | [.file, .line]" \
  '["data/reference/latvia-gdp.csv",3]'
# A copy of the program outside the project, given the package by its full path: still the
# project's name, not a path of this machine.
mkdir -p "$work/elsewhere/bin"
cp "$treaty" "$work/elsewhere/bin/treaty"
copied() {
  (cd "$work/elsewhere" && bin/treaty status --db "$db" --package "$root/data/agreements/lv-ua-2024" \
    --at 2026-12-04 --format json >"$work/out")
}
check "status of a copy of the program" copied
check "cites the reference file by the same name" json_is \
  ".commitments[] | select(.id == \"$gdp\") | .references[0] | [.file, .line]" \
  '["data/reference/latvia-gdp.csv",3]'
check "EUR 112 M beside 0.25% of 2024 GDP" json_is \
  ".commitments[] | select(.id == \"$named\") | .progress.beside | [.share_minor_units, .difference_minor_units]" \
  '[10050000000,1150000000]'
check "every deadline has a date and a provision" json_is \
  '[.deadlines[] | select((.date | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}$") | not) or (.provision == ""))] | length' '0'
check "reasons quote the text" json_is \
  ".commitments[] | select(.id == \"$gdp\") | .reasons[0].quote | startswith(\"Latvia has set the target\")" 'true'

# ---- a disbursement recorded changes the status ----
check "record a disbursement" run 0 record --db "$db" --user tester --type disbursement \
  --participant LV --date 2024-09-30 --commitment "$gdp" --amount 100500000 --currency EUR \
  --description "Military support paid in 2024" --classification public \
  --idempotency-key lv-mod/status-check --evidence https://example.org/payment
event=$(head -1 "$work/out")
check "status json again" run 0 status --db "$db" --at 2026-12-04 --format json
check "2024 is now met" json_is \
  ".commitments[] | select(.id == \"$gdp\") | .progress.periods[0] | [.status, .achieved_minor_units]" \
  '["met",10050000000]'
check "the event is among the reasons" json_is \
  "[.commitments[] | select(.id == \"$gdp\") | .reasons[].events[]] | index(\"$event\") != null" 'true'
check "before the payment it was not known" run 0 status --db "$db" --at 2024-09-29 --format json
check "2024 in progress then" json_is \
  ".commitments[] | select(.id == \"$gdp\") | .progress.periods[0] | [.status, .achieved_minor_units]" \
  '["in_progress",0]'

# ---- restricted events and the public view ----
check "record a restricted disbursement" run 0 record --db "$db" --user tester --type disbursement \
  --participant LV --date 2025-03-03 --commitment "$gdp" --amount 7000000 --currency EUR \
  --description "Restricted payment" --classification restricted --idempotency-key lv-mod/secret
check "public status" run 0 status --db "$db" --at 2026-12-04 --format json --public
check "the public view leaves the restricted event out" json_is \
  ".commitments[] | select(.id == \"$gdp\") | .progress.periods[1].disbursed_minor_units" '0'
check "public status in words" run 0 status --db "$db" --at 2026-12-04 --public
public_events=$(grep -o "from the ledger's [0-9]* public events" "$work/out" | grep -o "[0-9]*")
check "counts the public events it read" test -n "$public_events"
check "status in words" run 0 status --db "$db" --at 2026-12-04
all_events=$(grep -o "from the ledger's [0-9]* events" "$work/out" | grep -o "[0-9]*")
check "one more with the restricted event" test "$all_events" = "$((public_events + 1))"
check "the full view counts it" run 0 status --db "$db" --at 2026-12-04 --format json
check "700 million cents" json_is \
  ".commitments[] | select(.id == \"$gdp\") | .progress.periods[1].disbursed_minor_units" '700000000'

# ---- the calendar ----
check "calendar to a file" run 0 calendar --db "$db" --at 2026-12-04 --output "$work/treaty.ics"
check "it says what it wrote" has "calendar: 11 entries (1 of them repeating each year) written to $work/treaty.ics" "$work/out"
check "a VCALENDAR" has "BEGIN:VCALENDAR" "$work/treaty.ics"
check "the extension deadline" has "DTSTART;VALUE=DATE:20331011" "$work/treaty.ics"
check "the annual dialogue recurs" has "RRULE:FREQ=YEARLY" "$work/treaty.ics"
check "CRLF line ends" bash -c "[ \"\$(grep -c \$'\\r\$' '$work/treaty.ics')\" -eq \"\$(wc -l <'$work/treaty.ics')\" ]"
check "calendar to stdout" run 0 calendar --db "$db" --at 2026-12-04
check "same events" bash -c "[ \"\$(grep -c BEGIN:VEVENT '$work/out')\" -eq \"\$(grep -c BEGIN:VEVENT '$work/treaty.ics')\" ]"

# ---- bad input: a clear error, exit 2 ----
check "an impossible date" run 2 status --db "$db" --at 2024-02-30
check "names --at" has "--at" "$work/err"
check "a year outside 1900-2200" run 2 status --db "$db" --at 2201-01-01
check "says the range" has "1900" "$work/err"
check "a malformed date" run 2 status --db "$db" --at 04/11/2024
check "an unknown format" run 2 status --db "$db" --format xml
check "an unknown agreement" run 2 status --db "$db" --agreement xx-yy-2030
check "names the folder" has "data/agreements/xx-yy-2030" "$work/err"
printf '%s' '{"notices": [{"event": "n1", "kind": "termination", "from": "LV", "date": "2027-01-15"}]}' >"$work/facts.json"
check "a notice with no counterparty" run 2 status --db "$db" --facts "$work/facts.json"
check "says so" has "counterparty" "$work/err"
printf '%s\n' '{' '  "ukraine_nato_membership": {' '    "source": "x",' '    "date": "2030-02-30"' '  }' '}' \
  >"$work/bad-facts.json"
check "a bad date in the facts file" run 2 status --db "$db" --facts "$work/bad-facts.json"
check "names the file, line and field" has "bad-facts.json:4: field ukraine_nato_membership.date" "$work/err"
printf '%s' '{"ukraine_nato_membership": {"date": "2030-02-01", "source": "a"},
 "ukraine_nato_membership": {"date": "2031-02-01", "source": "b"}}' >"$work/twice.json"
check "a member given twice in the facts file" run 2 status --db "$db" --facts "$work/twice.json"
check "is named, not read as its last value" has "twice.json:2: ukraine_nato_membership: duplicate member name" \
  "$work/err"
printf '{"notices": [\n  {"event": "n1",\n' >"$work/cut.json"
check "a facts file cut short" run 2 status --db "$db" --facts "$work/cut.json"
check "says where" has "cut.json: line 3" "$work/err"
printf '%s' '{"ukraine_nato_membership": {"date": "2030-02-01", "source": "accession"}}' >"$work/nato.json"
check "NATO membership from a facts file" run 0 status --db "$db" --facts "$work/nato.json" --at 2030-03-01 --format json
check "the future status is pending" json_is '.lifecycle.future_status_pending' 'true'
check "calendar into a missing folder" run 2 calendar --db "$db" --output "$work/no/such/folder/x.ics"

# ---- a notice recorded in error is set aside, and the rest is still evaluated ----
check "record a notice dated before the signature" run 0 record --db "$db" --user tester \
  --type notice --subtype extension --participant LV --date 2024-03-01 \
  --commitment sec_6__para_2__sent_2 --description "sent too early" --classification public \
  --evidence https://example.org/notice
early=$(head -1 "$work/out")
check "status still runs" run 0 status --db "$db" --at 2026-12-04
check "and names the notice it sets aside" \
  has "predates the Agreement, signed on 2024-04-11: it is set aside, without effect [events: $early]" \
  "$work/out"
check "the calendar still runs" run 0 calendar --db "$db" --at 2026-12-04

# ---- what a target does not count is said, and a plural unit is the same unit ----
drones="sec_2__hcontainer_1__para_3__sent_2"
check "record a payment in USD" run 0 record --db "$db" --user tester --type disbursement \
  --participant LV --date 2024-07-01 --commitment sec_2__hcontainer_1__para_2__sent_2 \
  --amount 10000000 --currency USD --description "paid in dollars" --classification public
check "record drones as drones" run 0 record --db "$db" --user tester --type delivery \
  --participant LV --date 2025-06-01 --commitment "$drones" --quantity 1000 --unit drones \
  --item FPV --description "1,000 more" --classification public
check "record drones in pieces" run 0 record --db "$db" --user tester --type delivery \
  --participant LV --date 2025-06-02 --commitment "$drones" --quantity 7 --unit pcs \
  --item FPV --description "seven" --classification public
check "status with them" run 0 status --db "$db" --at 2025-06-30
check "the dollars are named as not counted" \
  has "1 event in USD for 2024 not counted: amounts are compared in EUR only, without conversion" \
  "$work/out"
check "drones count as drones" has "6,000 drones delivered by 2025-06-30 in 2 delivery events" \
  "$work/out"
check "pieces are named as not counted" \
  has "1 delivery not counted: counted in \"pcs\", not in the text's unit \"drone\"" "$work/out"

# ---- a request's day is the one on its own clock: 01:00 in Vilnius on the signature day counts ----
check "record a request on the signature day, local time" run 0 record --db "$db" --user tester \
  --type consultation_request --subtype armed_attack --participant LV --date 2024-04-11 \
  --occurred-at 2024-04-11T01:00:00+03:00 --commitment sec_4__para_1__sent_1 \
  --description "request at night" --classification public
check "status after it" run 0 status --db "$db" --at 2024-04-13
check "it opened a window" bash -c "! grep -qF 'is not counted: the Agreement was not in force' '$work/out'"
check "which was missed" has "sec_4__para_1__sent_1  missed" "$work/out"

# ---- after a termination nothing more is owed, and before entry into force nothing counted ----
ended="$work/ended.sqlite"
cp "$db" "$ended"
check "record a termination notice" record_termination "$ended" 2025-01-15
check "record a request after it took effect" run 0 record --db "$ended" --user tester \
  --type consultation_request --subtype armed_attack --participant LV --date 2026-01-10 \
  --occurred-at 2026-01-10T10:00:00Z --commitment sec_4__para_1__sent_1 --description "late" \
  --classification public
check "record a dialogue before the signature" run 0 record --db "$ended" --user tester \
  --type meeting --subtype strategic_dialogue --participant both --date 2024-02-10 \
  --commitment sec_2__para_6__sent_1 --description "too early" --classification public
check "status after the end" run 0 status --db "$ended" --at 2026-01-12
check "terminated" has "state: terminated" "$work/out"
check "2026 is not owed" has "year 2026 not owed: the Agreement's last day in force is 2025-07-15" \
  "$work/out"
check "nor its deadline listed" bash -c "! grep -qF 'End of 2026 for 0.25% of GDP' '$work/out'"
check "the request opened no window" has "is not counted: the Agreement was not in force then" \
  "$work/out"
check "the summary names the request not counted" \
  has "1 request: 0 met, 0 open, 1 missed (1 not counted: the Agreement was not in force)" \
  "$work/out"
check "the early dialogue is not counted" \
  has "1 meeting not counted: held while the Agreement was not in force" "$work/out"
check "the calendar of a terminated agreement" run 0 calendar --db "$ended" --at 2026-01-12 \
  --output "$work/ended.ics"
check "says what the termination cancelled" \
  has "calendar: 10 entries (1 of them repeating each year) and 5 cancelled written to $work/ended.ics" "$work/out"

finish
