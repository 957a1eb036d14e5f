#!/usr/bin/env bash
# The JSON API against its own document: the server, on the bundled agreement and demo ledger, is
# walked as a client walks it (tests/cli/openapi_answers.py, with Debian's python3-jsonschema),
# and every answer the document describes must match its schema; a document that misdescribes an
# answer is caught and named. Usage: tests/cli/api.sh PATH_TO_TREATY.
set -uo pipefail
source "$(dirname "$0")/lib.sh" "$1"
cd "$root" || exit 1
# Debian's interpreter, which has Debian's python3-jsonschema (scripts/install-deps.sh).
python=/usr/bin/python3
db="$work/treaty.sqlite"
"$treaty" load data/agreements/lv-ua-2024 --db "$db" >/dev/null || exit 1
"$treaty" import data/agreements/lv-ua-2024/ledger/reported-support.csv --profile reported-support \
  --db "$db" --user demo >/dev/null 2>&1 || exit 1
password="admin-password-$$"
echo "$password" | "$treaty" user add ada --role admin --db "$db" >/dev/null || exit 1

cp "$db" "$work/again.sqlite"
serve "$work/serve" --db "$db"
check "the server starts" [ -n "$base" ]
check "every answer matches its documented schema" \
  "$python" tests/cli/openapi_answers.py "$base" ada "$password" >"$work/answers" 2>&1
cat "$work/answers"
stop_server

# The same walk against a document that says an event's leaf_index is a string.
cp -r web "$work/web"
"$python" - "$work/web/openapi.json" <<'PY'
import json, sys
document = json.load(open(sys.argv[1]))
document["components"]["schemas"]["Event"]["properties"]["leaf_index"] = {"type": "string"}
json.dump(document, open(sys.argv[1], "w"))
PY
serve "$work/serve-wrong" --db "$work/again.sqlite" --web "$work/web"
check "a server on a misdescribing document starts" [ -n "$base" ]
check "the misdescription fails the walk" bash -c \
  "! '$python' tests/cli/openapi_answers.py '$base' ada '$password' >'$work/wrong' 2>&1"
check "naming the event's member" has "GET /api/v1/events/" "$work/wrong"
check "and what is wrong" has "leaf_index: 0 is not of type 'string'" "$work/wrong"
stop_server
finish
