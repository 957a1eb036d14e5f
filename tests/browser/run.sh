#!/usr/bin/env bash
# Runs the browser tests: installs playwright-core (npm) and Debian's chromium when missing,
# starts `treaty serve` on a fresh database with the demo ledger, a recorder and one restricted
# event, and drives Chromium through the pages. Screenshots go to SCREENSHOT_DIR.
# Usage: tests/browser/run.sh TREATY_BINARY SCREENSHOT_DIR
set -euo pipefail
treaty=$(realpath "$1")
shots=$(realpath -m "$2")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if [ ! -x /usr/bin/chromium ]; then
  sudo=""; if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends chromium
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm install --no-audit --no-fund --silent)
fi

work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
cd "$root"
db="$work/treaty.sqlite"
"$treaty" load data/agreements/lv-ua-2024 --db "$db" >/dev/null
"$treaty" import data/agreements/lv-ua-2024/ledger/reported-support.csv --profile reported-support \
  --db "$db" --user demo >/dev/null 2>&1
export TREATY_RESTRICTED_TEXT="Restricted delivery note $$"
"$treaty" record --db "$db" --user demo --type delivery --participant LV --date 2024-08-01 \
  --commitment sec_2__hcontainer_1__para_3__sent_2 --quantity 10 --unit vehicle --item "Armoured vehicle" \
  --description "$TREATY_RESTRICTED_TEXT" --classification restricted >/dev/null 2>&1
export TREATY_RECORDER_PASSWORD="recorder-password-$$"
echo "$TREATY_RECORDER_PASSWORD" | "$treaty" user add lauris --role recorder --institution lv-mod --db "$db" >/dev/null
export TREATY_REVIEWER_PASSWORD="reviewer-password-$$"
echo "$TREATY_REVIEWER_PASSWORD" | "$treaty" user add vera --role reviewer --db "$db" >/dev/null

"$treaty" serve --db "$db" --listen 127.0.0.1:0 --quiet >"$work/serve.out" 2>"$work/serve.err" &
server=$!
url=""
for _ in $(seq 100); do
  url=$(sed -n 's/^serving .* on \(http[^ ]*\)\/$/\1/p' "$work/serve.out")
  if [ -n "$url" ]; then break; fi
  sleep 0.1
done
if [ -z "$url" ]; then echo "the server did not start:"; cat "$work/serve.err"; exit 1; fi
node "$here/browser_test.mjs" "$url" "$shots"
