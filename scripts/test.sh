#!/usr/bin/env bash
# npm test: every check, on the Node the console ships on (scripts/node-runtime.sh installs the
# pinned build when this machine lacks it), and the unit and contract tests again on the newest LTS
# line. Each step's time is printed, and all of them at the end, so a slow step shows in CI's log.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-runtime.sh

timings=()
step() {
  local name="$1" start=$SECONDS
  shift
  echo
  echo "━━ $name ($(node --version))"
  # Explicit: a step may run where set -e does not reach (in an && list, in a subshell's function).
  if ! "$@"; then
    echo "━━ $name failed"
    return 1
  fi
  timings+=("$(printf '%-24s %5d s' "$name" $((SECONDS - start)))")
}

# Two parts run beside others that mostly wait, each with its output kept apart and printed whole
# when it is done: the Node 26 pass beside the build checks (servers starting, a lease lapsing in
# test/build/fleet.test.ts), and the container check (an image build) beside e2e (one browser, and
# specs waiting on polls). On 2 cores this takes about 4 minutes off the run.
background() { # background NAME CMD...: starts CMD as a step of its own; sets bg_pid and bg_log
  local name="$1"
  shift
  bg_log=$(mktemp)
  (timings=() && step "$name" "$@" && printf '%s\n' "${timings[@]}" >"$bg_log.time") >"$bg_log" 2>&1 &
  bg_pid=$!
}
join() { # join PID LOG NAME: waits, prints its output, adds its time; fails when it failed
  local ok=0
  wait "$1" && ok=1
  echo
  echo "━━ $3, which ran beside the steps above:"
  cat "$2"
  [ "$ok" = 1 ] || { echo "━━ $3 failed (above)"; return 1; }
  mapfile -t -O "${#timings[@]}" timings <"$2.time"
  rm -f "$2" "$2.time"
}
node26() {
  use_node 26
  step 'unit (Node 26)' npm run test:unit || return 1
  step 'contract (Node 26)' npm run test:contract || return 1
}

use_node 24
ensure_node 26 >/dev/null # installed up front, not by two steps at once
step lint npm run lint
step typecheck npm run typecheck
step unit npm run test:unit
step contract npm run test:contract
step build npm run build

background 'Node 26 pass' node26
node26_pid=$bg_pid node26_log=$bg_log
build_checks=0
step 'page weight, fleet' npm run test:build && step standalone npm run test:standalone && build_checks=1
join "$node26_pid" "$node26_log" 'the Node 26 pass'
[ "$build_checks" = 1 ] || exit 1

background container env CONTAINER_CONTEXT=. npm run test:container
container_pid=$bg_pid container_log=$bg_log
e2e=0
step e2e npm run test:e2e && e2e=1
join "$container_pid" "$container_log" 'the container check'
[ "$e2e" = 1 ] || exit 1

echo
echo "━━ npm test passed; time per step:"
printf '  %s\n' "${timings[@]}"
