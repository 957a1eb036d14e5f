#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster for tests and waits until it accepts connections.
# The cluster lives in a fresh folder (mktemp under ${TMPDIR:-/tmp}), listens only on 127.0.0.1 on
# a free port (no Unix socket), trusts the database user "treaty", and runs with fsync and
# synchronous_commit on, like a production server. On success it prints, for eval, two lines:
#   export TREATY_POSTGRES_DIR=/tmp/treaty-postgres.XXXXXX            (stop-postgres.sh removes it)
#   export TREATY_TEST_POSTGRES_URL=postgresql://treaty@127.0.0.1:PORT/treaty
# Usage: eval "$(scripts/start-postgres.sh)"; ...; scripts/stop-postgres.sh "$TREATY_POSTGRES_DIR"
# initdb refuses to run as root, so under root the server runs as the system user treaty-postgres
# (created when missing); otherwise it runs as the invoking user. On failure it prints the server
# log, leaves nothing running and removes the folder. Messages go to stderr, only the exports to
# stdout.
set -euo pipefail

script_dir=$(cd "$(dirname "$0")" && pwd)
bin=${TREATY_POSTGRES_BIN:-/usr/lib/postgresql/15/bin}
db_user=treaty
os_user=treaty-postgres

for tool in initdb pg_ctl pg_isready psql; do
  [ -x "$bin/$tool" ] || { echo "start-postgres: no $bin/$tool; run scripts/install-deps.sh" >&2; exit 2; }
done

as_root=false
if [ "$(id -u)" -eq 0 ]; then
  as_root=true
  if ! getent passwd "$os_user" >/dev/null; then
    # A concurrent run may create the user between the check and useradd; that is fine.
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin "$os_user" 2>/dev/null || getent passwd "$os_user" >/dev/null
  fi
fi

run() {  # run COMMAND...: runs as the server's user, its output into $dir/setup.log
  if $as_root; then
    runuser -u "$os_user" -- "$@" >>"$dir/setup.log" 2>&1
  else
    "$@" >>"$dir/setup.log" 2>&1
  fi
}

dir=$(mktemp -d "${TMPDIR:-/tmp}/treaty-postgres.XXXXXX")
touch "$dir/.treaty-postgres"  # marks the folder as ours for stop-postgres.sh
if $as_root; then chown "$os_user:" "$dir"; fi
cd "$dir"

ready=false
cleanup() {
  if ! $ready; then
    cat "$dir/setup.log" "$dir/log" >&2 2>/dev/null || true
    echo "start-postgres: failed (logs above); nothing is left running" >&2
    "$script_dir/stop-postgres.sh" "$dir" >&2 || true
  fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

run "$bin/initdb" --pgdata="$dir/data" --username="$db_user" --auth=trust --encoding=UTF8 \
  --locale=C.UTF-8 --no-instructions
cat >>"$dir/data/postgresql.conf" <<'CONF'

# treaty: a throwaway test cluster (scripts/start-postgres.sh)
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = on
synchronous_commit = on
max_connections = 100
CONF

port_in_use() {  # port_in_use PORT: true when something accepts connections on it
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

port=""
for _ in $(seq 1 20); do
  candidate=$((20000 + RANDOM % 40000))
  port_in_use "$candidate" && continue
  : >"$dir/log"
  if $as_root; then chown "$os_user:" "$dir/log"; fi
  if run "$bin/pg_ctl" start --pgdata="$dir/data" --log="$dir/log" --wait --timeout=60 \
    --options="-p $candidate"; then
    port=$candidate
    break
  fi
  # Another process took the port between the check and the bind: try another one.
  grep -q "could not bind\|could not create any TCP/IP sockets" "$dir/log" || exit 1
done
[ -n "$port" ] || { echo "start-postgres: found no free port" >&2; exit 1; }

for _ in $(seq 1 60); do
  run "$bin/pg_isready" --quiet --host=127.0.0.1 --port="$port" && break
  sleep 0.5
done
run "$bin/psql" -X -q -v ON_ERROR_STOP=1 --host=127.0.0.1 --port="$port" --username="$db_user" \
  --dbname=postgres --command="CREATE DATABASE treaty"

url="postgresql://$db_user@127.0.0.1:$port/treaty"
echo "$url" >"$dir/url"
ready=true
echo "start-postgres: PostgreSQL 15 at $url (folder $dir)" >&2
printf 'export TREATY_POSTGRES_DIR=%q\n' "$dir"
printf 'export TREATY_TEST_POSTGRES_URL=%q\n' "$url"
