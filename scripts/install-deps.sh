#!/usr/bin/env bash
# Installs the Debian 12 packages treaty builds, runs and tests with. Idempotent: packages already
# present are left alone and apt is not touched at all when nothing is missing.
# postgresql-15 gives the server binaries (/usr/lib/postgresql/15/bin) for the throwaway cluster of
# scripts/start-postgres.sh; libpqxx-dev (with libpq-dev) is the client library of the PostgreSQL
# ledger store. python3-jsonschema checks the API's answers against web/openapi.json (tests/cli/api.sh).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config clang-format
  libicu-dev libsqlite3-dev nlohmann-json3-dev libcli11-dev libfmt-dev libpugixml-dev
  libhunspell-dev hunspell-lv hunspell-en-us hunspell-uk
  libgtest-dev libgmock-dev libbenchmark-dev libxml2-dev libxml2-utils libsodium-dev libssl-dev
  postgresql-15 libpqxx-dev jq
  libboost-dev libctemplate-dev chromium wrk nodejs
  libxlsxwriter-dev zlib1g-dev unzip libabsl-dev libstemmer-dev python3-jsonschema
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
