#!/usr/bin/env bash
# End-to-end checks of `treaty search` as a user runs it: load the bundled agreement into a fresh
# database, then search it. Usage: tests/cli/search.sh PATH_TO_TREATY. Prints "N passed, M failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh" "$1"

no_line() {  # no_line PATTERN FILE: no line of FILE matches PATTERN
  ! grep -q "$1" "$2"
}

db="$work/treaty.sqlite"
check "load" run 0 load "$root/data/agreements/lv-ua-2024" --db "$db"
records=$("$treaty" commitments --package "$root/data/agreements/lv-ua-2024" --format jsonl | wc -l)
check "load counts the commitments and procedures once, not once per language" \
  grep -q "search entries, [1-9][0-9]* of them for the quotes of $records commitments and procedures)" "$work/out"

# Hunspell's lemma joins "miljonus" (accusative) and "miljonu" (genitive).
check "a language the index has no text in exit 2" run 2 search drones --lang uk --db "$db"
check "names the languages it has" has "--lang: $db has no text in uk (it has en, lv)" "$work/err"
check "and of the agreement named" run 2 search drones --lang uk --agreement lv-ua-2024 --db "$db"
check "names the agreement" has "--lang: lv-ua-2024 has no text in uk (it has en, lv)" "$work/err"
check "search termination" run 0 search termination --lang en --db "$db" --limit 50
check "finds the termination clause" grep -q "provision sec_6__para_7 (en)$" "$work/out"
check "and not Ukraine's determination" no_line "sec_3__hcontainer_19__para_5" "$work/out"
check "search miljonus" run 0 search miljonus --db "$db"
check "miljonus finds the lv provision" grep -q "^[0-9]*\. lv-ua-2024 provision sec_2__hcontainer_1__para_2 (lv)$" "$work/out"
check "miljonu is highlighted" grep -q "112 \[miljonu\] eiro" "$work/out"
check "miljonus itself is highlighted" grep -q "15 \[miljonus\] eiro" "$work/out"
check "the heading path is shown" grep -q "^   2\. Militārā atbalsta un drošības sadarbības jomas › " "$work/out"

check "search --lang en" run 0 search million --lang en --db "$db"
check "--lang en finds English" grep -q "112 \[million\] EUR" "$work/out"
check "--lang en lists only English" no_line "^[0-9]*\. .*(lv)$" "$work/out"
check "search --lang lv" run 0 search NATO --lang lv --db "$db"
check "--lang lv lists only Latvian" no_line "^[0-9]*\. .*(en)$" "$work/out"
check "a Latvian word in English" run 0 search miljonus --lang en --db "$db"
check "finds nothing, and says so" grep -qx "no matches" "$work/out"

check "search commitments" run 0 search "consult within 24 hours" --kind commitment --db "$db"
check "a commitment is found with its provision" \
  grep -qx "1\. lv-ua-2024 commitment sec_4__para_1__sent_1 in sec_4__para_1 (en)" "$work/out"
check "the commitment's words are highlighted" grep -q "\[24\] \[hours\]" "$work/out"
check "search jsonl" run 0 search drones --kind commitment --format jsonl --db "$db"
check "jsonl commitment" grep -q '"kind":"commitment"' "$work/out"
check "jsonl only commitments" no_line '"kind":"provision"' "$work/out"

# Diacritics are folded: typed without them, a word still finds its forms.
check "search kopeja" run 0 search kopeja --db "$db"
check "kopeja finds kopējās" grep -q "Latvijas \[kopējās\] iemaksas" "$work/out"
check "search apnemas" run 0 search apnemas --lang lv --limit 100 --db "$db"
check "apnemas finds apņemas" grep -q "\[apņemas\]" "$work/out"
check "apnemas finds apņemšanās through the lemma" grep -q "\[apņemšanās\]" "$work/out"
check "search APŅEMAS" run 0 search APŅEMAS --lang lv --db "$db"
cp "$work/out" "$work/marked"
check "search apnemas again" run 0 search apnemas --lang lv --db "$db"
check "the same hits with and without diacritics" cmp -s "$work/out" "$work/marked"

# FTS5 syntax is text: an operator is one more word to find.
check "search with operators" run 0 search "million OR zzzzqqq" --lang en --db "$db"
check "OR is a word" grep -qx "no matches" "$work/out"

check "empty query exit 2" run 2 search "" --db "$db"
check "empty query message" grep -q "treaty search: the query has no words" "$work/err"
check "punctuation-only query exit 2" run 2 search '?! … "*" ()' --db "$db"
check "punctuation-only query message" grep -q "treaty search: the query has no words" "$work/err"
check "a query that is not UTF-8 exit 2" run 2 search "$(printf 'dr\xffones')" --db "$db"
check "says where" has "treaty search: QUERY: invalid UTF-8 at byte 3" "$work/err"
check "missing database exit 2" run 2 search miljonus --db "$work/none.sqlite"
check "missing database message" grep -q "none.sqlite: no such database (treaty load makes it)" "$work/err"
check "no database created" test ! -e "$work/none.sqlite"
check "unknown language exit 2" run 2 search miljonus --lang fr --db "$db"
check "unknown agreement exit 2" run 2 search miljonus --agreement xx-ua-2024 --db "$db"
check "unknown agreement message" grep -q 'agreement "xx-ua-2024" is not indexed' "$work/err"

finish
