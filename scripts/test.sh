#!/usr/bin/env bash
# Installs what treaty needs, builds it with warnings as errors, and runs every test: GoogleTest
# units, the data-driven cases under tests/cases and the command-line checks under tests/cli.
# The PostgreSQL store's tests run against a throwaway server (scripts/start-postgres.sh) whose URL
# they get in TREATY_TEST_POSTGRES_URL; the server is stopped and its folder removed on every exit,
# failed or interrupted runs included.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh

postgres_dir=""
stop_postgres() {
  if [ -n "$postgres_dir" ]; then scripts/stop-postgres.sh "$postgres_dir"; fi
}
trap stop_postgres EXIT
trap 'exit 130' INT TERM HUP
exports=$(scripts/start-postgres.sh)
eval "$exports"
postgres_dir=$TREATY_POSTGRES_DIR

ctest --test-dir build --output-on-failure --timeout 1200
