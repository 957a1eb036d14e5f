#!/usr/bin/env bash
# Installs what treaty needs, builds it with warnings as errors, and runs every test: GoogleTest
# units, the data-driven cases under tests/cases and the command-line checks under tests/cli.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure --timeout 1200
