#!/usr/bin/env bash
# End-to-end checks of the treaty binary as a user runs it: exit codes, messages, outputs.
# Usage: tests/cli/run.sh PATH_TO_TREATY. Prints "N passed, M failed".
set -uo pipefail
treaty=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

check() {  # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name"
  fi
}

run() {  # run EXPECTED_EXIT ARGS... : runs treaty, keeps stdout/stderr in $work/out, $work/err
  local expected=$1
  shift
  "$treaty" "$@" >"$work/out" 2>"$work/err"
  local code=$?
  [ "$code" -eq "$expected" ] || { echo "exit $code, expected $expected: treaty $*"; cat "$work/err"; return 1; }
}

valid_akn() {  # valid_akn FILE: validates against the shipped OASIS schema, quiet unless invalid
  xmllint --noout --nonet --schema "$root/tests/data/schemas/akn-3.0/akomantoso30.xsd" "$1" \
    >"$work/xmllint" 2>&1 || { cat "$work/xmllint"; return 1; }
}

lv="$root/data/agreements/lv-ua-2024/lv.txt"
en="$root/data/agreements/lv-ua-2024/en.txt"

check "parse json" run 0 parse "$lv" --format json
check "json has sections" grep -q '"eId": "sec_3__hcontainer_21"' "$work/out"
check "json has source offsets" grep -q '"start"' "$work/out"

check "parse akn" run 0 parse "$en" --format akn
cp "$work/out" "$work/en.akn.xml"
check "akn valid against the OASIS schema" valid_akn "$work/en.akn.xml"
check "akn names the language" grep -q 'FRBRlanguage language="eng"' "$work/en.akn.xml"
check "parse lv akn" run 0 parse "$lv" --format akn --lang lv
cp "$work/out" "$work/lv.akn.xml"
check "lv akn valid" valid_akn "$work/lv.akn.xml"

for f in "$root"/tests/data/corpus/*.txt "$root"/tests/data/synthetic/*.txt; do
  check "corpus akn $(basename "$f")" run 0 parse "$f" --format akn
  cp "$work/out" "$work/c.xml"
  check "corpus akn valid $(basename "$f")" valid_akn "$work/c.xml"
done

check "missing file exit 2" run 2 parse "$work/none.txt"
check "missing file message" grep -q "no such file" "$work/err"
: >"$work/empty.txt"
check "empty file exit 2" run 2 parse "$work/empty.txt"
check "empty file message" grep -q "empty" "$work/err"
printf 'PK\003\004binary' >"$work/bin.docx"
check "binary exit 2" run 2 parse "$work/bin.docx"
check "binary message names the offset" grep -q "byte offset 2" "$work/err"
printf 'good line\nbad \303\050 byte\n' >"$work/bad.txt"
check "invalid utf-8 exit 2" run 2 parse "$work/bad.txt"
check "invalid utf-8 message" grep -q "bad.txt:2: invalid UTF-8 at byte offset 14" "$work/err"
check "unknown language exit 2" run 2 parse "$lv" --lang fr
check "unknown format exit 2" run 2 parse "$lv" --format pdf
printf 'a short note in lower case\nwith no structure\n' >"$work/plain.txt"
check "unstructured exit 0" run 0 parse "$work/plain.txt"
check "unstructured warns" grep -q "warning: .*no headings" "$work/err"

check "align" run 0 align "$lv" "$en"
check "align reports the split paragraph" grep -q "sec_2__hcontainer_4: lv para_8 + para_9 (line 215)" "$work/out"

db="$work/db/treaty.sqlite"
check "load" run 0 load "$root/data/agreements/lv-ua-2024" --db "$db"
check "load again replaces" run 0 load "$root/data/agreements/lv-ua-2024" --db "$db"
check "load says replaced" grep -q "replaced lv-ua-2024" "$work/out"
check "overview" run 0 overview --db "$db"
check "overview key facts" grep -q "signed            2024-04-11 in Vilnius" "$work/out"
check "overview outline" grep -q "sec_6  6. Final provisions" "$work/out"
mkdir -p "$work/relabelled"
cp "$root"/data/agreements/lv-ua-2024/*.txt "$work/relabelled/"
sed 's/"layout": "pdf-text-layer"/"layout": "paragraph-per-line"/' \
  "$root/data/agreements/lv-ua-2024/agreement.json" >"$work/relabelled/agreement.json"
check "load with a wrong declared layout" run 0 load "$work/relabelled" --db "$work/other.sqlite"
check "load warns about the declared layout" \
  grep -q "lv.txt: agreement.json says paragraph-per-line but the text reads as pdf-text-layer" \
  "$work/err"
check "load bad package exit 2" run 2 load "$work" --db "$db"
check "overview still works after a failed load" run 0 overview --db "$db"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
