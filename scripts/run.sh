#!/usr/bin/env bash
# Quick start: installs what treaty needs, builds it, loads the bundled Latvia–Ukraine agreement
# and its demo ledger into an embedded SQLite database (var/treaty.sqlite), prints its overview and
# serves its pages and API on 127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
./build/treaty load data/agreements/lv-ua-2024 --db var/treaty.sqlite
./build/treaty overview --db var/treaty.sqlite
# The demo ledger (re-running skips what is recorded), then the server until Ctrl-C.
./build/treaty import data/agreements/lv-ua-2024/ledger/reported-support.csv --profile reported-support \
  --db var/treaty.sqlite --user demo
exec ./build/treaty serve --db var/treaty.sqlite --listen 127.0.0.1:8080
