#!/usr/bin/env bash
# npm test: every check, on the Node the console ships on (scripts/node-runtime.sh installs the
# pinned build when this machine lacks it), then the unit and contract tests again on the newest LTS
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

# The Node 26 pass runs beside the build checks, which mostly wait (on servers starting, on a lease
# lapsing in test/build/fleet.test.ts): the run is about 2 minutes shorter. Its output is printed
# after them, whole, so the two do not interleave.
node26() {
  use_node 26
  step 'unit (Node 26)' npm run test:unit || return 1
  step 'contract (Node 26)' npm run test:contract || return 1
  printf '%s\n' "${timings[@]}" >"$node26_times"
}

use_node 24
ensure_node 26 >/dev/null # installed up front, not by two runs at once
step lint npm run lint
step typecheck npm run typecheck
step unit npm run test:unit
step contract npm run test:contract
step build npm run build
node26_log=$(mktemp) node26_times=$(mktemp)
trap 'rm -f "$node26_log" "$node26_times"' EXIT
(timings=() && node26) >"$node26_log" 2>&1 &
node26_pid=$!
build_checks_ok=0
step 'page weight, fleet' npm run test:build && step standalone npm run test:standalone && build_checks_ok=1
node26_ok=0
wait "$node26_pid" && node26_ok=1
echo
echo "━━ The Node 26 pass, which ran beside those:"
cat "$node26_log"
[ "$node26_ok" = 1 ] || { echo "The Node 26 pass failed (above)."; exit 1; }
[ "$build_checks_ok" = 1 ] || exit 1
mapfile -t -O "${#timings[@]}" timings <"$node26_times"
step e2e npm run test:e2e
step container env CONTAINER_CONTEXT=. npm run test:container

echo
echo "━━ npm test passed; time per step:"
printf '  %s\n' "${timings[@]}"
