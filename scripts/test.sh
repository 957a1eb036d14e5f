#!/usr/bin/env bash
# Installs what treaty needs, builds it with warnings as errors, and runs every test: GoogleTest
# units, the data-driven cases under tests/cases and the command-line checks under tests/cli.
# The PostgreSQL store's tests run against a throwaway PostgreSQL 15 server
# (scripts/start-postgres.sh: 127.0.0.1, a free port, an unprivileged user when run as root) whose
# URL they get in TREATY_TEST_POSTGRES_URL; the server is stopped and its folder removed on every
# exit, failed or interrupted runs included.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh

# start-postgres.sh cleans up after itself when it fails; once it has printed its exports, the
# EXIT trap reads the folder from them, so no moment is left where a started server is unknown.
exports=""
stop_postgres() {
  local dir
  dir=$(eval "$exports" && printf '%s' "${TREATY_POSTGRES_DIR:-}")
  if [ -n "$dir" ]; then scripts/stop-postgres.sh "$dir"; fi
}
trap stop_postgres EXIT
trap 'exit 130' INT TERM HUP
exports=$(scripts/start-postgres.sh)
eval "$exports"

# The browser tests drive Debian's chromium with playwright-core from npm.
if [ ! -d tests/browser/node_modules/playwright-core ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --silent)
fi

ctest --test-dir build --output-on-failure --timeout 1200
