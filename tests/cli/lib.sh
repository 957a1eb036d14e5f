# What the command-line check scripts share. Sourced as `source tests/cli/lib.sh PATH_TO_TREATY`:
# sets $treaty, $root (the project folder) and $work (a temporary folder removed on exit), and
# defines check, run, has, record_termination, serve, stop_server and finish.

treaty=$1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
trap 'stop_server; rm -rf "$work"' EXIT
passed=0
failed=0

check() {  # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name"
  fi
}

# run EXPECTED_EXIT ARGS... : runs treaty with stdin from $stdin (default /dev/null), keeps
# stdout and stderr in $work/out and $work/err.
run() {
  local expected=$1
  shift
  "$treaty" "$@" <"${stdin:-/dev/null}" >"$work/out" 2>"$work/err"
  local code=$?
  [ "$code" -eq "$expected" ] || { echo "exit $code, expected $expected: treaty $*"; cat "$work/err"; return 1; }
}

# has TEXT FILE: FILE contains TEXT; else shows the file.
has() { grep -qF -- "$1" "$2" || { echo "no '$1' in $2:"; head -c 4000 "$2"; return 1; }; }

# record_termination DB DATE: run, recording Latvia's written notice of termination given on DATE.
record_termination() {
  run 0 record --db "$1" --user tester --type notice --subtype termination --participant LV \
    --date "$2" --commitment sec_6__para_7__sent_1 --description "notice of termination" \
    --classification public --evidence https://example.lv/termination-note
}

# serve OUT ARGS...: starts `treaty serve ARGS --listen 127.0.0.1:0 --quiet` in the background,
# its output in OUT.out and OUT.err; sets $server_pid, and $base to its URL ("" when it did not
# start within 10 s). stop_server ends it.
serve() {
  local out=$1
  shift
  "$treaty" serve "$@" --listen 127.0.0.1:0 --quiet >"$out.out" 2>"$out.err" &
  server_pid=$!
  for _ in $(seq 1 100); do grep -q "serving" "$out.out" && break; sleep 0.1; done
  base=$(sed -n 's#^serving .* on \(http://[^ ]*\)/$#\1#p' "$out.out")
}
stop_server() {
  if [ -n "${server_pid:-}" ]; then kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; fi
  server_pid=""
}

finish() {  # prints "N passed, M failed"; fails when any check failed
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
