# What the PostgreSQL check scripts share. Sourced as `source tests/postgres_lib.sh`: sets $server
# to TREATY_TEST_POSTGRES_URL, or exits 77 (skipped) without it, and defines sql (one statement,
# quietly, its rows unaligned) and in_schema (the URL whose connections use one schema).

server=${TREATY_TEST_POSTGRES_URL:-}
if [ -z "$server" ]; then
  echo "TREATY_TEST_POSTGRES_URL is not set: skipped (scripts/test.sh starts a server)"
  exit 77
fi
sql() { PGOPTIONS=--client-min-messages=warning psql "$server" -qAtX -v ON_ERROR_STOP=1 -c "$1"; }
in_schema() { echo "$server?options=-csearch_path%3D$1"; }
