#!/usr/bin/env bash
# Configures and builds treaty into build/ (Release, warnings as errors). Usage: scripts/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DTREATY_WERROR=ON >/dev/null
cmake --build build -j2
