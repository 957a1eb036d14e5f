#!/usr/bin/env bash
# End-to-end checks of the treaty binary as a user runs it: exit codes, messages, outputs.
# Usage: tests/cli/run.sh PATH_TO_TREATY. Prints "N passed, M failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh" "$1"

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
check "a package's text is named as its package names it" \
  grep -q '<FRBRuri value="/akn/int/act/2024-04-11/lv-ua-2024" />' "$work/en.akn.xml"
check "with its parties as authors" \
  grep -q '<TLCOrganization eId="lv" href="/ontology/organization/lv" showAs="Republic of Latvia" />' "$work/en.akn.xml"
check "akn dates the work by the text's signing clause" \
  grep -q '<FRBRdate date="2024-04-11" name="signature"' "$work/en.akn.xml"
check "parse lv akn" run 0 parse "$lv" --format akn --lang lv
cp "$work/out" "$work/lv.akn.xml"
check "lv akn valid" valid_akn "$work/lv.akn.xml"
check "lv akn dated by \"Vienošanās ir parakstīta\"" \
  grep -q '<FRBRdate date="2024-04-11" name="signature"' "$work/lv.akn.xml"

for f in "$root"/tests/data/corpus/*.txt "$root"/tests/data/synthetic/*.txt; do
  check "corpus akn $(basename "$f")" run 0 parse "$f" --format akn
  cp "$work/out" "$work/c.xml"
  check "corpus akn valid $(basename "$f")" valid_akn "$work/c.xml"
done

# A text in none of the three languages is read as English (German) or Latvian (Czech, with its
# č, š, ž), and the reader is warned with the letters that show it; a name alone shows nothing.
cat >"$work/de.txt" <<'TEXT'
Vereinbarung über Sicherheitszusammenarbeit und langfristige Unterstützung zwischen der Ukraine und Deutschland.
1. Deutschland wird die Ukraine militärisch unterstützen, einschließlich Ausbildung und Lieferungen.
2. Die Teilnehmer werden sich regelmäßig treffen und gemeinsam über die langfristige Unterstützung beraten.
TEXT
check "parse a German text" run 0 parse "$work/de.txt" --format json
check "warns that it is in none of the three, read as English" \
  has "treaty parse: warning: $work/de.txt: the text's letters (ü, ä, ß) are of none of lv, en and uk: it is read by the rules of en" "$work/err"
cat >"$work/cs.txt" <<'TEXT'
Dohoda mezi Ukrajinou a Českou republikou o spolupráci v oblasti bezpečnosti a dlouhodobé podpoře.
1. Česká republika bude poskytovat Ukrajině vojenskou podporu, včetně výcviku a dodávek vybavení.
2. Účastníci se budou pravidelně scházet a společně řešit otázky podpory a obnovy země.
TEXT
check "parse a Czech text" run 0 parse "$work/cs.txt" --format json
check "warns that it is in none of the three, read as Latvian" \
  has "are of none of lv, en and uk: it is read by the rules of lv" "$work/err"
echo "Signed by Radosław Sikorski and Dmytro Kuleba in Brussels." >"$work/name.txt"
check "parse a line with a Polish name" run 0 parse "$work/name.txt"
check "is not warned of" bash -c "! grep -q 'none of lv' '$work/err'"
check "the English text is not warned of" run 0 parse "$en"
check "by no such warning" bash -c "! grep -q 'none of lv' '$work/err'"
check "missing file exit 2" run 2 parse "$work/none.txt"
check "missing file message" grep -q "no such file" "$work/err"
check "an empty file name" run 2 parse ""
check "is said to be empty" has "treaty parse: FILE: empty: give a path (treaty parse --help)" "$work/err"
check "an empty review file" run 2 commitments --review ""
check "is refused, not read as the package's own" has "treaty commitments: --review: empty: give a path" "$work/err"
check "an empty database path" run 2 status --db " "
check "names its flag" has "treaty status: --db: empty: give a path" "$work/err"
check "an empty filter" run 2 events --db "$work/none.sqlite" --type ""
check "is refused, not read as none" has "treaty events: --type: empty: give a value, or leave the option out" "$work/err"
check "help to a full disk fails" bash -c "! '$treaty' --help >/dev/full 2>'$work/err'"
check "saying it cannot write its help" has "treaty: standard output: cannot write" "$work/err"
check "parse to a full disk fails" bash -c "! '$treaty' parse '$en' --format akn >/dev/full 2>'$work/err'"
check "saying it cannot write" has "treaty parse: standard output: cannot write" "$work/err"
cat "$en" | "$treaty" parse /dev/stdin --format json >"$work/out" 2>"$work/err"
check "parse from a pipe" [ $? -eq 0 ]
check "reads the whole text" has '"last": 190' "$work/out"
check "an endless device is refused" run 2 parse /dev/zero
check "says how much it read" has "/dev/zero: more than 1 GiB from a pipe or device" "$work/err"
: >"$work/empty.txt"
check "empty file exit 2" run 2 parse "$work/empty.txt"
check "empty file message" grep -q "empty" "$work/err"
printf 'PK\003\004binary' >"$work/bin.docx"
check "binary exit 2" run 2 parse "$work/bin.docx"
check "binary message names the offset" grep -q "byte offset 2" "$work/err"
printf 'good line\nbad \303\050 byte\n' >"$work/bad.txt"
check "invalid utf-8 exit 2" run 2 parse "$work/bad.txt"
check "invalid utf-8 message" grep -q "bad.txt:2: invalid UTF-8 at byte offset 14" "$work/err"
# Lines that end in a lone CR (old Mac files) are counted as lines too.
printf 'Agreement\r\r1. Latvia will provide\rEUR 3 million\rin 2024 and 2025, \303\050.\r' >"$work/cr.txt"
check "invalid utf-8 in a file of CR lines" run 2 parse "$work/cr.txt"
check "names its line" has "cr.txt:5: invalid UTF-8" "$work/err"
printf 'Agreement\r\r1. Latvia will provide\rEUR 3 million\rin 2024 and 2025.\r' >"$work/cr.txt"
check "extract from a file of CR lines" run 0 extract "$work/cr.txt" --lang en --format text
check "places each expression on its line" \
  bash -c "grep -qE '^ +4  money ' '$work/out' && grep -qE '^ +5  years ' '$work/out'"
check "unknown language exit 2" run 2 parse "$lv" --lang fr
check "unknown format exit 2" run 2 parse "$lv" --format pdf
printf 'a short note in lower case\nwith no structure\n' >"$work/plain.txt"
check "unstructured exit 0" run 0 parse "$work/plain.txt"
check "unstructured warns" grep -q "warning: .*no headings" "$work/err"

check "align" run 0 align "$lv" "$en"
check "align reports the split paragraph" grep -q "sec_2__hcontainer_4: lv para_8 + para_9 (line 215)" "$work/out"

# --- extract ---------------------------------------------------------------------------------
check "extract en" run 0 extract "$en"
check "extract en finds the 0.25% of GDP" \
  grep -q '"kind":"percent".*"text":"0.25% of the gross domestic product".*"value":{"of":"GDP","value":0.25}' \
  "$work/out"
check "extract lv finds approximately EUR 112 million" run 0 extract "$lv"
check "extract lv money value" \
  grep -q '"value":{"amount":112000000,"approx":true,"currency":"EUR"}' "$work/out"
# Every reported span, cut from the file's bytes, is the surface (line breaks read as spaces).
offsets_match() {  # offsets_match FILE JSONL
  python3 - "$1" "$2" <<'PY'
import json, re, sys
source = open(sys.argv[1], 'rb').read()
for row in map(json.loads, open(sys.argv[2], encoding='utf-8')):
    cut = source[row['start']:row['end']].decode('utf-8')
    if re.sub(r'\s+', ' ', cut) != row['text']:
        sys.exit(f"{row['text']!r} != bytes {row['start']}..{row['end']} {cut!r}")
PY
}
check "extract lv offsets point at the words" offsets_match "$lv" "$work/out"
check "extract en text table" run 0 extract "$en" --format text
check "extract text table counts" grep -q "^36 expressions$" "$work/out"
check "extract text says a duration in words" grep -qE "duration +10 years +ten-year duration" "$work/out"
check "and a recurrence" grep -qE "recurrence +every year +annual " "$work/out"
check "and a bound first" grep -qE "duration +no later than 6 months +no later than 6" "$work/out"
printf 'Agreement\n\n1. The Participants will meet weekly and report within two weeks.\n' >"$work/weeks.txt"
check "extract a text of weeks" run 0 extract "$work/weeks.txt" --lang en --format text
check "says weeks as weeks" \
  bash -c "grep -qE 'recurrence +every week +weekly' '$work/out' && grep -qE 'duration +within 2 weeks ' '$work/out'"
check "and no ISO 8601 code" bash -c "! grep -q ' P1Y\| P10Y' '$work/out'"
check "extract missing file exit 2" run 2 extract "$work/none.txt"
check "extract missing file message" grep -q "treaty extract: .*none.txt: no such file" "$work/err"
check "extract invalid utf-8 exit 2" run 2 extract "$work/bad.txt"
check "extract invalid utf-8 names the offset" grep -q "bad.txt:2: invalid UTF-8 at byte offset 14" "$work/err"
check "extract bad format exit 2" run 2 extract "$en" --format xml
python3 -c 'print("Reference " + "7" * 500 + " is no amount.")' >"$work/digits.txt"
check "extract a 500-digit run" run 0 extract "$work/digits.txt" --lang en
check "a 500-digit run is no expression" test ! -s "$work/out"
python3 -c 'print("The years " + ", ".join(str(1900 + i % 200) for i in range(10000)) + " and 2024.")' \
  >"$work/list.txt"
check "extract a list of 10,000 numbers" run 0 extract "$work/list.txt" --lang en
python3 -c 'print("Amounts " + ",".join(str(i) for i in range(10000)) + " EUR.")' >"$work/commas.txt"
check "extract 10,000 comma-joined numbers" run 0 extract "$work/commas.txt" --lang en
printf '1. Termiņi\nSanāksme notiks 2024. gada 30. februārī, un vēl 31 April 2024.\n' >"$work/bad-date.txt"
check "extract impossible date exit 0" run 0 extract "$work/bad-date.txt" --lang lv
check "impossible date is a warning with its line" \
  grep -q 'bad-date.txt:2: not a date: "2024. gada 30. februārī" (February 2024 has 29 days)' "$work/err"
check "impossible date is not reported" test ! -s "$work/out"
for f in "$root"/tests/data/corpus/*.txt; do
  check "extract corpus $(basename "$f")" run 0 extract "$f"
done

db="$work/db/treaty.sqlite"
mkdir -p "$work/db"
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
mkdir -p "$work/swapped"
cp "$root"/data/agreements/lv-ua-2024/*.txt "$work/swapped/"
sed -e 's/"file": "en.txt"/"file": "EN"/' -e 's/"file": "lv.txt"/"file": "en.txt"/' \
  -e 's/"file": "EN"/"file": "lv.txt"/' "$root/data/agreements/lv-ua-2024/agreement.json" \
  >"$work/swapped/agreement.json"
check "load with the texts' languages swapped exit 2" run 2 load "$work/swapped" --db "$work/swapped.sqlite"
check "names the entry and what its text reads as" \
  grep -q 'swapped/agreement.json:[0-9]*: field texts\[0\].language: "en", but .*/swapped/lv.txt reads as lv' "$work/err"
check "and writes nothing" test ! -e "$work/swapped.sqlite"
cp -r "$root/data/agreements/lv-ua-2024" "$work/resigned"
sed -i 's/"date": "2024-04-11", "place"/"date": "2024-04-12", "place"/' "$work/resigned/agreement.json"
check "load a package whose day of signature is not the text's exit 2" \
  run 2 load "$work/resigned" --db "$work/resigned.sqlite"
signed_line=$(grep -n '"signed"' "$work/resigned/agreement.json" | cut -d: -f1)
check "names the field, its line and what the text says" \
  has "resigned/agreement.json:$signed_line: field signed.date: 2024-04-12, but the text says 2024-04-11 (sec_6__para_9: \"Signed in duplicate in Vilnius on 11 April 2024" \
  "$work/err"
check "and writes nothing of it" test ! -e "$work/resigned.sqlite"
mkdir -p "$work/elsewhere"
cp -r "$root/data/agreements/lv-ua-2024" "$work/elsewhere/"
check "a copy away from its reference series loads: load reads no more of the rules" \
  run 0 load "$work/elsewhere/lv-ua-2024" --db "$work/elsewhere.sqlite"
check "load bad package exit 2" run 2 load "$work" --db "$db"
check "overview still works after a failed load" run 0 overview --db "$db"

package="$root/data/agreements/lv-ua-2024"
check "commitments" run 0 commitments --package "$package"
check "commitments text names the 112 million" grep -q "money \"approximately 112 million EUR\"" "$work/out"
check "a condition's kind in words" grep -q '^  condition: government approval "approval from the Government"' "$work/out"
check "and no condition code" bash -c "! grep -q '^  condition: [a-z]*_' '$work/out'"
check "procedures by their strength" run 0 commitments --package "$package" --strength none --format csv
check "are the final provisions' four" test "$(grep -c '^sec_6__' "$work/out")" -eq 4
check "commitments jsonl" run 0 commitments --package "$package" --format jsonl --area 4
check "jsonl of section 4 is the consultation and the support" \
  test "$(grep -c '"id":"sec_4__' "$work/out")" -eq 3
check "consultation within 24 hours" grep -q '"value":{"bound":"within","value":"PT24H"}' "$work/out"
check "commitments csv" run 0 commitments --package "$package" --format csv --obligor UA --strength commits
check "csv has a header and UA's firm commitments" \
  grep -q "sec_2__hcontainer_4__para_3__sent_1" "$work/out"
check "csv lists no Latvian-only obligor" bash -c "! cut -d, -f4 '$work/out' | grep -qx LV"
check "commitments of section 6" run 0 commitments --package "$package" --area 6 --lang en
check "a denied action reads with its \"not\"" \
  grep -q "action: not affect the implementation of ongoing activities" "$work/out"
check "commitments csv of section 6" run 0 commitments --package "$package" --area 6 --format csv
check "csv says the action is negated" \
  grep -q ",affect,the implementation of ongoing activities or projects,true," "$work/out"
check "commitments jsonl of section 6" run 0 commitments --package "$package" --area 6 --format jsonl
check "jsonl says the action is negated" grep -q '"lemma":"affect","negated":true' "$work/out"
check "lv quotes cite their sentence's line" \
  run 0 commitments --package "$package" --lang lv --area sec_2__hcontainer_1
check "the 112 million begins on line 111" grep -q "^  lv (line 111): 2024. gadā Latvija" "$work/out"
check "commitments --category reconstruction" run 0 commitments --package "$package" --category reconstruction --lang lv
check "lv quote of the 15 million" grep -q "iezīmē 15 miljonus eiro" "$work/out"
check "no en quote with --lang lv" bash -c "! grep -q '^  en (line' '$work/out'"
check "commitments --diff-review on the bundled agreement" run 0 commitments --package "$package" --diff-review
check "diff-review: nothing unreviewed, nothing stale" \
  grep -q "0 unreviewed; 0 no longer matching" "$work/out"
check "diff-review shows a correction" \
  grep -q 'sec_1__para_6__sent_1  obligors: \["UA"\] → \["LV"\]' "$work/out"
check "commitments --proposed" run 0 commitments --package "$package" --proposed --format jsonl
check "proposed keeps the unsplit CAP sentence" grep -q '"id":"sec_2__hcontainer_1__para_5__sent_2"' "$work/out"
grep -v "sec_6__para_7__sent_1" "$package/commitments.review.jsonl" >"$work/partial.jsonl"
echo '{"id": "sec_9__para_1__sent_1", "decision": "accept"}' >>"$work/partial.jsonl"
check "diff-review of a partial review exits 1" run 1 commitments --package "$package" --diff-review --review "$work/partial.jsonl"
check "diff-review lists the unreviewed termination" grep -q "^  sec_6__para_7__sent_1  procedure may" "$work/out"
check "diff-review lists the unknown id with its line" \
  grep -q "partial.jsonl:$(wc -l <"$work/partial.jsonl")  sec_9__para_1__sent_1  no sentence has this id" "$work/out"
check "listing with a stale review exits 2" run 2 commitments --package "$package" --review "$work/partial.jsonl"
check "stale review is named by line" \
  grep -q "partial.jsonl:$(wc -l <"$work/partial.jsonl"): sec_9__para_1__sent_1: no sentence has this id" "$work/err"
check "a review file that is not there exit 2" run 2 commitments --package "$package" --review "$work/nosuch.jsonl"
check "says so" has "$work/nosuch.jsonl: no such review file" "$work/err"
check "a folder is not a review file" run 2 commitments --package "$package" --review "$work"
check "the folder is named" grep -q "is a folder, not a review file" "$work/err"
printf '{"id": "sec_2__para_6__sent_1", "decision": "accept"}\n{"id": "sec_2__para_6__sent_1", "decision": "correct", "field": "strength", "from": "will", "to": "firmly"}\n' >"$work/bad-review.jsonl"
check "bad review exits 2" run 2 commitments --package "$package" --review "$work/bad-review.jsonl"
check "bad review names file, line and field" \
  grep -q "bad-review.jsonl:2: to must be one of commits, will" "$work/err"
check "bad review prints nothing" test ! -s "$work/out"
check "commitments --agreement ID from the project folder" \
  bash -c "cd '$root' && '$treaty' commitments --agreement lv-ua-2024 --format jsonl | grep -q sec_6__para_7__sent_1"
check "commitments of the bundled agreement from any folder" \
  bash -c "cd '$work' && '$treaty' commitments --area 6 --format jsonl | grep -q sec_6__para_7__sent_1"
check "load of the bundled agreement from any folder" \
  bash -c "cd '$work' && '$treaty' load --db '$work/anywhere.sqlite' >/dev/null"
check "load into the default database makes its folder" \
  bash -c "mkdir -p '$work/fresh' && cd '$work/fresh' && '$treaty' load >/dev/null && test -s var/treaty.sqlite"
check "load into the default database spelled another way makes its folder too" \
  bash -c "mkdir -p '$work/dotted' && cd '$work/dotted' && '$treaty' load --db ./var/treaty.sqlite >/dev/null && test -s var/treaty.sqlite"
check "load into the default database given makes its folder too" \
  bash -c "mkdir -p '$work/given' && cd '$work/given' && '$treaty' load --db var/treaty.sqlite >/dev/null && test -s var/treaty.sqlite"
check "load into a folder that does not exist exit 2" run 2 load --db "$work/typo/dir/t.sqlite"
check "says the folder does not exist" has "folder $work/typo/dir does not exist" "$work/err"
check "makes no folder" test ! -e "$work/typo"
check "verify-proof with the bundled keys from any folder" \
  bash -c "cd '$work' && '$treaty' verify-proof '$work/nothing.json' 2>&1 | grep -q 'nothing.json: file: no such file'"
check "an area that names nothing exit 2" run 2 commitments --package "$package" --area 99
check "says so" has '--area: "99" is no section number, eId or heading words of lv-ua-2024' "$work/err"
check "commitments of a missing package exit 2" run 2 commitments --package "$work/nowhere"
check "the bundled agreement's texts all have commitment cues" run 0 commitments --package "$package"
check "so nothing is said of cues" test ! -s "$work/err"

# Another agreement: who promises comes from its own parties.
mkdir -p "$work/be-ua"
cp "$root/tests/data/corpus/belgium-ukraine-2024-05-28.en.txt" "$work/be-ua/en.txt"
cat >"$work/be-ua/agreement.json" <<'JSON'
{"id": "be-ua-2024", "title": "Agreement on Security Cooperation and Long-Term Support",
 "parties": [{"code": "BE", "name": "Kingdom of Belgium"}, {"code": "UA", "name": "Ukraine"}],
 "signed": {"date": "2024-05-28", "place": "Brussels"}, "entry_into_force": {"rule": "on signature"},
 "authentic_languages": ["en", "uk"], "prevailing_language": "en",
 "texts": [{"language": "en", "file": "en.txt", "layout": "paragraph-per-line", "source": "corpus"}]}
JSON
check "commitments of Belgium's agreement" run 0 commitments --package "$work/be-ua" --obligor BE --format csv
check "Belgium allocates the 977 million" grep -q "Belgium will allocate at least 977 million EUR" "$work/out"

# A text in a language without commitment cues is quoted but not classified, and is said to be.
mkdir -p "$work/it-ua"
cp "$root/tests/data/corpus/italy-ukraine-2024-02-24.uk.txt" "$work/it-ua/uk.txt"
cp "$root/tests/data/corpus/italy-ukraine-2024-02-24.en.txt" "$work/it-ua/en.txt"
it_ua_package() {  # it_ua_package PREVAILING_LANGUAGE: writes $work/it-ua/agreement.json
  cat >"$work/it-ua/agreement.json" <<JSON
{"id": "it-ua-2024", "title": "Agreement on Security Cooperation between Italy and Ukraine",
 "parties": [{"code": "IT", "name": "Italian Republic", "short_names": {"en": ["Italy"]}},
             {"code": "UA", "name": "Ukraine"}],
 "signed": {"date": "2024-02-24", "place": "Kyiv"}, "entry_into_force": {"rule": "on signature"},
 "authentic_languages": ["en", "uk"], "prevailing_language": "$1",
 "texts": [{"language": "en", "file": "en.txt", "layout": "paragraph-per-line", "source": "corpus"},
           {"language": "uk", "file": "uk.txt", "layout": "paragraph-per-line", "source": "corpus"}]}
JSON
}
it_ua_package en
check "commitments with a Ukrainian text" run 0 commitments --package "$work/it-ua" --format jsonl
check "says the Ukrainian text is not classified" \
  has "treaty commitments: uk has no commitment cues: its sentences are quoted but not classified" "$work/err"
check "an English prevailing text is classified" bash -c "! grep -q 'prevailing' '$work/err'"
it_ua_package uk
check "commitments of a prevailing Ukrainian text" run 0 commitments --package "$work/it-ua"
check "says every record is context" \
  has "quoted but not classified, and as it is the prevailing text every record is context" "$work/err"
check "and says so in the listing" \
  has "(not classified: the prevailing text's language, uk, has no commitment cues" "$work/out"

# The words of targets and conditions are those of the prevailing text, whichever it is.
cp -r "$package" "$work/lv-prevails"
rm "$work/lv-prevails/commitments.review.jsonl" "$work/lv-prevails/rules.json"
sed -i 's/"prevailing_language": "en"/"prevailing_language": "lv"/' "$work/lv-prevails/agreement.json"
check "commitments of a prevailing Latvian text" run 0 commitments --package "$work/lv-prevails"
check "targets in Latvian" has '  target: years "2024., 2025. un 2026. gadā"' "$work/out"
check "commitments csv of a prevailing Latvian text" \
  run 0 commitments --package "$work/lv-prevails" --format csv
check "csv targets in Latvian" has ",year 2024. gadā; money aptuveni 112 miljonu eiro," "$work/out"
check "commitments of the English text" run 0 commitments --package "$package" --format csv
check "csv targets in English" has ",year 2024; money approximately 112 million EUR," "$work/out"

# --- user and token ----------------------------------------------------------------------------
accounts="$work/accounts.sqlite"
echo 'a long password' >"$work/password"
stdin="$work/password" check "user add" run 0 user add rita --role reader --db "$accounts"
stdin="$work/password" check "user add a recorder" run 0 user add lauris --role recorder \
  --institution lv-mod --db "$accounts"
check "user add with nothing on stdin exit 2" run 2 user add jana --role reader --db "$accounts"
check "says the password is missing, not short" has "password: nothing on stdin" "$work/err"
check "and adds no one" bash -c "! '$treaty' user list --db '$accounts' | grep -q jana"
# At a terminal (script(1) gives one): asked for twice, never shown. The pauses let the prompt
# turn the echo off before the line is typed.
typed() {  # typed FIRST SECOND NAME: user add NAME at a terminal, typing FIRST and SECOND
  (sleep 1; printf '%s\n' "$1"; sleep 0.5; printf '%s\n' "$2") |
    script -qec "'$treaty' user add $3 --role reader --db '$accounts'" "$work/typed" >/dev/null
}
check "user add at a terminal" typed 'a typed password' 'a typed password' yana
check "asks for the password" has "Password for yana (at least 10 characters): " "$work/typed"
check "adds the user" has "added yana (reader)" "$work/typed"
check "and never shows the password" bash -c "! grep -q 'a typed password' '$work/typed'"
interrupted() {  # user add at a terminal, interrupted at its prompt; then the terminal's echo
  script -qec "timeout --foreground -s INT 1 '$treaty' user add kim --role reader --db '$accounts';
    echo terminal: \$(stty -a | grep -o -- '-\?echo ' | head -1)" "$work/typed" >/dev/null </dev/null
}
check "user add interrupted at its prompt" interrupted
check "gives the terminal its echo back" has "terminal: echo" "$work/typed"
typed_refused() { ! typed "$@"; }
check "two passwords that differ are refused" typed_refused 'a typed password' 'another password' zoe
check "add no user" has "the two passwords differ; nothing was changed" "$work/typed"
check "token create" run 0 token create rita --label laptop --expires-in 30 --db "$accounts"
check "token create prints the token alone" grep -qx 'trt_[0-9a-f]\{64\}' "$work/out"
token_id=$(cut -c1-12 "$work/err")
created=$(sed -E 's/.* created ([^ ]+) .*/\1/' "$work/err")
expires=$(date -u -d "@$(($(date -u -d "$created" +%s) + 30 * 86400))" +%Y-%m-%dT%H:%M:%SZ)
check "token create tells its id and expiry" \
  grep -qE "^[0-9a-f]{12}  valid +rita +created $created  expires $expires +laptop$" "$work/err"
check "token create never expires" run 0 token create rita --label robot --expires-in never --db "$accounts"
check "a token that never expires says so" grep -q "expires - .* robot$" "$work/err"
check "token list" run 0 token list rita --db "$accounts"
check "token list shows both" test "$(grep -c valid "$work/out")" -eq 2
check "token revoke" run 0 token revoke "$token_id" --db "$accounts"
check "token revoke names it" grep -q "^$token_id  revoked .*laptop$" "$work/out"
check "token list after revoke" run 0 token list --db "$accounts"
check "token list shows it revoked" grep -q "^$token_id  revoked" "$work/out"
check "token revoke of no token exit 2" run 2 token revoke 000000000000 --db "$accounts"
check "token revoke of no token message" grep -q "no token has the id 000000000000" "$work/err"
check "token revoke of a malformed id exit 2" run 2 token revoke "${token_id:0:6}" --db "$accounts"
check "token revoke of a malformed id message" grep -q "id: a token id is 12 hex digits" "$work/err"
for days in 0 3651 ten -1; do
  check "token create --expires-in $days exit 2" run 2 token create rita --expires-in "$days" --db "$accounts"
  check "token create --expires-in $days message" grep -q -- "--expires-in: a number of days from 1 to 3650, or never" "$work/err"
done
check "token list of no user exit 2" run 2 token list nobody --db "$accounts"
check "token list of no user message" grep -q 'no user "nobody"' "$work/err"
check "token list of no file exit 2" run 2 token list --db "$work/typo.sqlite"
check "token list of no file message" grep -q "typo.sqlite: no such accounts file" "$work/err"
check "token list of no file makes none" test ! -e "$work/typo.sqlite"
check "token create in no file exit 2" run 2 token create rita --db "$work/typo.sqlite"
check "token create in no file message" grep -q "typo.sqlite: no such accounts file (treaty user add makes it" "$work/err"
check "token create in no file makes none" test ! -e "$work/typo.sqlite"
check "token list after refusals" run 0 token list --db "$accounts"
check "refused tokens were not created" test "$(wc -l <"$work/out")" -eq 2
check "lock out a user who left" run 0 user lock rita --db "$accounts"
check "says what the lock does" has "locked out rita: no password signs in, sessions ended, tokens revoked" "$work/out"
check "a reader becomes a recorder" run 0 user role yana --role recorder --institution ua-mod \
  --db "$accounts"
check "says the new role" has "role of yana (recorder, ua-mod), from their next request" "$work/out"
check "a role for an institution not in the keys file exit 2" run 2 user role yana --role recorder \
  --institution lv-mfa-x --db "$accounts"
check "names the institution" has 'treaty user role: --institution: "lv-mfa-x" is not in the keys file' "$work/err"
check "a recorder without an institution exit 2" run 2 user role yana --role recorder --db "$accounts"
check "says a recorder needs one" has "treaty user role: institution: a recorder records for an institution" "$work/err"
check "a role for no user exit 2" run 2 user role nobody --role reader --db "$accounts"
check "names the user" has 'treaty user role: name: no user "nobody"' "$work/err"
check "user list" run 0 user list --db "$accounts"
check "shows the new role" grep -qE "^yana +recorder +ua-mod +active$" "$work/out"
check "shows the locked user as locked" grep -qE "^rita +reader +- +locked$" "$work/out"
check "and a recorder with their institution" grep -qE " +recorder +lv-mod +active$" "$work/out"
check "their tokens are revoked" run 0 token list rita --db "$accounts"
check "every one of them" bash -c "! grep -v ' revoked ' '$work/out' | grep -q rita"
echo 'a fresh long password' >"$work/new-password"
stdin="$work/new-password" check "a new password lets them in again" run 0 user password rita --db "$accounts"
check "says their sessions ended" has "new password for rita; their sessions ended" "$work/out"
check "user list after a new password" run 0 user list --db "$accounts"
check "shows them active again" grep -qE "^rita +reader +- +active$" "$work/out"
check "user list of no file exit 2" run 2 user list --db "$work/typo.sqlite"
check "user list of no file message" has "typo.sqlite: no such accounts file" "$work/err"
check "locking no user exit 2" run 2 user lock nobody --db "$accounts"
check "names the user" has 'treaty user lock: name: no user "nobody"' "$work/err"
check "locking in no file exit 2" run 2 user lock rita --db "$work/typo.sqlite"
check "makes no file" test ! -e "$work/typo.sqlite"

# ---- mistakes in the command line are named ----
check "a token of an empty label exit 2" run 2 token create rita --label "" --db "$accounts"
check "names the label" has "label: a text of 1 to 100 characters, without control characters" "$work/err"
check "an unknown subcommand exit 2" run 2 bogus
check "is named" has 'treaty: unknown subcommand "bogus"' "$work/err"
check "commitments of no party exit 2" run 2 commitments --package "$root/data/agreements/lv-ua-2024" --obligor XX
check "names the parties" has '--obligor: "XX" is not a party of lv-ua-2024 (LV, UA, or both)' "$work/err"
check "commitments in a language without a text exit 2" run 2 commitments --package "$root/data/agreements/lv-ua-2024" --lang uk
check "names those it has" has "--lang: lv-ua-2024 has no text in uk (it has en, lv)" "$work/err"
# Every error line starts with the command's words, the option parser's as the commands' own.
check "a value outside a flag's choices exit 2" run 2 status --format yaml
check "is said after the command's words, with where its options are" bash -c \
  "[ \"\$(cat '$work/err')\" = 'treaty status: --format: yaml not in {text,json} (treaty status --help)' ]"
check "a flag the command does not have exit 2" run 2 status --bogus
check "names it as typed" \
  has "treaty status: --bogus: no such option, or an argument too many (treaty status --help)" "$work/err"
check "arguments too many exit 2" run 2 status "two words" x
check "are named in the order typed, one with a space in quotes" \
  has 'treaty status: "two words" x: no such option, or an argument too many' "$work/err"
check "a missing argument of a subcommand's subcommand exit 2" run 2 user add
check "names both" has "treaty user add: NAME is required (treaty user add --help)" "$work/err"
check "an unknown subcommand of a subcommand exit 2" run 2 token renew
check "names it and those there are" \
  has 'treaty token: no subcommand "renew"; give one of its subcommands: create, list, revoke' "$work/err"
check "a bad event type exit 2" run 2 events --type zz --db "$work/nothing-here.sqlite"
check "is named after the command" has 'treaty events: --type: not an event type: "zz"' "$work/err"

# ---- commands that read leave other databases as they were ----
sqlite3 "$work/other-program.sqlite" "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('kept')"
before=$(sha256sum <"$work/other-program.sqlite")
check "search of another program's file exit 2" run 2 search drones --db "$work/other-program.sqlite"
check "says it holds no index" has "other-program.sqlite: holds no search index (treaty load builds it)" "$work/err"
check "overview of another program's file exit 2" run 2 overview --db "$work/other-program.sqlite"
check "says it holds no agreement" has "holds no loaded agreement (treaty load makes it)" "$work/err"
check "and the file is as it was" [ "$(sha256sum <"$work/other-program.sqlite")" = "$before" ]
echo "notes" >"$work/notes.txt"
check "overview of a text file exit 2" run 2 overview --db "$work/notes.txt"
check "says it is no database" has "notes.txt: not an SQLite database: give the path of the database file" "$work/err"
check "load into a text file exit 2" run 2 load "$root/data/agreements/lv-ua-2024" --db "$work/notes.txt"
check "says so too, and leaves it as it was" bash -c "grep -q 'not an SQLite database' '$work/err' && [ \"\$(cat '$work/notes.txt')\" = notes ]"
check "overview of a missing database exit 2" run 2 overview --db "$work/no-such.sqlite"
check "makes none" [ ! -e "$work/no-such.sqlite" ]
(cd "$work" && "$treaty" load "$root/data/agreements/lv-ua-2024" --db postgresql://127.0.0.1:1/x \
  >/dev/null 2>"$work/err")
check "load to a PostgreSQL URL exit 2" [ $? -eq 2 ]
check "says the texts are kept in an SQLite file" has "kept in an SQLite file; give its path" "$work/err"
check "and makes no folder of the URL" [ ! -e "$work/postgresql:" ]
check "serve of a missing database exit 2" run 2 serve --db "$work/typo.sqlite" --listen 127.0.0.1:0
check "names it" has "typo.sqlite: no such database" "$work/err"
check "and makes none" [ ! -e "$work/typo.sqlite" ]
check "serve behind a proxy named by its host name exit 2" run 2 serve --db "$work/typo.sqlite" \
  --trusted-proxy localhost --listen 127.0.0.1:0
check "says a proxy is named by its address" has '--trusted-proxy: not an IP address or CIDR range: "localhost"' "$work/err"
check "serve behind a range of no prefix length exit 2" run 2 serve --db "$work/typo.sqlite" \
  --trusted-proxy 10.0.0.0/33 --listen 127.0.0.1:0
check "names the range" has '--trusted-proxy: not an IP address or CIDR range: "10.0.0.0/33"' "$work/err"
check "serve on a port out of range exit 2" run 2 serve --db "$work/typo.sqlite" --listen 127.0.0.1:99999
check "names the port and the help" \
  has 'treaty serve: --listen: the port is 0 to 65535, not "99999" (treaty serve --help)' "$work/err"
check "serve behind a host name with a prefix length exit 2" run 2 serve --db "$work/typo.sqlite" \
  --trusted-proxy localhost/0 --listen 127.0.0.1:0
check "is no range of every address" has '--trusted-proxy: not an IP address or CIDR range: "localhost/0"' "$work/err"
check "serve behind a range of every address exit 2" run 2 serve --db "$work/typo.sqlite" \
  --trusted-proxy 0.0.0.0/0 --listen 127.0.0.1:0
check "says every client would be believed" has '--trusted-proxy: a range of every address, in which every client would be believed: "0.0.0.0/0"' "$work/err"
# A port in use is refused before anything is written: the accounts' tables are not made.
"$treaty" load "$root/data/agreements/lv-ua-2024" --db "$work/busy.sqlite" >/dev/null
cp "$work/busy.sqlite" "$work/second.sqlite"
serve "$work/first" --db "$work/busy.sqlite"
port=${base##*:}
before=$(sha256sum <"$work/second.sqlite")
check "serve on a port in use exit 2" run 2 serve --db "$work/second.sqlite" --listen "127.0.0.1:$port"
check "says it cannot listen" has "cannot listen" "$work/err"
check "and leaves the database as it was" [ "$(sha256sum <"$work/second.sqlite")" = "$before" ]
stop_server
check "serve of a package of another agreement exit 2" run 2 serve --db "$work/typo.sqlite" \
  --agreement it-ua-2024 --package "$root/data/agreements/lv-ua-2024" --listen 127.0.0.1:0
check "names both" has '--agreement: "it-ua-2024", but the package' "$work/err"

finish
