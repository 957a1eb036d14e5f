#!/usr/bin/env bash
# Stops a cluster started by scripts/start-postgres.sh and removes its folder.
# Usage: scripts/stop-postgres.sh [FOLDER]   (default: $TREATY_POSTGRES_DIR)
# Refuses a folder without start-postgres.sh's marker, so it never deletes anything else. Stopping
# a cluster that is not running (or only half created) just removes the folder. Exit 0 when the
# server is gone and the folder removed.
set -euo pipefail

bin=${TREATY_POSTGRES_BIN:-/usr/lib/postgresql/15/bin}
dir=${1:-${TREATY_POSTGRES_DIR:-}}
if [ -z "$dir" ]; then
  echo "usage: scripts/stop-postgres.sh FOLDER (or set TREATY_POSTGRES_DIR)" >&2
  exit 2
fi
[ -d "$dir" ] || exit 0
if [ ! -f "$dir/.treaty-postgres" ]; then
  echo "stop-postgres: $dir was not made by start-postgres.sh; left alone" >&2
  exit 2
fi

run() {  # run COMMAND...: runs as the owner of the data folder (the server's user)
  local owner
  owner=$(stat -c %U "$dir/data")
  if [ "$(id -u)" -eq 0 ] && [ "$owner" != root ]; then
    runuser -u "$owner" -- "$@"
  else
    "$@"
  fi
}

pid_file="$dir/data/postmaster.pid"
if [ -f "$pid_file" ]; then
  pid=$(head -n 1 "$pid_file")
  cd "$dir"
  if ! run "$bin/pg_ctl" stop --pgdata="$dir/data" --mode=fast --wait --timeout=30 >/dev/null; then
    run "$bin/pg_ctl" stop --pgdata="$dir/data" --mode=immediate --wait --timeout=30 >/dev/null || true
  fi
  # pg_ctl waits for the postmaster; make sure, since the folder is about to disappear under it.
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "stop-postgres: postgres process $pid is still running" >&2
    exit 1
  fi
  cd /
fi
rm -rf "$dir"
