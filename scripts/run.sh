#!/usr/bin/env bash
# Quick start: installs what treaty needs, builds it, loads the bundled Latvia–Ukraine agreement
# into an embedded SQLite database (var/treaty.sqlite) and prints its overview.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
./build/treaty load data/agreements/lv-ua-2024 --db var/treaty.sqlite
./build/treaty overview --db var/treaty.sqlite
